/**
 * Runs the statement rules over each migration and the history rules over each
 * project, then applies config (enabled, severity) and ignore directives.
 */
import type { TypeName } from "@pgsql/types";
import type { Finding, LockMode, Migration, Problem, Severity, SourceSpan, Statement } from "../types.js";
import {
  type CheckConstraintState,
  ContextTracker,
  type CreatedObjects,
  emptyCreatedObjects,
  type ForeignKeyState,
} from "./context.js";
import { HISTORY_RULES, ruleMeta, STATEMENT_RULES } from "./index.js";
import type { RuleSettings } from "./settings.js";
import type { HistoryInput, ParsedStatement, StatementRule } from "./types.js";

export interface AnalyzeOptions {
  pgVersion: number;
  settings: RuleSettings;
}

/** What earlier migrations declared (column types, enum labels, index owners): the schema rules may consult. */
interface SchemaKnowledge {
  columnTypes: Map<string, TypeName>;
  schemaChecks: Map<string, CheckConstraintState[]>;
  notNullColumns: Set<string>;
  indexColumnsByName: Map<string, string[]>;
  enumLabels: Map<string, string[]>;
  indexTables: Map<string, string>;
  foreignKeys: Map<string, ForeignKeyState[]>;
}

/**
 * Static findings for `targets`, in order. `history` (the project's migrations
 * in the tool's order, targets included) is read first without reporting, so
 * rules know the types and enums earlier migrations declared. Objects created
 * by a migration the PR adds count as new in the later ones the PR adds too.
 */
export function analyzeMigrations(
  targets: Migration[],
  options: AnalyzeOptions,
  history: Migration[] = targets,
): Finding[] {
  const findings: Finding[] = [];
  const prCreated: CreatedObjects = emptyCreatedObjects();
  const knowledge: SchemaKnowledge = {
    columnTypes: new Map(),
    schemaChecks: new Map(),
    notNullColumns: new Set(),
    indexColumnsByName: new Map(),
    enumLabels: new Map(),
    indexTables: new Map(),
    foreignKeys: new Map(),
  };
  const targetSet = new Set(targets);
  for (const migration of [...history, ...targets.filter((t) => !history.includes(t))]) {
    if (!targetSet.has(migration)) {
      observeOnly(migration, options.pgVersion, knowledge);
      continue;
    }
    const created = migration.change === "added" ? prCreated : cloneCreated(prCreated);
    findings.push(
      ...analyzeStatements(migration.statements, {
        ...options,
        ...knowledge,
        toolTransaction: migration.transactional,
        convention: migration.convention,
        created,
        migration: migration.id,
      }),
    );
    findings.push(...migration.problems.map((p) => problemFinding(p, options.settings, migration.id)));
  }
  return findings;
}

function observeOnly(migration: Migration, pgVersion: number, knowledge: SchemaKnowledge): void {
  const tracker = new ContextTracker({
    pgVersion,
    toolTransaction: migration.transactional,
    statements: migration.statements,
    ...knowledge,
  });
  migration.statements.forEach((statement, index) => {
    tracker.at(index, statement.autocommit === true);
    if (statement.ast) tracker.observe(statement.ast);
  });
}

export interface StatementsOptions extends AnalyzeOptions, Partial<SchemaKnowledge> {
  toolTransaction: boolean;
  /** The migration's convention, for fixes in its tool's terms. */
  convention?: string;
  created?: CreatedObjects;
  migration?: string;
}

export function analyzeStatements(statements: Statement[], options: StatementsOptions): Finding[] {
  const findings: Finding[] = [];
  const tracker = new ContextTracker({
    pgVersion: options.pgVersion,
    toolTransaction: options.toolTransaction,
    convention: options.convention,
    statements,
    created: options.created,
    columnTypes: options.columnTypes,
    enumLabels: options.enumLabels,
    indexTables: options.indexTables,
    foreignKeys: options.foreignKeys,
    schemaChecks: options.schemaChecks,
    notNullColumns: options.notNullColumns,
    indexColumnsByName: options.indexColumnsByName,
  });
  statements.forEach((statement, index) => {
    const context = tracker.at(index, statement.autocommit === true);
    statement.inTransaction = context.inTransaction;
    if (!statement.ast) return;
    for (const rule of rulesFor(statement.ast)) {
      if (!options.settings.enabled(rule.meta.id)) continue;
      for (const hit of rule.check(statement as ParsedStatement, context)) {
        if (isIgnored(statement, rule.meta.id)) continue;
        findings.push({
          rule: rule.meta.id,
          severity: options.settings.severity(rule.meta.id, hit.severity ?? rule.meta.severity),
          ...location(statement.path, hit.span ?? statement.span),
          message: hit.message,
          fix: hit.fix,
          lock: hit.lock === undefined ? rule.meta.lock : hit.lock,
          source: "static",
          migration: options.migration,
          statement: statement.sql,
          statementLine: statement.span.line,
          ...(hit.foldedText ? { foldedText: hit.foldedText } : {}),
        });
      }
    }
    tracker.observe(statement.ast);
  });
  return findings;
}

const ANY_KIND: StatementRule[] = STATEMENT_RULES.filter((rule) => !rule.statementKinds);
const BY_KIND = new Map<string, StatementRule[]>();
for (const rule of STATEMENT_RULES)
  for (const kind of rule.statementKinds ?? []) BY_KIND.set(kind, [...(BY_KIND.get(kind) ?? []), rule]);
const RULES_BY_KIND = new Map<string, StatementRule[]>(
  [...BY_KIND].map(([kind, rules]) => [kind, STATEMENT_RULES.filter((r) => !r.statementKinds || rules.includes(r))]),
);

/** The statement rules that can report on this node kind, in catalog order. */
function rulesFor(ast: object): StatementRule[] {
  for (const kind in ast) return RULES_BY_KIND.get(kind) ?? ANY_KIND;
  return ANY_KIND;
}

export function analyzeHistory(input: HistoryInput, settings: RuleSettings): Finding[] {
  const findings: Finding[] = [];
  for (const rule of HISTORY_RULES) {
    if (!settings.enabled(rule.meta.id)) continue;
    for (const hit of rule.check(input)) {
      findings.push({
        rule: rule.meta.id,
        severity: settings.severity(rule.meta.id, hit.severity ?? rule.meta.severity),
        ...location(hit.path, hit.span),
        message: hit.message,
        fix: hit.fix,
        lock: hit.lock ?? null,
        source: "static",
        migration: hit.migration,
      });
    }
  }
  return findings;
}

/** A problem met while reading input (parse error, unreadable file …) as a finding. */
export function problemFinding(
  problem: Problem,
  settings: RuleSettings,
  migration?: string,
  lock: LockMode | null = null,
): Finding {
  const fallback: Severity = problem.severity;
  return {
    rule: problem.rule,
    severity: ruleMeta(problem.rule) ? settings.severity(problem.rule, fallback) : fallback,
    ...location(problem.path, problem.span),
    message: problem.message,
    fix: problem.fix,
    lock,
    source: "static",
    migration,
  };
}

export function isIgnored(statement: Pick<Statement, "ignores">, rule: string): boolean {
  return statement.ignores.some((d) => d.rule === rule || d.rule === "all");
}

function location(path: string, span: SourceSpan): Pick<Finding, "path" | "line" | "column" | "endLine"> {
  return { path, line: span.line, column: span.column, endLine: span.endLine };
}

function cloneCreated(created: CreatedObjects): CreatedObjects {
  return {
    tables: new Set(created.tables),
    indexes: new Set(created.indexes),
    types: new Set(created.types),
    columns: new Set(created.columns),
    checks: new Map([...created.checks].map(([table, checks]) => [table, checks.map((c) => ({ ...c }))])),
  };
}
