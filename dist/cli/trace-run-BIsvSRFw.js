import { b as buildPlan, d as blocksTraffic, s as strongest, e as blockedBy, i as isIgnored, r as ruleMeta } from './cli-B_9R6XYJ.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, mkdir, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { e as engineAssets, o as openEngine, r as requestedExtensions, c as causeOf } from './engine-CDYefMXC.js';
import 'node:util';
import 'process';
import 'buffer';
import 'node:path/posix';
import 'node:url';
import 'node:child_process';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:module';
import 'node:worker_threads';

const CACHE_FORMAT = 1;
let engineIdentity;
function engineBuild() {
  engineIdentity ??= createHash("sha256").update(readFileSync(engineAssets().pgliteWasm)).digest("hex").slice(0, 16);
  return engineIdentity;
}
function historyCacheKey(history) {
  const hash = createHash("sha256");
  hash.update(`db-migrate-engine:${CACHE_FORMAT}:${engineBuild()}
`);
  for (const migration of history) {
    const content = migration.checksum ?? createHash("sha256").update(migration.statements.map((s) => s.sql).join("\n;\n")).digest("hex");
    hash.update(`${migration.path}\0${migration.id}\0${migration.transactional}\0${content}
`);
  }
  return hash.digest("hex");
}
function files(cacheDir, key) {
  return {
    data: path.join(cacheDir, `db-migrate-base-${key}.tar.gz`),
    report: path.join(cacheDir, `db-migrate-base-${key}.json`)
  };
}
async function readCachedBase(cacheDir, key) {
  const paths = files(cacheDir, key);
  try {
    const [data, report] = await Promise.all([readFile(paths.data), readFile(paths.report, "utf8")]);
    const parsed = JSON.parse(report);
    return { checkpoint: { data: new Uint8Array(gunzipSync(data)), extensions: parsed.extensions }, report: parsed };
  } catch {
    return null;
  }
}
async function writeCachedBase(cacheDir, key, base) {
  const paths = files(cacheDir, key);
  await mkdir(cacheDir, { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  await writeFile(paths.data + suffix, gzipSync(base.checkpoint.data, { level: 1 }));
  await writeFile(paths.report + suffix, JSON.stringify({ ...base.report, extensions: base.checkpoint.extensions }));
  await rename(paths.data + suffix, paths.data);
  await rename(paths.report + suffix, paths.report);
}

function baseHistoryOf(history, targets) {
  const first = history.findIndex((m) => targets.includes(m));
  return history.slice(0, first < 0 ? history.length : first);
}
async function traceChanges(input, options = {}) {
  const targets = new Set(input.targets);
  const indexes = input.history.flatMap((m, i) => targets.has(m) ? [i] : []);
  const first = indexes[0] ?? input.history.length;
  const last = indexes.at(-1) ?? input.history.length - 1;
  const baseHistory = baseHistoryOf(input.history, input.targets);
  const toRun = [...input.history.slice(first, last + 1), ...input.targets.filter((m) => !input.history.includes(m))];
  const cacheKey = historyCacheKey(baseHistory);
  const cached = options.cacheDir ? await readCachedBase(options.cacheDir, cacheKey) : null;
  const started = performance.now();
  const engine = await openEngine({
    ...options,
    pgVersion: input.pgVersion,
    extensions: requestedExtensions(cached ? toRun : [...baseHistory, ...toRun]),
    ...cached ? { initial: cached.checkpoint } : {}
  });
  const timings = { bootMs: performance.now() - started, baseMs: 0, traceMs: 0 };
  try {
    let base;
    const baseStarted = performance.now();
    if (cached) {
      base = cached.report;
    } else {
      base = await engine.replay(baseHistory);
      if (options.cacheDir) {
        const checkpoint = await engine.checkpoint();
        await writeCachedBase(options.cacheDir, cacheKey, { checkpoint, report: base });
      }
    }
    timings.baseMs = performance.now() - baseStarted;
    const traceStarted = performance.now();
    const prBaseline = await engine.baseline();
    const traces = [];
    const between = [];
    for (const migration of toRun) {
      if (!targets.has(migration)) {
        between.push(await engine.replay([migration]));
        continue;
      }
      const baseline = migration.change === "added" ? prBaseline : await engine.baseline();
      traces.push(await engine.trace(migration, { baseline }));
    }
    timings.traceMs = performance.now() - traceStarted;
    const baseFailures = [...base.failures, ...between.flatMap((r) => r.failures)];
    const findings = [
      ...input.settings?.enabled("migration-fails") === false ? [] : baseFailures.map(baseFailureFinding),
      ...traces.flatMap((t) => traceFindings(t, baseFailures, input.settings))
    ];
    const roles = [.../* @__PURE__ */ new Set([...base.createdRoles, ...engine.createdRoles])];
    const notices = replayNotices(base, roles, baseHistory.length);
    const plan = buildPlan(input.targets, { traces, findings, pgVersion: input.pgVersion });
    return {
      findings,
      plan,
      notices,
      traces,
      base,
      cache: options.cacheDir ? cached ? "hit" : "miss" : "off",
      cacheKey,
      timings
    };
  } finally {
    await engine.close();
  }
}
const CAUSES = {
  "missing-extension": "the embedded PostgreSQL does not ship this extension",
  "server-file": "it reads or writes a file on the database server",
  budget: "it ran past the engine's budget",
  environment: "it needs a database, tablespace or server setting the embedded PostgreSQL does not have",
  "runtime-values": "its bind parameters are filled in by the migration's code at run time",
  sql: "PostgreSQL rejected it on the replayed schema"
};
function baseFailureFinding(failure) {
  return {
    rule: "migration-fails",
    severity: "info",
    path: failure.path,
    line: failure.span.line,
    column: failure.span.column,
    endLine: failure.span.endLine,
    message: `could not be replayed on the embedded PostgreSQL (${CAUSES[failure.cause]}): ${failure.message}. Replay went on without it; later statements that use what it creates may fail here too`,
    lock: null,
    source: "trace",
    migration: failure.migration,
    statement: failure.sql
  };
}
function traceFindings(trace, baseFailures = [], settings) {
  const findings = [];
  const add = (rule, statement, finding) => {
    if (isIgnored(statement.statement, rule)) return;
    if (settings && !settings.enabled(rule)) return;
    const fallback = finding.severity ?? ruleMeta(rule)?.severity ?? "error";
    const span = statement.statement.span;
    findings.push({
      rule,
      path: statement.statement.path,
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      source: "trace",
      migration: trace.migration.id,
      statement: statement.statement.sql,
      ...finding,
      severity: settings ? settings.severity(rule, fallback) : fallback
    });
  };
  for (const statement of trace.statements) {
    if (statement.error) {
      const related = relatedBaseFailure(statement.error.message, baseFailures);
      const stopped = trace.stopped !== void 0 && statement.index === trace.statements.at(-1)?.index;
      const cause = stopped ? "budget" : causeOf(statement.error);
      if (cause !== "sql" && cause !== "budget") {
        add("migration-fails", statement, {
          message: `could not be run on the embedded PostgreSQL (${CAUSES[cause]}): ${statement.error.message}; the statements after it were traced without it`,
          lock: null,
          severity: "info"
        });
        continue;
      }
      add("migration-fails", statement, {
        message: `fails on the embedded PostgreSQL after replaying the history: ${statement.error.message}${related ? ` (this may follow from ${related.path}:${related.span.line}, which could not be replayed: ${related.message})` : ""}`,
        fix: stopped ? "make the statement finish within the budget (batch the work), or raise the budget (`trace.budget` / --budget)" : "fix the statement so it applies on the schema the history builds",
        lock: null
      });
      continue;
    }
    const blocking = statement.locks.filter(
      (l) => l.observed && l.acquired && l.existedBefore && l.kind !== "index" && l.kind !== "sequence" && blocksTraffic(l.mode)
    );
    if (blocking.length > 0) {
      const mode = strongest(blocking.map((l) => l.mode));
      const tables2 = blocking.map((l) => `\`${l.relation}\` ${l.mode}`).join(", ");
      const held = statement.heldFor && statement.heldFor > 1 ? `, held for ${statement.heldFor} statements until the transaction ends` : statement.transaction === "none" ? "" : ", held until the transaction ends";
      add("observed-blocking-lock", statement, {
        message: `took ${tables2} (blocks ${blockedBy(mode).join(", ")})${held}`,
        fix: "take a weaker lock (CONCURRENTLY, NOT VALID then VALIDATE), set lock_timeout first, and keep it at the end of its transaction",
        lock: mode
      });
    }
    const rewritten = statement.rewrites.filter((r) => r.existedBefore);
    const tables = rewritten.filter((r) => r.kind === "table" || r.kind === "matview");
    const indexes = rewritten.filter((r) => r.kind === "index");
    if (tables.length > 0 || indexes.length > 0) {
      const mode = strongest(statement.locks.filter((l) => l.kind !== "index").map((l) => l.mode));
      const rebuilt = indexes.length > 0 ? `rebuilt index ${indexes.map((r) => `\`${r.relation}\``).join(", ")}` : "";
      add("observed-rewrite", statement, {
        message: tables.length > 0 ? `rewrote table ${tables.map((r) => `\`${r.relation}\``).join(", ")} (every row copied to a new file${rebuilt ? `; ${rebuilt}` : ""}), under ${mode ?? "AccessExclusiveLock"}` : `${rebuilt} (a new file built from every row)`,
        fix: "add a new column, backfill it in batches and switch over, instead of changing the table in place",
        lock: mode ?? "AccessExclusiveLock",
        ...tables.length === 0 ? { severity: "warning" } : {}
      });
    }
  }
  return findings;
}
function relatedBaseFailure(message, failures) {
  const names = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1].toLowerCase());
  return failures.find((f) => names.some((name) => f.sql.toLowerCase().includes(name)));
}
function replayNotices(base, createdRoles, count) {
  const notices = [];
  if (count > 0) {
    const failed = base.failures.length;
    notices.push({
      level: failed > 0 ? "warning" : "info",
      message: `replayed ${count} base migration(s) on the embedded PostgreSQL${failed > 0 ? `; ${failed} statement(s) could not be replayed (see the info findings), results that depend on them may be affected` : ""}`
    });
  }
  if (createdRoles.length > 0) {
    notices.push({
      level: "info",
      message: `created role(s) ${createdRoles.join(", ")} (NOLOGIN) on the embedded PostgreSQL so GRANT/OWNER statements could run`
    });
  }
  return notices;
}
async function traceProjects(history, targets, input, options) {
  const all = { findings: [], plan: [], notices: [], traces: [], timings: [] };
  for (const [folder, migrations] of history) {
    const mine = targets.filter((t) => migrations.includes(t));
    if (mine.length === 0) continue;
    options.log?.(`engine: replaying ${folder} (${migrations.length} migrations) and tracing ${mine.length}`);
    const result = await traceChanges({ history: migrations, targets: mine, ...input }, options);
    all.findings.push(...result.findings);
    all.plan.push(...result.plan);
    all.notices.push(...result.notices.map((n) => ({ ...n, path: n.path ?? folder })));
    all.traces.push(...result.traces);
    all.timings.push(result.timings);
  }
  return all;
}

export { baseHistoryOf, traceChanges, traceFindings, traceProjects };
