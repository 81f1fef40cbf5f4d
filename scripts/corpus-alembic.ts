/**
 * Measures the Alembic source on a real project:
 * `npx tsx scripts/corpus-alembic.ts <versions-folder> [--root <repository>] [--replay] [--verbose]`.
 * With --root, the repository's own modules resolve imports (model
 * `__tablename__`s, SQL constants) as they do in `validate`. Prints files,
 * operations, statements, problems by rule, unanalysed operations by
 * construct, and the revision graph's roots, merges and heads. With --replay,
 * runs the rendered upgrade statements in graph order on an embedded
 * PostgreSQL (PGlite) and counts the ones PostgreSQL rejects, by message.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { citext } from "@electric-sql/pglite/contrib/citext";
import { hstore } from "@electric-sql/pglite/contrib/hstore";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { uuid_ossp } from "@electric-sql/pglite/contrib/uuid_ossp";
import { loadAlembicRevisions } from "../src/sources/alembic/index.js";
import { loadParser } from "../src/sql/parse.js";
import type { Project } from "../src/types.js";
import { WorkingTree } from "../src/workspace/working-tree.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: "string" },
    verbose: { type: "boolean", default: false },
    replay: { type: "boolean", default: false },
  },
});
const [folderArg] = positionals;
if (!folderArg) {
  console.error("usage: tsx scripts/corpus-alembic.ts <versions-folder> [--root <repository>] [--verbose]");
  process.exit(2);
}
const folder = path.resolve(folderArg);
const root = path.resolve(values.root ?? folderArg);
await loadParser();
const files = new WorkingTree(root);
// alembic.ini / pyproject.toml / env.py between the versions folder and the root, as detection would list them.
const projectFiles: string[] = [];
for (let dir = folder; dir.startsWith(root); dir = path.dirname(dir)) {
  for (const name of ["alembic.ini", "pyproject.toml", "env.py"]) {
    if (existsSync(path.join(dir, name)))
      projectFiles.push(path.relative(root, path.join(dir, name)).split(path.sep).join("/"));
  }
  if (dir === root) break;
}
const project: Project = {
  tool: "alembic",
  convention: "alembic",
  folder: path.relative(root, folder).split(path.sep).join("/"),
  dialect: "postgresql",
  transactional: true,
  files: projectFiles,
  evidence: [],
};
const loaded = await loadAlembicRevisions(project, files, {});
const migrations = loaded.map((file) => file.migration);

const count = { up: 0, upUnanalyzed: 0, down: 0, downUnanalyzed: 0 };
const constructs = new Map<string, number>();
const approximations = new Map<string, number>();
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
for (const { migration, revision } of loaded) {
  if (!revision) continue;
  for (const [body, side] of [
    [revision.upgrade, "upgrade"],
    [revision.downgrade, "downgrade"],
  ] as const) {
    for (const operation of body.operations) {
      if (side === "upgrade") count.up++;
      else count.down++;
      if (operation.analyzed) continue;
      if (side === "upgrade") count.upUnanalyzed++;
      else count.downUnanalyzed++;
      bump(constructs, `${side}: ${(operation.construct ?? "").replace(/\(.*$/, "").slice(0, 70)}`);
      if (values.verbose) console.log(`  ${migration.path}:${operation.span.line} ${operation.construct}`);
    }
    for (const problem of body.problems) {
      if (problem.rule === "unanalyzed-operation" && problem.message.includes("approximate")) {
        bump(
          approximations,
          problem.message
            .replace(/^.*?: /, "")
            .replace(/`[^`]*`/, "`…`")
            .slice(0, 90),
        );
      }
    }
  }
}

const problemsByRule = new Map<string, number>();
for (const migration of migrations) {
  for (const problem of migration.problems) {
    if (problem.rule === "unanalyzed-operation" && problem.message.includes("approximate")) continue;
    bump(problemsByRule, problem.rule);
    if (values.verbose && problem.rule !== "unanalyzed-operation") {
      console.log(`  ${problem.rule} ${problem.path}:${problem.span.line} ${problem.message}`);
    }
  }
}
const parents = new Set(migrations.flatMap((m) => m.parents));
const heads = migrations.filter((m) => !parents.has(m.id)).map((m) => m.id);
const roots = migrations.filter((m) => m.parents.length === 0).map((m) => m.id);
const merges = migrations.filter((m) => m.parents.length > 1).length;
const statements = migrations.reduce((sum, m) => sum + m.statements.length, 0);
const unparsed = migrations.reduce((sum, m) => sum + m.statements.filter((s) => s.ast === null).length, 0);
const percent = (part: number, whole: number) => (whole === 0 ? "0.0" : ((100 * part) / whole).toFixed(1));

console.log(`folder: ${folder}`);
console.log(`files loaded: ${migrations.length} (${loaded.filter((f) => f.revision === null).length} unreadable)`);
console.log(
  `upgrade operations: ${count.up}, unanalysed: ${count.upUnanalyzed} (${percent(count.upUnanalyzed, count.up)}%)`,
);
console.log(
  `downgrade operations: ${count.down}, unanalysed: ${count.downUnanalyzed} (${percent(count.downUnanalyzed, count.down)}%)`,
);
console.log(`upgrade statements: ${statements} (${unparsed} not parsed by PostgreSQL's parser)`);
console.log(`problems (upgrade + file): ${JSON.stringify(Object.fromEntries(problemsByRule))}`);
console.log(`roots: ${roots.join(", ")}; merges: ${merges}; heads: ${heads.join(", ")}`);
console.log("unanalysed by construct:");
for (const [construct, n] of [...constructs].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${construct}`);
console.log("type approximations:");
for (const [text, n] of [...approximations].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${text}`);

if (values.replay) {
  // The contrib extensions real projects create, so CREATE EXTENSION works as on a server.
  const db = new PGlite({ extensions: { btree_gist, citext, hstore, pg_trgm, uuid_ossp } });
  let executed = 0;
  const failures = new Map<string, number>();
  for (const migration of migrations) {
    for (const statement of migration.statements) {
      // Statements with bind parameters ($n) need run-time values; they are not replayed.
      if (/\$\d/.test(statement.sql)) continue;
      try {
        await db.exec(statement.sql);
        executed++;
      } catch (error) {
        const message = (error as Error).message.replace(/"[^"]*"/g, '"…"');
        failures.set(message, (failures.get(message) ?? 0) + 1);
        if (values.verbose)
          console.log(`  replay ${statement.path}:${statement.span.line} ${(error as Error).message}`);
      }
    }
  }
  console.log(
    `replay on PGlite: ${executed} statements ran, ${[...failures.values()].reduce((a, b) => a + b, 0)} failed`,
  );
  for (const [message, n] of [...failures].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${message}`);
  await db.close();
}
