/**
 * `validate --trace`, `plan` and the action: replay the base history (or
 * restore it from the cache), trace the PR's migrations on top, and turn what
 * PostgreSQL did into findings and a plan.
 */
import { buildPlan } from "../plan/build.js";
import { ruleMeta } from "../rules/index.js";
import { isIgnored } from "../rules/run.js";
import type { RuleSettings } from "../rules/settings.js";
import { blockedBy, blocksTraffic, strongest } from "../sql/locks.js";
import type { Finding, Migration, Notice, PlanMigration, Severity } from "../types.js";
import { historyCacheKey } from "./cache.js";
import { causeOf, type Engine } from "./engine.js";
import { type EngineInfo, type EngineSession, type EngineSessionOptions, openEngineSession } from "./engine-session.js";
import type { MigrationTrace, ReplayReport, StatementFailure, StatementTrace } from "./types.js";

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

const CAUSES: Record<StatementFailure["cause"], string> = {
  "missing-extension": "the embedded PostgreSQL does not ship this extension",
  "server-file": "it reads or writes a file on the database server",
  budget: "it ran past the engine's budget",
  environment: "it needs a database, tablespace or server setting the embedded PostgreSQL does not have",
  "runtime-values": "its bind parameters are filled in by the migration's code at run time",
  sql: "PostgreSQL rejected it on the replayed schema",
};

function baseFailureFinding(failure: StatementFailure): Finding {
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

/** Findings from one traced migration: failures, rewrites, blocking locks. */
export function traceFindings(
  trace: MigrationTrace,
  baseFailures: StatementFailure[] = [],
  settings?: RuleSettings,
  /** Migrations replayed before this one whose replay stopped early (Migration.partial). */
  incomplete: Migration[] = [],
): Finding[] {
  const findings: Finding[] = [];
  const add = (
    rule: string,
    statement: StatementTrace,
    finding: Omit<Finding, "rule" | "path" | "line" | "column" | "endLine" | "source" | "severity"> & {
      severity?: Severity;
    },
  ) => {
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
      severity: settings ? settings.severity(rule, fallback) : fallback,
    });
  };
  for (const statement of trace.statements) {
    if (statement.error) {
      const related = relatedBaseFailure(statement.error.message, baseFailures);
      const stopped = trace.stopped !== undefined && statement.index === trace.statements.at(-1)?.index;
      const cause = stopped ? "budget" : causeOf(statement.error);
      if (cause !== "sql" && cause !== "budget") {
        // A limit of the embedded PostgreSQL, not a fault of the migration.
        add("migration-fails", statement, {
          message: `could not be run on the embedded PostgreSQL (${CAUSES[cause]}): ${statement.error.message}; the statements after it were traced without it`,
          lock: null,
          severity: "info",
        });
        continue;
      }
      const partial = incomplete.at(-1);
      if (partial?.partial && !stopped) {
        // The replayed schema is known to be incomplete: a verdict here would not be a promise.
        add("migration-fails", statement, {
          message: `not verifiable: fails on the embedded PostgreSQL (${statement.error.message}), but ${partial.path} was replayed only up to line ${partial.partial.line} (${partial.partial.reason}), so the schema it ran on may lack what that migration creates`,
          fix: "check this statement against a database migrated by the tool itself",
          lock: null,
          severity: "info",
        });
        continue;
      }
      add("migration-fails", statement, {
        message: `fails on the embedded PostgreSQL after replaying the history: ${statement.error.message}${
          related
            ? ` (this may follow from ${related.path}:${related.span.line}, which could not be replayed: ${related.message})`
            : ""
        }`,
        fix: stopped
          ? "make the statement finish within the budget (batch the work), or raise it: `trace.budget-seconds` in .db-migrate.yml, --budget-seconds on the command line"
          : "fix the statement so it applies on the schema the history builds",
        lock: null,
      });
      continue;
    }
    const blocking = statement.locks.filter(
      (l) =>
        l.observed &&
        l.acquired &&
        l.existedBefore &&
        l.kind !== "index" &&
        l.kind !== "sequence" &&
        blocksTraffic(l.mode),
    );
    if (blocking.length > 0) {
      const mode = strongest(blocking.map((l) => l.mode));
      const tables = blocking.map((l) => `\`${l.relation}\` ${l.mode}`).join(", ");
      const held =
        statement.heldFor && statement.heldFor > 1
          ? `, held for ${statement.heldFor} statements until the transaction ends`
          : statement.transaction === "none"
            ? ""
            : ", held until the transaction ends";
      add("observed-blocking-lock", statement, {
        message: `took ${tables} (blocks ${blockedBy(mode).join(", ")})${held}`,
        fix: "take a weaker lock (CONCURRENTLY, NOT VALID then VALIDATE), set lock_timeout first, and keep it at the end of its transaction",
        lock: mode,
      });
    }
    const rewritten = statement.rewrites.filter((r) => r.existedBefore);
    const tables = rewritten.filter((r) => r.kind === "table" || r.kind === "matview");
    const indexes = rewritten.filter((r) => r.kind === "index");
    if (tables.length > 0 || indexes.length > 0) {
      const mode = strongest(statement.locks.filter((l) => l.kind !== "index").map((l) => l.mode));
      const rebuilt = indexes.length > 0 ? `rebuilt index ${indexes.map((r) => `\`${r.relation}\``).join(", ")}` : "";
      add("observed-rewrite", statement, {
        message:
          tables.length > 0
            ? `rewrote table ${tables.map((r) => `\`${r.relation}\``).join(", ")} (every row copied to a new file${rebuilt ? `; ${rebuilt}` : ""}), under ${mode ?? "AccessExclusiveLock"}`
            : `${rebuilt} (a new file built from every row)`,
        fix: "add a new column, backfill it in batches and switch over, instead of changing the table in place",
        lock: mode ?? "AccessExclusiveLock",
        ...(tables.length === 0 ? { severity: "warning" as const } : {}),
      });
    }
  }
  return findings;
}

/** A base statement that failed and created something the later error names. */
function relatedBaseFailure(message: string, failures: StatementFailure[]): StatementFailure | undefined {
  const names = [...message.matchAll(/"([^"]+)"/g)].map((m) => (m[1] as string).toLowerCase());
  return failures.find((f) => names.some((name) => f.sql.toLowerCase().includes(name)));
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
