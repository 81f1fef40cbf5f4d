/**
 * `validate --trace`, `plan` and the action: replay the base history (or
 * restore it from the cache), trace the PR's migrations on top, and turn what
 * PostgreSQL did into findings and a plan.
 */
import { buildPlan } from "../plan/build.js";
import type { RuleSettings } from "../rules/settings.js";
import { FAILURE_CAUSES } from "../rules/trace/migration-fails.js";
import { traceFindings as runTraceRules } from "../rules/trace/run.js";
import type { Finding, Migration, Notice, PlanMigration } from "../types.js";
import { historyCacheKey } from "./cache.js";
import { causeOf, type Engine } from "./engine.js";
import { type EngineInfo, type EngineSession, type EngineSessionOptions, openEngineSession } from "./engine-session.js";
import type { MigrationTrace, ReplayReport, StatementFailure } from "./types.js";

export interface TraceChangesInput {
  /** All migrations of one project, in the tool's order (head side). */
  history: Migration[];
  /** The ones the PR adds or changes (a subset of history; others are appended after it). */
  targets: Migration[];
  pgVersion: number;
  /** `.db-migrate.yml` rules: disabled rules and severity overrides. */
  settings?: RuleSettings;
}

export interface TraceTimings {
  bootMs: number;
  /** Replaying the base history, or restoring it from the cache. */
  baseMs: number;
  traceMs: number;
}

export interface TraceChangesResult {
  findings: Finding[];
  plan: PlanMigration[];
  notices: Notice[];
  traces: MigrationTrace[];
  /** The base history's replay (from the cache on a warm run). */
  base: ReplayReport;
  cache: "hit" | "prefix" | "miss" | "off";
  cacheKey: string;
  timings: TraceTimings;
  /** What it ran on ("replayed on PostgreSQL 16.4"). */
  engine: EngineInfo | null;
}

/** The migrations replayed before the first target: what the cache holds. */
export function baseHistoryOf(history: Migration[], targets: Migration[]): Migration[] {
  const first = history.findIndex((m) => targets.includes(m));
  return history.slice(0, first < 0 ? history.length : first);
}

/** The cache key traceChanges uses for this history and these targets (for @actions/cache: restore before, save after a miss). */
export function baseCacheKey(history: Migration[], targets: Migration[]): string {
  return historyCacheKey(baseHistoryOf(history, targets));
}

export interface RunChangesOptions {
  /** Trace locks, rewrites and scans (validate --trace, plan). */
  observe: boolean;
  /** Read the schema around each statement (rollbacks). */
  snapshots: boolean;
  /** Called right after each target is applied (and committed), with the session in that state. */
  afterApply?: (migration: Migration, trace: MigrationTrace, engine: Engine) => Promise<void>;
}

/** What one project's run on the session did: the base, the migrations between targets, the targets. */
export interface ChangesRun {
  baseHistory: Migration[];
  base: ReplayReport;
  between: ReplayReport[];
  traces: MigrationTrace[];
  cache: "hit" | "prefix" | "miss" | "off";
  cacheKey: string;
  createdRoles: string[];
  timings: TraceTimings;
}

/**
 * Brings the session to the base of one project (cache or replay), then
 * applies each target once, observed and/or with schema snapshots, calling
 * `afterApply` so rollbacks are verified from the same applied state.
 */
export async function runChanges(
  session: EngineSession,
  input: Pick<TraceChangesInput, "history" | "targets">,
  options: RunChangesOptions,
): Promise<ChangesRun> {
  const targets = new Set(input.targets);
  const indexes = input.history.flatMap((m, i) => (targets.has(m) ? [i] : []));
  const first = indexes[0] ?? input.history.length;
  const last = indexes.at(-1) ?? input.history.length - 1;
  const baseHistory = baseHistoryOf(input.history, input.targets);
  const toRun = [...input.history.slice(first, last + 1), ...input.targets.filter((m) => !input.history.includes(m))];

  const prepared = await session.prepareBase(baseHistory, toRun);
  const engine = session.engine();
  const timings: TraceTimings = { bootMs: prepared.bootMs, baseMs: prepared.ms, traceMs: 0 };
  const traceStarted = performance.now();
  // What "existed before" means: for the migrations a PR adds, the base branch's schema (a
  // table an earlier added migration creates is new); otherwise the schema just before each one.
  const prBaseline = options.observe ? await engine.baseline() : undefined;
  const traces: MigrationTrace[] = [];
  const between: ReplayReport[] = [];
  for (const migration of toRun) {
    session.noteApplied(migration);
    if (!targets.has(migration)) {
      between.push(await engine.replay([migration]));
      continue;
    }
    const baseline = !options.observe ? undefined : migration.change === "added" ? prBaseline : await engine.baseline();
    const trace = await engine.trace(migration, {
      observe: options.observe,
      snapshots: options.snapshots,
      ...(baseline ? { baseline } : {}),
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
    createdRoles: [...new Set([...prepared.report.createdRoles, ...engine.createdRoles])],
    timings,
  };
}

/** The trace's findings, plan and notices from one project's run. */
export function traceResult(input: TraceChangesInput, run: ChangesRun, engine: EngineInfo | null): TraceChangesResult {
  const baseFailures = [...run.base.failures, ...run.between.flatMap((r) => r.failures)];
  const findings = [
    ...(input.settings?.enabled("migration-fails") === false ? [] : baseFailures.map(baseFailureFinding)),
    ...traceFindingsInOrder(run, baseFailures, input.settings),
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
    engine,
  };
}

/** Traces one project's changes on a session of its own (tests, benchmarks). */
export async function traceChanges(
  input: TraceChangesInput,
  options: EngineSessionOptions = {},
): Promise<TraceChangesResult> {
  const session = openEngineSession({ ...options, pgVersion: input.pgVersion });
  try {
    const run = await runChanges(session, input, { observe: true, snapshots: false });
    return traceResult(input, run, session.info());
  } finally {
    await session.dispose();
  }
}

function baseFailureFinding(failure: StatementFailure): Finding {
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
    statement: failure.sql,
  };
}

/** Each trace's findings, knowing which migrations replayed before it were only partially read. */
function traceFindingsInOrder(run: ChangesRun, baseFailures: StatementFailure[], settings?: RuleSettings): Finding[] {
  const incomplete = run.baseHistory.filter((m) => m.partial);
  return run.traces.flatMap((trace) => {
    const found = traceFindings(trace, baseFailures, settings, [...incomplete]);
    if (trace.migration.partial) incomplete.push(trace.migration);
    return found;
  });
}

/** Findings from one traced migration: the trace rules (src/rules/trace) over what PostgreSQL did. */
export function traceFindings(
  trace: MigrationTrace,
  baseFailures: StatementFailure[] = [],
  settings?: RuleSettings,
  /** Migrations replayed before this one whose replay stopped early (Migration.partial). */
  incomplete: Migration[] = [],
): Finding[] {
  return runTraceRules(trace, causeOf, baseFailures, settings, incomplete);
}

function replayNotices(base: ReplayReport, createdRoles: readonly string[], count: number): Notice[] {
  const notices: Notice[] = [];
  if (count > 0) {
    const failed = base.failures.length;
    notices.push({
      level: failed > 0 ? "warning" : "info",
      message: `replayed ${count} base migration(s) on the embedded PostgreSQL${failed > 0 ? `; ${failed} statement(s) could not be replayed (see the info findings), results that depend on them may be affected` : ""}`,
    });
  }
  if (createdRoles.length > 0) {
    notices.push({
      level: "info",
      message: `created role(s) ${createdRoles.join(", ")} (NOLOGIN) on the embedded PostgreSQL so GRANT/OWNER statements could run`,
    });
  }
  return notices;
}

export interface ProjectTraces {
  findings: Finding[];
  plan: PlanMigration[];
  notices: Notice[];
  traces: MigrationTrace[];
  timings: TraceTimings[];
}

/** Hooks a caller adds to each project's run (the rollback verification). */
export interface ProjectHooks {
  /** Read the schema around each statement (rollbacks need it). */
  snapshots: boolean;
  /** Starts one project; returns the per-target hook. */
  project(folder: string, run: { history: Migration[]; targets: Migration[] }): RunChangesOptions["afterApply"];
  /** After a project's run, with its base replay (notices about it). */
  done?(folder: string, run: ChangesRun): void;
}

/**
 * Runs the targets of every project of an analysis on ONE engine session
 * (`validate --trace`, `plan`, `rollback`, the action): each folder's base is
 * brought into place once, each target applied once; the trace (when
 * `observe`) and the hooks (rollbacks) share that application.
 */
export async function runProjects(
  session: EngineSession,
  history: ReadonlyMap<string, Migration[]>,
  targets: Migration[],
  input: { pgVersion: number; settings?: RuleSettings; observe: boolean },
  hooks?: ProjectHooks,
): Promise<ProjectTraces> {
  const all: ProjectTraces = { findings: [], plan: [], notices: [], traces: [], timings: [] };
  for (const [folder, migrations] of history) {
    const mine = targets.filter((t) => migrations.includes(t));
    if (mine.length === 0) continue;
    session.options.log?.(`engine: replaying ${folder} (${migrations.length} migrations) and applying ${mine.length}`);
    const afterApply = hooks?.project(folder, { history: migrations, targets: mine });
    const run = await runChanges(
      session,
      { history: migrations, targets: mine },
      { observe: input.observe, snapshots: hooks?.snapshots ?? false, ...(afterApply ? { afterApply } : {}) },
    );
    hooks?.done?.(folder, run);
    all.timings.push(run.timings);
    if (!input.observe) continue;
    const result = traceResult({ history: migrations, targets: mine, ...input }, run, session.info());
    all.findings.push(...result.findings);
    all.plan.push(...result.plan);
    all.notices.push(...result.notices.map((n) => ({ ...n, path: n.path ?? folder })));
    all.traces.push(...result.traces);
  }
  return all;
}
