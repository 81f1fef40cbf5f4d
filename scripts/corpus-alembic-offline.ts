/**
 * db-migrate's Alembic reader against Alembic itself, revision by revision:
 * `npx tsx scripts/corpus-alembic-offline.ts <script_location> [--root <repository>]
 *   [--versions <folder>] [--python /tmp/alembic-venv/bin/python] [--path <dir>]… [--stub <module>]…
 *   [--metadata module:attr] [--verbose] [--json <file>]`.
 *
 * Setup (once, never a product dependency): `python3 -m venv /tmp/alembic-venv &&
 * /tmp/alembic-venv/bin/pip install alembic sqlalchemy psycopg2-binary` plus what
 * the project's revisions import; `--stub <module>` stands in for the rest.
 *
 * Alembic's side comes from scripts/alembic-offline.py, run in a throwaway
 * virtualenv (alembic, sqlalchemy, psycopg2-binary and what the project's
 * revisions import): each revision's upgrade() under Alembic's offline
 * MigrationContext on the PostgreSQL dialect, as `alembic upgrade
 * <down>:<rev> --sql` renders it, minus the version table. That measurement
 * runs the project's Python; db-migrate itself never does.
 *
 * Both sides are split and parsed by libpg-query and normalised by deparsing
 * each statement (pgsql-deparser), then compared per revision. Revisions
 * Alembic cannot render offline (data migrations on a live connection, imports
 * that fail here) are counted apart. The replay order is compared with the
 * order `alembic upgrade heads` applies.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { deparse } from "pgsql-deparser";
import { loadAlembicRevisions } from "../src/sources/alembic/index.js";
import { loadParser, parseSql } from "../src/sql/parse.js";
import type { Project, Statement } from "../src/types.js";
import { WorkingTree } from "../src/workspace/working-tree.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    root: { type: "string" },
    versions: { type: "string" },
    python: { type: "string", default: "/tmp/alembic-venv/bin/python" },
    path: { type: "string", multiple: true, default: [] },
    stub: { type: "string", multiple: true, default: [] },
    metadata: { type: "string" },
    verbose: { type: "boolean", default: false },
    json: { type: "string" },
  },
});
const [locationArg] = positionals;
if (!locationArg) {
  console.error("usage: tsx scripts/corpus-alembic-offline.ts <script_location> [--root <repository>] [--verbose]");
  process.exit(2);
}
const location = path.resolve(locationArg);
const root = path.resolve(values.root ?? path.dirname(location));
const versions = values.versions ? path.resolve(values.versions) : path.join(location, "versions");

interface OfflineDocument {
  order: string[];
  revisions: Record<string, { path: string; sql: string; error?: string }>;
  errors: Record<string, string>;
  stubbed: string[];
}

const out = path.join(os.tmpdir(), `alembic-offline-${process.pid}.json`);
const script = path.join(import.meta.dirname, "alembic-offline.py");
const pyArgs = [script, location, "--out", out, "--path", root];
for (const p of values.path) pyArgs.push("--path", path.resolve(p));
for (const s of values.stub) pyArgs.push("--stub", s);
if (values.versions) pyArgs.push("--versions", versions);
if (values.metadata) pyArgs.push("--metadata", values.metadata);
execFileSync(values.python, pyArgs, { cwd: root, stdio: ["ignore", "ignore", values.verbose ? "inherit" : "ignore"] });
const offline = JSON.parse(readFileSync(out, "utf8")) as OfflineDocument;

await loadParser();
const files = new WorkingTree(root);
const projectFiles: string[] = [];
for (let dir = versions; dir.startsWith(root); dir = path.dirname(dir)) {
  for (const name of ["alembic.ini", "pyproject.toml", "env.py"]) {
    if (existsSync(path.join(dir, name)))
      projectFiles.push(path.relative(root, path.join(dir, name)).split(path.sep).join("/"));
  }
  if (dir === root) break;
}
const project: Project = {
  tool: "alembic",
  convention: "alembic",
  folder: path.relative(root, versions).split(path.sep).join("/"),
  dialect: "postgresql",
  transactional: true,
  files: projectFiles,
  evidence: [],
};
const loaded = await loadAlembicRevisions(project, files, {});

/** One statement as PostgreSQL's parser reads it, printed back by the deparser. */
async function normalise(statement: Statement): Promise<string> {
  if (!statement.ast) return `UNPARSED ${statement.sql.replace(/\s+/g, " ").trim()}`;
  try {
    return await deparse(statement.ast);
  } catch {
    return `UNDEPARSED ${statement.sql.replace(/\s+/g, " ").trim()}`;
  }
}

async function normaliseAll(statements: Statement[]): Promise<string[]> {
  const result: string[] = [];
  for (const statement of statements) result.push(await normalise(statement));
  return result;
}

const tally = { revisions: 0, rendered: 0, identical: 0, differing: 0, notRendered: 0, missing: 0 };
const notRendered = new Map<string, number>();
const differences: Array<{ revision: string; path: string; ours: string[]; theirs: string[] }> = [];
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

for (const { migration, revision } of loaded) {
  tally.revisions++;
  const id = revision?.revision ?? migration.id;
  const theirs = offline.revisions[id];
  if (!theirs) {
    tally.missing++;
    continue;
  }
  if (theirs.error) {
    tally.notRendered++;
    bump(notRendered, theirs.error.slice(0, 120));
    continue;
  }
  tally.rendered++;
  // Transaction control around an autocommit block is Alembic's, modelled apart (Statement.autocommit).
  const alembicStatements = parseSql(theirs.sql, theirs.path).statements.filter((s) => s.kind !== "TransactionStmt");
  const expected = await normaliseAll(alembicStatements);
  const actual = await normaliseAll(migration.statements);
  if (expected.length === actual.length && expected.every((s, i) => s === actual[i])) tally.identical++;
  else {
    tally.differing++;
    differences.push({ revision: id, path: migration.path, ours: actual, theirs: expected });
  }
}

const ours = loaded.map(({ migration, revision }) => revision?.revision ?? migration.id);
const orderMatches = ours.length === offline.order.length && ours.every((id, i) => id === offline.order[i]);
const percent = (part: number, whole: number) => (whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`);

console.log(`project: ${location}`);
console.log(
  `revisions: ${tally.revisions}; rendered offline by Alembic: ${tally.rendered}; identical: ${tally.identical} (${percent(tally.identical, tally.rendered)}); differing: ${tally.differing}; not rendered by Alembic: ${tally.notRendered}; unknown to Alembic: ${tally.missing}`,
);
console.log(`replay order equals \`alembic upgrade heads\`: ${orderMatches ? "yes" : "NO"}`);
if (!orderMatches && values.verbose) {
  console.log(`  alembic:   ${offline.order.join(" ")}`);
  console.log(`  db-migrate: ${ours.join(" ")}`);
}
if (offline.stubbed.length) console.log(`stubbed modules: ${offline.stubbed.join(", ")}`);
if (notRendered.size) {
  console.log("not rendered by Alembic offline:");
  for (const [why, n] of [...notRendered].sort((a, b) => b[1] - a[1])) console.log(`  ${n}  ${why}`);
}
for (const difference of differences) {
  console.log(`DIFF ${difference.revision} ${difference.path}`);
  if (!values.verbose) continue;
  const theirs = new Set(difference.theirs);
  const mine = new Set(difference.ours);
  for (const s of difference.theirs) if (!mine.has(s)) console.log(`  - alembic:    ${s.slice(0, 400)}`);
  for (const s of difference.ours) if (!theirs.has(s)) console.log(`  + db-migrate: ${s.slice(0, 400)}`);
  if (difference.theirs.every((s) => mine.has(s)) && difference.ours.every((s) => theirs.has(s)))
    console.log(
      `  (same statements, different order or count: ${difference.theirs.length} vs ${difference.ours.length})`,
    );
}
if (values.json) writeFileSync(values.json, JSON.stringify({ tally, orderMatches, differences }, null, 2));
