/**
 * Engine benchmark on a real migration folder: cold (boot, replay, trace),
 * cold with the cache written, warm from the cached base, peak memory, and
 * every statement of the history that could not be replayed, with its cause.
 * Usage: npm run bench:engine -- <repo root> <migrations folder> [--targets N]
 * Wall times depend on what else runs on the machine; cpu is the process's
 * CPU time (all threads, the engine worker included).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { traceChanges } from "../src/engine/trace-run.js";
import { analyze } from "../src/pipeline.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { targets: { type: "string", default: "1" }, budget: { type: "string" }, verbose: { type: "boolean" } },
});
const [rootArg, folderArg] = positionals;
if (!rootArg || !folderArg) {
  console.error("usage: tsx scripts/bench-engine.ts <repo root> <migrations folder> [--targets N]");
  process.exit(2);
}
const root = path.resolve(rootArg);

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20);

const analysis = await analyze([folderArg], { root, format: "json", trace: false, color: false });
const [folder, history] = [...analysis.history.entries()].find(([, migrations]) => migrations.length > 0) ?? [];
if (!folder || !history) throw new Error(`no migrations found in ${folderArg}`);
const targets = history.slice(-Number(values.targets));
const input = { history, targets, pgVersion: analysis.pgVersion, settings: analysis.settings };
const budget = {
  ...(values.budget ? { budgetMs: Number(values.budget) * 1000 } : {}),
  ...(values.verbose ? { log: (message: string) => console.error(message) } : {}),
};
const statements = history.reduce((n, m) => n + m.statements.length, 0);
console.log(`${folder}: ${history.length} migrations, ${statements} statements; tracing the last ${targets.length}`);

const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
async function timed(label: string, cacheDir?: string) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await traceChanges(input, { ...budget, ...(cacheDir ? { cacheDir } : {}) });
  const total = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const { bootMs, baseMs, traceMs } = result.timings;
  console.log(
    `${label.padEnd(28)} total ${ms(total)}  boot ${ms(bootMs)}  ${result.cache === "hit" ? "restore" : "replay "} ${ms(baseMs)}  trace ${ms(traceMs)}  cpu ${ms((cpu.user + cpu.system) / 1000)}  (cache: ${result.cache})`,
  );
  return result;
}

const cacheDir = await mkdtemp(path.join(os.tmpdir(), "db-migrate-bench-"));
try {
  const cold = await timed("cold (no cache)");
  await timed("cold, writing the cache", cacheDir);
  await timed("warm (cached base)", cacheDir);
  console.log(`peak memory (rss): ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  console.log(`base replay: ${cold.base.failures.length} statement(s) could not be replayed`);
  for (const failure of cold.base.failures) {
    console.log(`  ${failure.path}:${failure.span.line}  [${failure.cause}] ${failure.message}`);
  }
  if (cold.base.createdRoles.length > 0) console.log(`roles created on the fly: ${cold.base.createdRoles.join(", ")}`);
  console.log(`extensions loaded: ${cold.base.extensions.join(", ") || "none"}`);
  for (const finding of cold.findings.filter((f) => f.severity !== "info")) {
    console.log(`  trace: ${finding.path}:${finding.line} ${finding.rule} ${finding.message}`);
  }
} finally {
  clearInterval(sampler);
  await rm(cacheDir, { recursive: true, force: true });
}
