/**
 * Engine benchmark, side by side on real histories (PR = the last N migrations):
 *   yardstick      a bare script: boot PGlite and run every migration, nothing else
 *   pglite cold    the traced PR check (trace + plan + verified rollbacks, one engine
 *                  session), empty cache
 *   pglite warm    the same with the replayed base in the cache
 *   postgres cold  the same on a real PostgreSQL (engine: postgres), nothing cached
 *   postgres warm  the same with the server's initialised data dir cached
 * and, with --failures, each history replayed whole on real PostgreSQL 13, 16 and 18:
 * the statements each server rejects, the migrations that fail on 13 but not on 18,
 * and whether the static check (--pg-version 13) says so.
 *
 * Each measurement runs in a fresh process (no compiled WASM or JIT carried over);
 * times are taken inside it, from before the work to after (node start not counted).
 * Usage: npm run bench:engine -- [<repo root> <migrations folder>]… [--targets N] [--pg 16] [--failures]
 * Default: langfuse and lemmy from /tmp/corpus.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const DEFAULT_CORPORA = [
  ["/tmp/corpus/langfuse+langfuse", "packages/shared/prisma/migrations"],
  ["/tmp/corpus/LemmyNet+lemmy", "migrations"],
];

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    targets: { type: "string", default: "2" },
    pg: { type: "string", default: "16" },
    failures: { type: "boolean" },
    child: { type: "string" },
    cache: { type: "string" },
    paths: { type: "string" },
  },
});

interface Measure {
  ms: number;
  /** CPU time of this process, all threads (PGlite's worker included; a real server's processes not). */
  cpuMs?: number;
  detail: string;
  data?: unknown;
}

async function loadHistory(root: string, folder: string) {
  const { analyze } = await import("../src/pipeline.js");
  const analysis = await analyze([folder], { root, format: "json", trace: false, color: false });
  const entry = [...analysis.history.entries()].find(([, migrations]) => migrations.length > 0);
  if (!entry) throw new Error(`no migrations found in ${folder}`);
  return { folder: entry[0], history: entry[1] };
}

/** One measurement, in this (fresh) process; prints one JSON line. */
async function child(mode: string, root: string, folder: string): Promise<void> {
  const targets = Number(values.targets);
  const { history } = await loadHistory(root, folder);
  const prPaths = history.slice(-targets).map((m) => m.path);
  let result: Measure;
  const cpuBefore = process.cpuUsage();
  if (mode === "yardstick") {
    const { PGlite } = await import("@electric-sql/pglite");
    const contrib = await Promise.all([
      import("@electric-sql/pglite/contrib/pgcrypto"),
      import("@electric-sql/pglite/contrib/ltree"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("@electric-sql/pglite/contrib/uuid_ossp"),
    ]);
    const scripts = history.map((m) => m.statements.map((s) => `${s.sql}\n;`).join("\n"));
    const started = performance.now();
    const db = await PGlite.create({
      extensions: {
        pgcrypto: contrib[0].pgcrypto,
        ltree: contrib[1].ltree,
        pg_trgm: contrib[2].pg_trgm,
        uuid_ossp: contrib[3].uuid_ossp,
      },
    });
    let failed = 0;
    for (const script of scripts) {
      try {
        await db.exec(script);
      } catch {
        failed++;
      }
    }
    await db.close();
    result = { ms: performance.now() - started, detail: `${history.length} migrations, ${failed} failed` };
  } else if (mode === "static") {
    // The static PR check alone (what every traced run also does before the engine starts).
    const { analyze } = await import("../src/pipeline.js");
    const started = performance.now();
    const analysis = await analyze(prPaths, { root, format: "json", trace: false, color: false });
    result = { ms: performance.now() - started, detail: `${analysis.result.findings.length} findings` };
  } else if (mode.startsWith("traced:")) {
    const [, engine, version] = mode.split(":");
    const { analyze } = await import("../src/pipeline.js");
    const started = performance.now();
    const analysis = await analyze(prPaths, {
      root,
      format: "json",
      trace: true,
      rollbacks: true,
      color: false,
      pgVersion: Number(version),
      engine: engine as "pglite" | "postgres",
      ...(values.cache ? { cacheDir: values.cache } : {}),
    });
    const ms = performance.now() - started;
    const stats = analysis.engineStats;
    const r = analysis.result;
    const verified = r.rollbacks?.filter((x) => x.origin === "generated" && x.verification === "verified").length;
    result = {
      ms,
      detail: `boot ${s(stats?.bootMs ?? 0)}, base ${s(stats?.baseMs[0] ?? 0)} (${stats?.cacheRestores ? "restored" : "replayed"}), boots ${stats?.boots}, base replays ${stats?.baseReplays}; ${r.engine?.serverVersion}; ${r.findings.filter((f) => f.source === "trace").length} trace findings, ${verified}/${targets} rollbacks verified${r.notices.some((n) => n.level === "warning") ? `; notice: ${r.notices.find((n) => n.level === "warning")?.message}` : ""}`,
    };
  } else if (mode.startsWith("failures:")) {
    const version = Number(mode.split(":")[1]);
    const { openEngineSession } = await import("../src/engine/engine-session.js");
    const session = openEngineSession({ engine: "postgres", pgVersion: version });
    const started = performance.now();
    try {
      const base = await session.prepareBase(history, []);
      result = {
        ms: performance.now() - started,
        detail: `${session.info()?.serverVersion ?? "?"}${session.notices.length ? ` (${session.notices[0]?.message})` : ""}`,
        data: base.report.failures.map((f) => ({
          migration: f.path,
          line: f.span.line,
          cause: f.cause,
          message: f.message.slice(0, 160),
        })),
      };
    } finally {
      await session.dispose();
    }
  } else if (mode === "static13") {
    // Whether the static version check (--pg-version 13) names the given migrations.
    const { analyze } = await import("../src/pipeline.js");
    const paths = (values.paths ?? "").split(",").filter(Boolean);
    const analysis = await analyze(paths.length ? paths : prPaths, {
      root,
      format: "json",
      trace: false,
      color: false,
      pgVersion: 13,
    });
    result = {
      ms: 0,
      detail: "",
      data: analysis.result.findings
        .filter((f) => f.rule === "unsupported-on-target-version")
        .map((f) => ({ path: f.path, line: f.line, message: f.message })),
    };
  } else throw new Error(`unknown mode ${mode}`);
  const cpu = process.cpuUsage(cpuBefore);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function run(mode: string, root: string, folder: string, cache?: string, paths?: string[]): Measure {
  const args = [
    "--import",
    "tsx",
    path.resolve(import.meta.dirname, "bench-engine.ts"),
    root,
    folder,
    "--child",
    mode,
    "--targets",
    String(values.targets),
    ...(cache ? ["--cache", cache] : []),
    ...(paths ? ["--paths", paths.join(",")] : []),
  ];
  try {
    const out = execFileSync(process.execPath, args, {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = out.trim().split("\n").at(-1) ?? "{}";
    return JSON.parse(line) as Measure;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? "");
    const reason = stderr.split("\n").find((l) => /Error/.test(l)) ?? (error as Error).message.split("\n")[0];
    return { ms: Number.NaN, detail: `FAILED: ${reason}`, data: [] };
  }
}

async function main(): Promise<void> {
  const pairs: string[][] = [];
  for (let i = 0; i + 1 < positionals.length; i += 2)
    pairs.push([positionals[i] as string, positionals[i + 1] as string]);
  const corpora = pairs.length > 0 ? pairs : DEFAULT_CORPORA;
  const pg = values.pg;
  console.log(
    `PR = the last ${values.targets} migrations; each figure from a fresh process; machine: ${os.cpus().length} cores`,
  );
  for (const [root, folder] of corpora as Array<[string, string]>) {
    const { history } = await loadHistory(root, folder);
    const statements = history.reduce((n, m) => n + m.statements.length, 0);
    console.log(`\n${path.basename(root)} (${folder}): ${history.length} migrations, ${statements} statements`);
    const yard = run("yardstick", root, folder);
    const line = (label: string, m: Measure) =>
      console.log(
        `  ${label.padEnd(22)} wall ${s(m.ms).padStart(8)} ${(m.ms / yard.ms).toFixed(2).padStart(5)}×   cpu ${s(m.cpuMs ?? 0).padStart(8)} ${((m.cpuMs ?? 0) / (yard.cpuMs ?? 1)).toFixed(2).padStart(5)}×   ${m.detail}`,
      );
    line("yardstick", yard);
    line("static PR check", run("static", root, folder));
    const pgliteCache = mkdtempSync(path.join(os.tmpdir(), "db-migrate-bench-"));
    const serverCache = mkdtempSync(path.join(os.tmpdir(), "db-migrate-bench-pg-"));
    try {
      line("traced cold (pglite)", run("traced:pglite:16", root, folder, pgliteCache));
      line("traced warm (pglite)", run("traced:pglite:16", root, folder, pgliteCache));
      line(`traced cold (pg ${pg})`, run(`traced:postgres:${pg}`, root, folder, serverCache));
      line(`traced warm (pg ${pg})`, run(`traced:postgres:${pg}`, root, folder, serverCache));
    } finally {
      rmSync(pgliteCache, { recursive: true, force: true });
      rmSync(serverCache, { recursive: true, force: true });
    }
    if (!values.failures) continue;
    type Failure = { migration: string; line: number; cause: string; message: string };
    const byVersion = new Map<number, Failure[]>();
    for (const version of [13, 16, 18]) {
      const m = run(`failures:${version}`, root, folder);
      const failures = m.data as Failure[];
      byVersion.set(version, failures);
      console.log(`  replay on ${m.detail}: ${failures.length} statement(s) rejected, ${s(m.ms)}`);
      for (const f of failures) console.log(`    ${f.migration}:${f.line} [${f.cause}] ${f.message}`);
    }
    const failing = (v: number) => new Set((byVersion.get(v) ?? []).map((f) => f.migration));
    const only13 = [...failing(13)].filter((m) => !failing(18).has(m));
    console.log(`  fail on 13 but not on 18: ${only13.length === 0 ? "none" : ""}`);
    if (only13.length > 0) {
      const said = run("static13", root, folder, undefined, only13).data as Array<{
        path: string;
        line: number;
        message: string;
      }>;
      for (const migration of only13) {
        const hit = said.filter((f) => f.path === migration);
        console.log(
          `    ${migration}: ${hit.length > 0 ? `db-migrate --pg-version 13 says so (${hit.map((f) => `line ${f.line}: ${f.message.slice(0, 100)}`).join("; ")})` : "db-migrate --pg-version 13 does NOT say so statically"}`,
        );
      }
    }
  }
}

if (values.child) {
  const [root, folder] = positionals;
  await child(values.child, root as string, folder as string);
} else {
  await main();
}
