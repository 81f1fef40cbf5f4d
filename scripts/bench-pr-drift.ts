/**
 * The PR path with a database URL on a real project: the live database is a PGlite served over
 * the wire protocol, loaded with the base branch's migrations (the PR = the project's last
 * migration) and nothing else, so every drift line printed is a false one. Prints the drift
 * lines, the locked tables' sizes, and the run's time with and without the URL.
 *   npx tsx scripts/bench-pr-drift.ts <repository> <migrations-folder>
 */
import path from "node:path";
import { type Extensions, PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { requestedExtensions, tarballName } from "../src/engine/extensions.js";
import { analyze } from "../src/pipeline.js";
import type { FileSource } from "../src/workspace/types.js";
import { WorkingTree } from "../src/workspace/working-tree.js";

const [repository, folder] = process.argv.slice(2);
if (!repository || !folder) {
  console.error("usage: npx tsx scripts/bench-pr-drift.ts <repository> <migrations-folder>");
  process.exit(2);
}
const root = path.resolve(repository);
const head = new WorkingTree(root);

async function run(baseFiles: FileSource | null, databaseUrl?: string) {
  const started = performance.now();
  const analysis = await analyze([folder as string], {
    root,
    format: "json",
    trace: true,
    color: false,
    files: head,
    ...(baseFiles ? { baseFiles, base: "base" } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  return { analysis, ms: performance.now() - started };
}

// The PR: the newest migration of the folder; the base hides it.
const whole = await run(null);
const migrations = [...whole.analysis.history.values()].flat();
const pr = migrations.at(-1);
if (!pr) throw new Error(`${folder}: no migrations`);
const prFolder = path.posix.dirname(pr.path);
const hidden = (file: string) => file === pr.path || (prFolder !== folder && file.startsWith(`${prFolder}/`));
const base: FileSource = {
  label: "base",
  list: async (dir) => (await head.list(dir)).filter((file) => !hidden(file)),
  read: async (file) => (hidden(file) ? null : head.read(file)),
};

// PGlite needs an extension's files at startup: load the ones the history creates, as the engine does.
const extensions: Extensions = {};
for (const name of requestedExtensions(migrations)) {
  const contrib = await import(`@electric-sql/pglite/contrib/${tarballName(name)}`).catch(() => null);
  if (contrib?.[tarballName(name)]) extensions[tarballName(name)] = contrib[tarballName(name)];
}
const db = await PGlite.create({ extensions });
let failed = 0;
for (const migration of migrations.slice(0, -1))
  for (const statement of migration.statements)
    await db.exec(statement.sql).catch(() => {
      failed += 1;
    });
const port = 40000 + Math.floor(Math.random() * 20000);
const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
await server.start();
const url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
try {
  const without = await run(base);
  const withUrl = await run(base, url);
  const drift = withUrl.analysis.result.drift ?? [];
  console.log(
    `PR migration: ${pr.path}; live loaded with ${migrations.length - 1} base migrations (${failed} statements failed on PGlite)`,
  );
  console.log(
    `drift lines (nothing was changed by hand; each line is false unless a base statement failed on the loader): ${drift.reduce((n, d) => n + d.drift.length, 0)}`,
  );
  for (const folderDrift of drift) for (const d of folderDrift.drift) console.log(`  ${d.describe}`);
  console.log(`locked tables sized: ${JSON.stringify(withUrl.analysis.result.tableSizes ?? {})}`);
  for (const notice of withUrl.analysis.result.notices.filter((n) => /database URL/.test(n.message)))
    console.log(`notice: ${notice.message}`);
  console.log(
    `PR run without the URL: ${(without.ms / 1000).toFixed(1)} s; with it: ${(withUrl.ms / 1000).toFixed(1)} s`,
  );
} finally {
  await server.stop();
  await db.close();
}
