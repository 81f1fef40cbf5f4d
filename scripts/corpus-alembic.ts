/**
 * Measures the Alembic source on a real project's versions folder:
 * `npx tsx scripts/corpus-alembic.ts <versions-folder> [--verbose]`.
 * Prints files, operations, statements, problems by rule, unanalysed
 * operations by construct, and the revision graph's heads.
 */
import path from "node:path";
import { loadAlembic } from "../src/sources/alembic/index.js";
import { parseAlembicFile } from "../src/sources/alembic/parse-file.js";
import { loadParser } from "../src/sql/parse.js";
import type { Project } from "../src/types.js";
import { WorkingTree } from "../src/workspace/working-tree.js";

const [folderArg, ...flags] = process.argv.slice(2);
if (!folderArg) {
  console.error("usage: tsx scripts/corpus-alembic.ts <versions-folder> [--verbose]");
  process.exit(2);
}
const verbose = flags.includes("--verbose");
const folder = path.resolve(folderArg);
await loadParser();
const files = new WorkingTree(folder);
const project: Project = {
  tool: "alembic",
  convention: "alembic",
  folder: "",
  dialect: "postgresql",
  transactional: true,
  files: [],
  evidence: [],
};
const migrations = await loadAlembic(project, files, {});

let operations = 0;
let unanalyzed = 0;
let downOperations = 0;
let downUnanalyzed = 0;
const constructs = new Map<string, number>();
const approximations = new Map<string, number>();
for (const migration of migrations) {
  const bytes = await files.read(migration.path);
  if (!bytes) continue;
  const revision = parseAlembicFile(bytes.toString("utf8"), migration.path);
  operations += revision.upgrade.operations.length;
  downOperations += revision.downgrade.operations.length;
  for (const [body, isUp] of [
    [revision.upgrade, true],
    [revision.downgrade, false],
  ] as const) {
    for (const operation of body.operations) {
      if (operation.analyzed) continue;
      if (isUp) unanalyzed++;
      else downUnanalyzed++;
      const key = `${isUp ? "upgrade" : "downgrade"}: ${(operation.construct ?? "").replace(/\(.*$/, "").slice(0, 70)}`;
      constructs.set(key, (constructs.get(key) ?? 0) + 1);
      if (verbose) console.log(`  ${migration.path}:${operation.span.line} ${operation.construct}`);
    }
    for (const problem of body.problems) {
      if (problem.rule === "unanalyzed-operation" && problem.message.includes("approximate")) {
        const key = problem.message
          .replace(/^.*?: /, "")
          .replace(/`[^`]*`/, "`…`")
          .slice(0, 90);
        approximations.set(key, (approximations.get(key) ?? 0) + 1);
      }
    }
  }
}

const problemsByRule = new Map<string, number>();
for (const migration of migrations) {
  for (const problem of migration.problems) {
    if (problem.rule === "unanalyzed-operation" && problem.message.includes("approximate")) continue;
    problemsByRule.set(problem.rule, (problemsByRule.get(problem.rule) ?? 0) + 1);
    if (verbose && problem.rule !== "unanalyzed-operation") {
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
console.log(`files loaded: ${migrations.length}`);
console.log(`upgrade operations: ${operations}, unanalysed: ${unanalyzed} (${percent(unanalyzed, operations)}%)`);
console.log(
  `downgrade operations: ${downOperations}, unanalysed: ${downUnanalyzed} (${percent(downUnanalyzed, downOperations)}%)`,
);
console.log(`upgrade statements: ${statements} (${unparsed} not parsed by PostgreSQL's parser)`);
console.log(`problems (upgrade + file): ${JSON.stringify(Object.fromEntries(problemsByRule))}`);
console.log(`roots: ${roots.join(", ")}; merges: ${merges}; heads: ${heads.join(", ")}`);
console.log("unanalysed by construct:");
for (const [construct, count] of [...constructs].sort((a, b) => b[1] - a[1])) console.log(`  ${count}  ${construct}`);
console.log("type approximations:");
for (const [text, count] of [...approximations].sort((a, b) => b[1] - a[1])) console.log(`  ${count}  ${text}`);
