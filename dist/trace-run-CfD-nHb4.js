import { T as TRACE_RULES, f as isIgnored, h as buildPlan, F as FAILURE_CAUSES } from './run-CpB94160.js';
import { historyCacheKey } from './cache-B1DeuUs3.js';
import { a as causeOf } from './engine-BCADV4GD.js';
import { openEngineSession } from './engine-session-DYM8WqtH.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import './github-D6ur7DmN.js';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'node:path';
import 'node:fs/promises';
import 'node:path/posix';
import 'process';
import 'buffer';
import 'node:crypto';
import 'node:fs';
import 'node:child_process';
import 'url';
import 'module';
import 'node:module';
import 'stream';
import 'node:os';
import 'node:process';
import 'node:https';
import 'tty';
import './session-Cm9VP3aB.js';

function traceFindings$1(trace, causeOf, baseFailures = [], settings, incomplete = []) {
  const findings = [];
  const context = { trace, baseFailures, causeOf, incomplete };
  for (const statement of trace.statements) {
    const span = statement.statement.span;
    for (const rule of TRACE_RULES) {
      const id = rule.meta.id;
      if (settings && !settings.enabled(id)) continue;
      if (isIgnored(statement.statement, id)) continue;
      for (const hit of rule.check(statement, context)) {
        const fallback = hit.severity ?? rule.meta.severity;
        findings.push({
          rule: id,
          severity: settings ? settings.severity(id, fallback) : fallback,
          path: statement.statement.path,
          line: span.line,
          column: span.column,
          endLine: span.endLine,
          message: hit.message,
          ...hit.fix ? { fix: hit.fix } : {},
          lock: hit.lock === void 0 ? rule.meta.lock : hit.lock,
          source: "trace",
          migration: trace.migration.id,
          statement: statement.statement.sql,
          statementLine: span.line,
          ...hit.locks ? { locks: hit.locks } : {},
          ...hit.foldedText ? { foldedText: hit.foldedText } : {}
        });
      }
    }
  }
  return findings;
}

function baseHistoryOf(history, targets) {
  const first = history.findIndex((m) => targets.includes(m));
  return history.slice(0, first < 0 ? history.length : first);
}
function baseCacheKey(history, targets) {
  return historyCacheKey(baseHistoryOf(history, targets));
}
async function runChanges(session, input, options) {
  const targets = new Set(input.targets);
  const indexes = input.history.flatMap((m, i) => targets.has(m) ? [i] : []);
  const first = indexes[0] ?? input.history.length;
  const last = indexes.at(-1) ?? input.history.length - 1;
  const baseHistory = baseHistoryOf(input.history, input.targets);
  const toRun = [...input.history.slice(first, last + 1), ...input.targets.filter((m) => !input.history.includes(m))];
  const prepared = await session.prepareBase(baseHistory, toRun);
  const engine = session.engine();
  const timings = { bootMs: prepared.bootMs, baseMs: prepared.ms, traceMs: 0 };
  const traceStarted = performance.now();
  const prBaseline = options.observe ? await engine.baseline() : void 0;
  const traces = [];
  const between = [];
  for (const migration of toRun) {
    session.noteApplied(migration);
    if (!targets.has(migration)) {
      between.push(await engine.replay([migration]));
      continue;
    }
    const baseline = !options.observe ? void 0 : migration.change === "added" ? prBaseline : await engine.baseline();
    const trace = await engine.trace(migration, {
      observe: options.observe,
      snapshots: options.snapshots,
      ...baseline ? { baseline } : {}
    });
    traces.push(trace);
    await options.afterApply?.(migration, trace, engine);
  }
  timings.traceMs = performance.now() - traceStarted;
  return {
    baseHistory,
    base: prepared.report,
    between,
    traces,
    cache: prepared.cache,
    cacheKey: prepared.cacheKey,
    createdRoles: [.../* @__PURE__ */ new Set([...prepared.report.createdRoles, ...engine.createdRoles])],
    timings
  };
}
function traceResult(input, run, engine) {
  const baseFailures = [...run.base.failures, ...run.between.flatMap((r) => r.failures)];
  const findings = [
    ...input.settings?.enabled("migration-fails") === false ? [] : baseFailures.map(baseFailureFinding),
    ...traceFindingsInOrder(run, baseFailures, input.settings)
  ];
  const notices = replayNotices(run.base, run.createdRoles, run.baseHistory.length);
  const plan = buildPlan(input.targets, { traces: run.traces, findings, pgVersion: input.pgVersion });
  return {
    findings,
    plan,
    notices,
    traces: run.traces,
    base: run.base,
    cache: run.cache,
    cacheKey: run.cacheKey,
    timings: run.timings,
    engine
  };
}
async function traceChanges(input, options = {}) {
  const session = openEngineSession({ ...options, pgVersion: input.pgVersion });
  try {
    const run = await runChanges(session, input, { observe: true, snapshots: false });
    return traceResult(input, run, session.info());
  } finally {
    await session.dispose();
  }
}
function baseFailureFinding(failure) {
  return {
    rule: "migration-fails",
    severity: "info",
    path: failure.path,
    line: failure.span.line,
    column: failure.span.column,
    endLine: failure.span.endLine,
    message: `could not be replayed on the embedded PostgreSQL (${FAILURE_CAUSES[failure.cause]}): ${failure.message}. Replay went on without it; later statements that use what it creates may fail here too`,
    lock: null,
    source: "trace",
    migration: failure.migration,
    statement: failure.sql
  };
}
function traceFindingsInOrder(run, baseFailures, settings) {
  const incomplete = run.baseHistory.filter((m) => m.partial);
  return run.traces.flatMap((trace) => {
    const found = traceFindings(trace, baseFailures, settings, [...incomplete]);
    if (trace.migration.partial) incomplete.push(trace.migration);
    return found;
  });
}
function traceFindings(trace, baseFailures = [], settings, incomplete = []) {
  return traceFindings$1(trace, causeOf, baseFailures, settings, incomplete);
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
async function runProjects(session, history, targets, input, hooks) {
  const all = { findings: [], plan: [], notices: [], traces: [], timings: [] };
  for (const [folder, migrations] of history) {
    const mine = targets.filter((t) => migrations.includes(t));
    if (mine.length === 0) continue;
    session.options.log?.(`engine: replaying ${folder} (${migrations.length} migrations) and applying ${mine.length}`);
    const afterApply = hooks?.project(folder, { history: migrations, targets: mine });
    const run = await runChanges(
      session,
      { history: migrations, targets: mine },
      { observe: input.observe, snapshots: hooks?.snapshots ?? false, ...afterApply ? { afterApply } : {} }
    );
    hooks?.done?.(folder, run);
    all.timings.push(run.timings);
    if (!input.observe) continue;
    const result = traceResult({ targets: mine, ...input }, run, session.info());
    all.findings.push(...result.findings);
    all.plan.push(...result.plan);
    all.notices.push(...result.notices.map((n) => ({ ...n, path: n.path ?? folder })));
    all.traces.push(...result.traces);
  }
  return all;
}

export { baseCacheKey, baseHistoryOf, runChanges, runProjects, traceChanges, traceFindings, traceResult };
