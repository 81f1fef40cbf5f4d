/**
 * Rollbacks that are proven: for each target migration, replay what comes
 * before it, apply it statement by statement, generate the exact inverse, and
 * verify both the generated rollback and the author's own down script by
 * round trip. Hands back the results, the findings (a wrong author rollback,
 * what cannot be undone) and a patch per migration.
 */

import type { EngineSession, EngineSessionOptions } from "../engine/engine-session.js";
import { openEngineSession } from "../engine/engine-session.js";
import type { ChangesRun, ProjectHooks } from "../engine/trace-run.js";
import { runProjects } from "../engine/trace-run.js";
import type { AppliedMigration, MigrationTrace, ReplayReport } from "../engine/types.js";
import { ruleMeta } from "../rules/index.js";
import { isIgnored } from "../rules/run.js";
import type { RuleSettings } from "../rules/settings.js";
import { adapterFor } from "../sources/registry.js";
import type {
  DataCheck,
  Finding,
  Migration,
  Notice,
  RollbackResult,
  SourceSpan,
  Statement,
  UnanalyzedOperation,
} from "../types.js";
import { findLoosenings, proveWithData } from "./data-check.js";
import { buildRollback } from "./inverse.js";
import { type RollbackFile, rollbackFile, unifiedPatch } from "./patch.js";
import { replayHistory } from "./session.js";
import type { IrreversiblePart, RollbackStep } from "./types.js";
import {
  applyWithSnapshots,
  authorRollbackSql,
  checkRollback,
  generatedSqlInTransaction,
  type RollbackCheck,
  type SqlSession,
} from "./verify.js";

export type { IrreversiblePart, RollbackStep } from "./types.js";

export interface RollbackInput {
  /** The project's migrations in the tool's order (the targets may be among them). */
  history: Migration[];
  /** Migrations to roll back: each is applied on top of everything before it in `history`. */
  targets: Migration[];
  pgVersion: number;
  /** Prove the rollbacks by round trip (otherwise they are generated only: `not-run`). */
  verify: boolean;
}

export interface RollbackOptions {
  /** A plain SQL session to use instead of the engine (it must hold an empty database). */
  session?: SqlSession;
  /** The run's engine session (shared with the trace); without it, one is opened for this call. */
  engineSession?: EngineSession;
  /** Options for the engine session opened when none is given (budget, backend, cache). */
  engine?: EngineSessionOptions;
  /** Current content of a repo-relative file, for the patch; null when absent. */
  readFile?: (path: string) => Promise<string | null>;
  log?: (message: string) => void;
  /** `.db-migrate.yml` rule settings: disabled rules report nothing, severities follow the config. */
  settings?: RuleSettings;
}

export interface RollbackOutput {
  rollbacks: RollbackResult[];
  findings: Finding[];
  notices: Notice[];
  /** The generated rollback per target migration id, for renderers (plan, comment). */
  generated: Map<string, { steps: RollbackStep[]; irreversible: IrreversiblePart[] }>;
  /** The files the patches create or change, with their new content (for `--write`). */
  files: RollbackFile[];
}

function finding(
  rule: "rollback-fails" | "rollback-mismatch" | "irreversible",
  path: string,
  span: Pick<SourceSpan, "line" | "column" | "endLine">,
  message: string,
  migration: string,
  extra: Partial<Finding> = {},
): Finding {
  return {
    rule,
    severity: ruleMeta(rule)?.severity ?? "error",
    path,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    message,
    lock: null,
    source: "trace",
    migration,
    ...extra,
  };
}

function wholeFile(line = 1): Pick<SourceSpan, "line" | "column" | "endLine"> {
  return { line, column: 1, endLine: line };
}

/** How an author's down script did, as a finding at its line (none when it verified). */
function authorFinding(migration: Migration, check: RollbackCheck, statements: Statement[]): Finding | null {
  const down = migration.down;
  if (!down || check.verification === "verified") return null;
  if (check.verification === "fails") {
    const failed = statements[check.failedIndex ?? 0];
    if (failed && isIgnored(failed, "rollback-fails")) return null;
    return finding(
      "rollback-fails",
      down.path,
      failed?.span ?? down.span ?? wholeFile(),
      `the rollback of \`${migration.path}\` fails after the migration: ${check.error}`,
      migration.id,
      {
        statement: failed?.sql ?? check.failedStatement ?? "",
        fix: "use the generated rollback (`db-migrate rollback --format patch`), verified by round trip",
      },
    );
  }
  if (statements.some((statement) => isIgnored(statement, "rollback-mismatch"))) return null;
  const shown = check.differences.slice(0, 10).map((d) => d.describe);
  const more = check.differences.length > shown.length ? ` (and ${check.differences.length - shown.length} more)` : "";
  return finding(
    "rollback-mismatch",
    down.path,
    down.span ?? statements[0]?.span ?? wholeFile(),
    `after \`${migration.path}\` and its rollback the schema differs from before: ${shown.join("; ")}${more}`,
    migration.id,
    { fix: "use the generated rollback (`db-migrate rollback --format patch`), verified by round trip" },
  );
}

/** Generates, verifies and patches the rollback of every target migration. */
export async function rollbackChanges(input: RollbackInput, options: RollbackOptions = {}): Promise<RollbackOutput> {
  if (options.session) return rollbackOnSqlSession(input, options.session, options);
  const collector = new RollbackCollector({ pgVersion: input.pgVersion, verify: input.verify }, options);
  const session =
    options.engineSession ?? openEngineSession({ ...options.engine, pgVersion: input.pgVersion, ...logOf(options) });
  try {
    const { history, targets } = orderedTargets(input);
    await runProjects(
      session,
      new Map([["", history]]),
      targets,
      { pgVersion: input.pgVersion, observe: false },
      collector.hooks(),
    );
  } finally {
    if (!options.engineSession) await session.dispose();
  }
  const all = collector.output();
  return { ...all, generated: collector.generated };
}

function logOf(options: RollbackOptions): { log?: (message: string) => void } {
  return options.log ? { log: options.log } : {};
}

/** The history to run and the targets as objects of it (targets not in the history are appended). */
function orderedTargets(input: RollbackInput): { history: Migration[]; targets: Migration[] } {
  const keys = new Set(input.targets.map((t) => `${t.path}\u0000${t.id}`));
  const inHistory = input.history.filter((m) => keys.has(`${m.path}\u0000${m.id}`));
  if (inHistory.length > 0) return { history: input.history, targets: inHistory };
  return { history: [...input.history, ...input.targets], targets: input.targets };
}

/** Replay notices for a project's base and the migrations between targets. */
function replayNotices(reports: ReplayReport[]): Notice[] {
  return reports.flatMap((report) =>
    report.migrations
      .filter((m) => !m.ok)
      .map((m) => ({
        level: "info" as const,
        path: m.path,
        message: `replaying ${m.path} before the rollbacks: ${m.failures.length} statement(s) failed (line ${m.failures[0]?.span.line}: ${m.failures[0]?.message}); later rollback results may be affected`,
      })),
  );
}

/**
 * Rollbacks as hooks on the run's engine session: after each target is
 * applied (once, shared with the trace), its rollback is generated from the
 * schema read around each statement and verified from that applied state.
 */
export class RollbackCollector {
  readonly generated = new Map<string, { steps: RollbackStep[]; irreversible: IrreversiblePart[] }>();
  private readonly all: ProjectRollbacks = { rollbacks: [], findings: [], notices: [], files: [] };

  constructor(
    private readonly input: { pgVersion: number; verify: boolean },
    private readonly options: RollbackOptions,
  ) {}

  hooks(): ProjectHooks {
    return {
      snapshots: true,
      project: (folder) => {
        this.options.log?.(`rollback: migrations in ${folder || "."}`);
        return (migration, trace, engine) => this.afterApply(migration, trace, engine.verifier());
      },
      done: (_folder, run: ChangesRun) => {
        this.all.notices.push(...replayNotices([run.base, ...run.between]));
      },
    };
  }

  private async afterApply(migration: Migration, trace: MigrationTrace, sql: SqlSession): Promise<void> {
    if (!trace.applied) throw new Error(`${migration.path} was applied without schema snapshots`);
    this.options.log?.(`rollback: ${migration.path}`);
    const result = await rollbackApplied(sql, migration, trace.applied, this.input.verify, this.options);
    const settings = this.options.settings;
    this.all.rollbacks.push(...result.rollbacks);
    this.all.findings.push(
      ...result.findings
        .filter((f) => !settings || settings.enabled(f.rule))
        .map((f) => (settings ? { ...f, severity: settings.severity(f.rule, f.severity) } : f)),
    );
    this.all.notices.push(...result.notices);
    if (result.generated) this.generated.set(migration.id, result.generated);
    if (result.file) this.all.files.push(result.file);
  }

  output(): ProjectRollbacks {
    return this.all;
  }
}

/** The rollbacks on a plain SQL session (tests, scripts): the history is replayed statement by statement. */
async function rollbackOnSqlSession(
  input: RollbackInput,
  session: SqlSession,
  options: RollbackOptions,
): Promise<RollbackOutput> {
  const targetKeys = new Set(input.targets.map((t) => `${t.path}\u0000${t.id}`));
  const isTarget = (m: Migration) => targetKeys.has(`${m.path}\u0000${m.id}`);
  const ordered = input.history.some(isTarget) ? input.history : [...input.history, ...input.targets];
  const rollbacks: RollbackResult[] = [];
  const findings: Finding[] = [];
  const notices: Notice[] = [];
  const generated = new Map<string, { steps: RollbackStep[]; irreversible: IrreversiblePart[] }>();
  const files: RollbackFile[] = [];
  const lastTarget = ordered.findLastIndex(isTarget);

  // The tool's own state table, as it creates it: some migrations read or lock it (diesel projects forbidding the CLI).
  const bookkeeping = ordered[0] ? adapterFor(ordered[0].convention).bookkeeping : null;
  if (bookkeeping) await session.exec(bookkeeping.create);
  let pending: Migration[] = [];
  for (const migration of ordered.slice(0, lastTarget + 1)) {
    if (!isTarget(migration)) {
      pending.push(migration);
      continue;
    }
    notices.push(...(await replayHistory(session, pending)));
    pending = [];
    options.log?.(`rollback: ${migration.path}`);
    const result = await rollbackOne(session, migration, input.verify, options);
    rollbacks.push(...result.rollbacks);
    findings.push(...result.findings.filter((f) => !options.settings || options.settings.enabled(f.rule)));
    notices.push(...result.notices);
    if (result.generated) generated.set(migration.id, result.generated);
    if (result.file) files.push(result.file);
    if (result.failed && migration.transactional) notices.push(...(await replayHistory(session, [migration])));
  }
  const settings = options.settings;
  const configured = settings
    ? findings.map((f) => ({ ...f, severity: settings.severity(f.rule, f.severity) }))
    : findings;
  return { rollbacks, findings: configured, notices, generated, files };
}

interface OneResult {
  rollbacks: RollbackResult[];
  findings: Finding[];
  notices: Notice[];
  generated?: { steps: RollbackStep[]; irreversible: IrreversiblePart[] };
  file?: RollbackFile;
  /** The migration itself failed on the engine. */
  failed?: boolean;
}

/** One migration on a session at its "before" state; leaves the session with the migration applied. */
async function rollbackOne(
  session: SqlSession,
  migration: Migration,
  verify: boolean,
  options: RollbackOptions,
): Promise<OneResult> {
  // The migration commits before any rollback runs, as in a deploy (an enum value added by the
  // migration is usable by its rollback only once committed).
  await session.exec("BEGIN");
  let outcome: Awaited<ReturnType<typeof applyWithSnapshots>>;
  try {
    outcome = await applyWithSnapshots(session, migration.statements);
  } catch (error) {
    await session.exec("ROLLBACK");
    throw error;
  }
  // A failed transactional migration leaves nothing behind; other tools keep what ran.
  await session.exec(outcome.ok || !migration.transactional ? "COMMIT" : "ROLLBACK");
  return rollbackApplied(session, migration, outcome, verify, options);
}

/** Problems that mean part of a file was not analysed: a verdict cannot cover that part. */
const UNANALYSED_RULES = new Set(["unanalyzed-operation", "parse-error", "templated-sql", "unreadable-file"]);

/** The operations of the migration, and of its down script, that were not analysed. */
function unanalyzedOperations(migration: Migration): { up: UnanalyzedOperation[]; down: UnanalyzedOperation[] } {
  const toOperation = (p: Migration["problems"][number]): UnanalyzedOperation => ({
    path: p.path,
    line: p.span.line,
    message: p.message,
  });
  const down = migration.down;
  // SQL sources keep a down file's problems with the migration's, at the down file's path.
  const onDown = (p: Migration["problems"][number]) =>
    down !== null && down.path !== migration.path && p.path === down.path;
  const relevant = migration.problems.filter((p) => UNANALYSED_RULES.has(p.rule));
  return {
    up: relevant.filter((p) => !onDown(p)).map(toOperation),
    down: [...relevant.filter(onDown), ...(down?.problems ?? []).filter((p) => UNANALYSED_RULES.has(p.rule))].map(
      toOperation,
    ),
  };
}

/**
 * Verification with data: a schema-verified rollback is run again on rows
 * the migration's loosening allows; the checks that fail (or could not be
 * seeded) turn `verified` into `verified-schema-needs-data-check`.
 */
async function withDataChecks(
  session: SqlSession,
  check: RollbackCheck,
  after: AppliedMigration & { ok: true },
  rollback: string[],
): Promise<{ verification: RollbackResult["verification"]; dataChecks: DataCheck[] }> {
  if (check.verification !== "verified") return { verification: check.verification, dataChecks: [] };
  const applied = after.applied.at(-1)?.after ?? after.start;
  const loosenings = findLoosenings(after.start, applied);
  if (loosenings.length === 0) return { verification: "verified", dataChecks: [] };
  const dataChecks = await proveWithData(session, applied, rollback, loosenings);
  return { verification: dataChecks.length > 0 ? "verified-schema-needs-data-check" : "verified", dataChecks };
}

/** A migration applied (and committed) on `session`: its rollback generated and verified from there. */
async function rollbackApplied(
  session: SqlSession,
  migration: Migration,
  outcome: AppliedMigration,
  verify: boolean,
  options: RollbackOptions,
): Promise<OneResult> {
  const out: OneResult = { rollbacks: [], findings: [], notices: [] };
  if (!outcome.ok) {
    out.notices.push({
      level: "warning",
      path: migration.path,
      message: `no rollback for ${migration.path}: the migration itself fails on the embedded PostgreSQL at line ${outcome.statement.span.line} (${outcome.error})`,
    });
    out.rollbacks.push({
      migration: migration.id,
      path: migration.path,
      origin: "generated",
      verification: "not-run",
      irreversible: [],
      statements: [],
      diff: null,
      error: outcome.error,
    });
    out.failed = true;
    return out;
  }
  const rollback = buildRollback(outcome.applied, outcome.start);
  out.generated = rollback;
  const statements = rollback.steps.filter((s) => s.sql).map((s) => s.sql);
  const statementAt = new Map(migration.statements.map((st) => [st.span.line, st]));
  const reported = rollback.irreversible.filter((part) => {
    const statement = statementAt.get(part.line);
    return !statement || !isIgnored(statement, "irreversible");
  });
  for (const part of reported)
    out.findings.push(
      finding(
        "irreversible",
        migration.path,
        wholeFile(part.line),
        part.reason,
        migration.id,
        part.alternative ? { fix: part.alternative } : {},
      ),
    );

  const unanalyzed = unanalyzedOperations(migration);
  const generatedSql = rollback.steps.filter((s) => s.sql).map(generatedSqlInTransaction);
  let generatedCheck: RollbackCheck | null = null;
  let generatedData: Awaited<ReturnType<typeof withDataChecks>> | null = null;
  if (verify && unanalyzed.up.length === 0) {
    generatedCheck = await checkRollback(session, outcome.start, generatedSql);
    generatedData = await withDataChecks(session, generatedCheck, outcome, generatedSql);
    if (generatedCheck.verification !== "verified")
      out.notices.push({
        level: "warning",
        path: migration.path,
        message: `the generated rollback of ${migration.path} ${generatedCheck.verification === "fails" ? `fails: ${generatedCheck.error} (at \`${generatedCheck.failedStatement}\`)` : `leaves differences: ${generatedCheck.differences.map((d) => d.describe).join("; ")}`}`,
      });
  }

  let authorCheck: RollbackCheck | null = null;
  let authorData: Awaited<ReturnType<typeof withDataChecks>> | null = null;
  const down = migration.down;
  const authorUnanalyzed = [...unanalyzed.up, ...unanalyzed.down];
  if (down && !down.empty && verify && authorUnanalyzed.length === 0) {
    const authored = authorRollbackSql(down);
    authorCheck = await checkRollback(
      session,
      outcome.start,
      authored.map((a) => a.sql),
    );
    authorData = await withDataChecks(
      session,
      authorCheck,
      outcome,
      authored.map((a) => a.sql),
    );
    const problem = authorFinding(
      migration,
      authorCheck,
      authored.map((a) => a.statement),
    );
    if (problem) out.findings.push(problem);
  }

  // The patch is offered where the author has no working rollback: none, empty, or proven wrong.
  const authorWorks = down !== null && !down.empty && (authorCheck === null || authorCheck.verification === "verified");
  const file =
    options.readFile && !authorWorks ? await rollbackFile(migration, rollback.steps, options.readFile) : null;
  const patch = (file && unifiedPatch(file)) || null;
  if (file && patch) out.file = file;
  out.rollbacks.push({
    migration: migration.id,
    path: migration.path,
    origin: "generated",
    verification: verify && unanalyzed.up.length > 0 ? "not-verifiable" : (generatedData?.verification ?? "not-run"),
    irreversible: rollback.irreversible,
    statements,
    diff: patch,
    ...(verify && unanalyzed.up.length > 0 ? { unanalyzed: unanalyzed.up } : {}),
    ...(generatedData?.dataChecks.length ? { dataChecks: generatedData.dataChecks } : {}),
    ...(generatedCheck?.differences.length ? { differences: generatedCheck.differences.map((d) => d.describe) } : {}),
    ...(generatedCheck?.error ? { error: `${generatedCheck.error} (at \`${generatedCheck.failedStatement}\`)` } : {}),
  });
  // The author's own rollback comes last: reports that show one rollback per migration show it,
  // with the generated patch attached when the author's is wrong.
  if (down && !down.empty)
    out.rollbacks.push({
      migration: migration.id,
      path: migration.path,
      origin: "author",
      verification: verify && authorUnanalyzed.length > 0 ? "not-verifiable" : (authorData?.verification ?? "not-run"),
      irreversible: rollback.irreversible,
      statements: down.statements.map((s) => s.sql),
      diff: authorWorks ? null : patch,
      ...(verify && authorUnanalyzed.length > 0 ? { unanalyzed: authorUnanalyzed } : {}),
      ...(authorData?.dataChecks.length ? { dataChecks: authorData.dataChecks } : {}),
      ...(authorCheck?.differences.length ? { differences: authorCheck.differences.map((d) => d.describe) } : {}),
      ...(authorCheck?.error ? { error: authorCheck.error } : {}),
    });
  return out;
}

export interface ProjectRollbacks {
  rollbacks: RollbackResult[];
  findings: Finding[];
  notices: Notice[];
  /** The files the patches create or change, with their new content. */
  files: RollbackFile[];
}

/**
 * Rollbacks for the targets of every project of an analysis on a session of
 * its own (scripts). The pipeline shares the run's session instead, through
 * RollbackCollector's hooks.
 */
export async function rollbackProjects(
  history: ReadonlyMap<string, Migration[]>,
  targets: Migration[],
  input: { pgVersion: number; verify: boolean },
  options: RollbackOptions = {},
): Promise<ProjectRollbacks> {
  const collector = new RollbackCollector(input, options);
  const session =
    options.engineSession ?? openEngineSession({ ...options.engine, pgVersion: input.pgVersion, ...logOf(options) });
  try {
    await runProjects(session, history, targets, { pgVersion: input.pgVersion, observe: false }, collector.hooks());
  } finally {
    if (!options.engineSession) await session.dispose();
  }
  return collector.output();
}
