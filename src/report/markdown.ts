/**
 * The Markdown report: the PR comment, the job summary and the CLI's
 * `--format markdown` all come from here. It is written for a reviewer who
 * decides in one read: a verdict line, one summary row per migration, then the
 * statements that matter with their lock, what it blocks and the fix. Long
 * parts (plan, rollback patch) are folded. When the text would exceed the
 * budget (GitHub's 65,536-character comment limit), detail is dropped in a
 * fixed order and every omission is counted in the text, never silent.
 */
import { stripVTControlCharacters } from "node:util";
import { adapterFor } from "../sources/registry.js";
import { blockedBy, LOCK_MODES, shortLockName } from "../sql/locks.js";
import type {
  AnalysisResult,
  Finding,
  LockMode,
  MigrationSummary,
  PlanMigration,
  PlanStatement,
  RollbackResult,
  Severity,
  TableSize,
  ToolName,
} from "../types.js";
import { SEVERITY_ORDER } from "../types.js";
import { appliedSummary, sizeSuffix } from "./live-database.js";

export interface MarkdownOptions {
  /** Heading name, e.g. `db-migrate · migrations/versions`. */
  title?: string;
  /** Link to the workflow run (its page holds the job summary). */
  runUrl?: string;
  version: string;
  /** Hidden first line that identifies a sticky comment (see `commentMarker`). */
  marker?: string;
  /** Upper bound on the returned text's length. Default: GitHub's comment limit. */
  maxLength?: number;
  /** Where rule pages live; `<docsBaseUrl>/<rule>.md`. Default `docs/rules`. */
  docsBaseUrl?: string;
  /** The severity that fails the check; sets the verdict. Default `error`. */
  failOn?: Severity | "never";
}

/** GitHub rejects issue comments longer than this. */
export const GITHUB_COMMENT_LIMIT = 65_536;

const SEVERITY_ICON: Record<Severity, string> = { error: "🛑", warning: "⚠️", info: "ℹ️" };
const TOOL_NAME: Record<ToolName, string> = { alembic: "Alembic", prisma: "Prisma", sql: "SQL" };
const STATEMENT_WIDTH = 90;
const GENERIC_FILE_NAMES = new Set(["migration.sql", "up.sql", "down.sql", "deploy.sql"]);
/** A finding's message or fix in a table cell; the annotation carries the whole text. */
const MESSAGE_WIDTH = 600;
const MAX_NOTICES = 20;

/** The hidden line that marks the sticky comment of one migration folder. */
export function commentMarker(folder: string): string {
  return `<!-- db-migrate:${folder} -->`;
}

/** The part of a result that belongs to one migration folder (one sticky comment each). */
export function resultForFolder(result: AnalysisResult, folder: string): AnalysisResult {
  const inFolder = (path: string | undefined) =>
    path !== undefined && (folder === "" || folder === "." || path === folder || path.startsWith(`${folder}/`));
  const migrations = result.migrations.filter((m) => inFolder(m.path));
  // By path only: migration ids (001, 002…) repeat across folders.
  const findings = result.findings.filter((f) => inFolder(f.path));
  return {
    ...result,
    migrations,
    findings,
    summary: countBySeverity(findings),
    notices: result.notices.filter((n) => n.path === undefined || inFolder(n.path)),
    plan: result.plan?.filter((p) => inFolder(p.path)),
    rollbacks: result.rollbacks?.filter((r) => inFolder(r.path)),
    projects: result.projects?.filter((p) => p.folder === folder),
  };
}

export function countBySeverity(findings: Finding[]): AnalysisResult["summary"] {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length,
  };
}

export type Verdict = "safe" | "needs-care" | "blocks";

/** Blocks merge when a finding reaches fail-on; needs care when anything but info remains. */
export function verdictOf(result: AnalysisResult, failOn: Severity | "never" = "error"): Verdict {
  const highest = highestSeverity(result.findings);
  if (highest && failOn !== "never" && SEVERITY_ORDER[highest] >= SEVERITY_ORDER[failOn]) return "blocks";
  if (result.summary.errors + result.summary.warnings > 0) return "needs-care";
  return "safe";
}

export function highestSeverity(findings: Finding[]): Severity | null {
  let best: Severity | null = null;
  for (const f of findings) if (!best || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best]) best = f.severity;
  return best;
}

/** One statement of a migration table: the findings on it and, when planned, its lock facts. */
interface Row {
  path: string;
  line: number;
  statement: string;
  lock: LockMode | null;
  /** The tables the lock is on, when known (never an index: its table's lock is what blocks traffic). */
  tables: string[];
  /** A stronger lock the transaction already held when the statement ran (from the replay). */
  alreadyHeld?: LockMode | null;
  planned?: PlanStatement;
  findings: Finding[];
  rank: number;
  /** Global order for truncation: lower is kept first. */
  priority: number;
}

interface FileSection {
  path: string;
  migration?: MigrationSummary;
  rows: Row[];
  /** Findings about the whole migration (no lock_timeout before its locks): one line above the table. */
  migrationFindings: Finding[];
  plan?: PlanMigration;
  rollback?: RollbackResult;
  /** Size and estimated rows of the live database's tables (with a database URL), by the plan's table name. */
  tableSizes?: Record<string, TableSize>;
  /** Rank of the most severe finding of the file, for the top files of a large PR. */
  rank: number;
}

interface Detail {
  plans: boolean;
  patches: boolean;
  /** Rows with priority below this are shown. */
  rowsShown: number;
  /** Spell out each rule's fix only at its first row. */
  fixOnce: boolean;
  /** A large PR: a table by rule instead of one row per migration, and sections for the top files only. */
  summary: boolean;
}

/** What one rendering has written so far: rules linked (for the reference definitions), fixes given. */
interface RenderState {
  rules: Set<string>;
  fixed: Set<string>;
  truncated: boolean;
}

/** What every section renderer sees. */
interface CommentParts {
  result: AnalysisResult;
  options: MarkdownOptions;
  files: FileSection[];
  /** Info findings on files the PR does not change (statements of the base history that could not be replayed). */
  baseFindings: Finding[];
}

/**
 * The comment's sections in order, each with its own renderer. `drop` is the
 * order in which detail goes when the text is over budget (see `LEVELS`):
 * sections with drop 0 are always there.
 */
const SECTIONS: Array<{
  name: string;
  drop: number;
  render(parts: CommentParts, detail: Detail, state: RenderState): string[];
}> = [
  { name: "headline", drop: 0, render: headlineSection },
  { name: "blocking", drop: 0, render: blockingSection },
  { name: "drift", drop: 0, render: driftSection },
  { name: "migrations", drop: 4, render: migrationsSection },
  { name: "files", drop: 3, render: filesSection },
  { name: "notices", drop: 0, render: noticesSection },
  { name: "footer", drop: 0, render: footerSection },
];

/** A PR with more migrations than this gets the summary by rule and the top files. */
const LARGE_PR = 20;
const TOP_FILES = 10;

export function renderMarkdown(result: AnalysisResult, options: MarkdownOptions): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const parts = buildParts(result, options);
  const totalRows = parts.files.reduce((n, s) => n + s.rows.length, 0);
  const large = parts.files.filter((s) => s.migration).length > LARGE_PR;

  // Drop order: the plans (1), the rollback patches (2), repeated fixes (3), the per-migration table (4), then rows.
  const levels: Detail[] = [
    { plans: true, patches: true, rowsShown: totalRows, fixOnce: false, summary: large },
    { plans: false, patches: true, rowsShown: totalRows, fixOnce: false, summary: large },
    { plans: false, patches: false, rowsShown: totalRows, fixOnce: false, summary: large },
    { plans: false, patches: false, rowsShown: totalRows, fixOnce: true, summary: large },
    { plans: false, patches: false, rowsShown: totalRows, fixOnce: true, summary: true },
  ];
  for (const detail of levels) {
    const text = render(parts, detail);
    if (text.length <= maxLength) return text;
  }
  // Keep the most severe rows that fit; the rest are counted per file.
  const last = levels.at(-1) as Detail;
  let low = 0;
  let high = totalRows;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(parts, { ...last, rowsShown: mid }).length <= maxLength) low = mid;
    else high = mid - 1;
  }
  const text = render(parts, { ...last, rowsShown: low });
  if (text.length <= maxLength) return text;
  // Even the skeleton is too long (thousands of migrations): cut at a line and say so.
  const note = `\n\n…cut at ${maxLength.toLocaleString("en-US")} characters; ${pointer(options)}.\n`;
  const cut = text.slice(0, Math.max(0, maxLength - note.length));
  return cut.slice(0, Math.max(0, cut.lastIndexOf("\n"))) + note;
}

function render(parts: CommentParts, detail: Detail): string {
  const state: RenderState = { rules: new Set(), fixed: new Set(), truncated: false };
  const out: string[] = [];
  if (parts.options.marker) out.push(parts.options.marker);
  for (const section of SECTIONS) out.push(...section.render(parts, detail, state));
  if (state.rules.size > 0) {
    // Reference definitions: each rule's URL once, however many rows link to it.
    const base = (parts.options.docsBaseUrl ?? "docs/rules").replace(/\/$/, "");
    out.push("", ...[...state.rules].map((rule) => `[${rule}]: ${base}/${rule}.md`));
  }
  return `${out.join("\n")}\n`;
}

/** Is this finding on a file the PR changes (or about one), rather than on the base history it was replayed on? */
function onPrFile(finding: Finding, prPaths: Set<string>): boolean {
  return prPaths.has(finding.path) || finding.severity !== "info" || finding.source !== "trace";
}

function buildParts(result: AnalysisResult, options: MarkdownOptions): CommentParts {
  const shown = result.migrations.filter((m) => m.change !== "unchanged");
  const prPaths = new Set(shown.map((m) => m.path));
  const byPath = new Map<string, FileSection>();
  const newSection = (path: string, migration?: MigrationSummary): FileSection => ({
    path,
    ...(migration ? { migration } : {}),
    rows: [],
    migrationFindings: [],
    ...(result.tableSizes ? { tableSizes: result.tableSizes } : {}),
    rank: 0,
  });
  for (const migration of shown) byPath.set(migration.path, newSection(migration.path, migration));
  const sectionFor = (path: string): FileSection => {
    let section = byPath.get(path);
    if (!section) {
      section = newSection(path);
      byPath.set(path, section);
    }
    return section;
  };
  for (const plan of result.plan ?? []) {
    const section = byPath.get(plan.path);
    if (section) section.plan = plan;
  }
  for (const rollback of result.rollbacks ?? []) {
    const section = byPath.get(rollback.path);
    if (section) section.rollback = rollback;
  }

  const rowKey = (path: string, line: number) => `${path}\0${line}`;
  const rows = new Map<string, Row>();
  for (const section of byPath.values()) {
    for (const planned of section.plan?.statements ?? []) {
      const row: Row = {
        path: section.path,
        line: planned.line,
        statement: planned.sql,
        lock: planned.lock,
        tables: planned.tables,
        planned,
        findings: [],
        rank: 0,
        priority: 0,
      };
      rows.set(rowKey(section.path, planned.line), row);
      section.rows.push(row);
    }
  }
  const baseFindings: Finding[] = [];
  for (const finding of result.findings) {
    if (!onPrFile(finding, prPaths)) {
      baseFindings.push(finding);
      continue;
    }
    const section = sectionFor(finding.path);
    section.rank = Math.max(section.rank, SEVERITY_ORDER[finding.severity]);
    // About the whole file (no lock_timeout before its locks, an empty downgrade): above the table, not a row.
    if (finding.scope === "migration" || (finding.statementLine === undefined && !finding.statement)) {
      section.migrationFindings.push(finding);
      continue;
    }
    // One row per statement: a finding pointing inside a statement (at a column) joins the statement's row.
    const line = finding.statementLine ?? finding.line;
    const key = rowKey(finding.path, line);
    let row = rows.get(key);
    if (!row) {
      row = { path: finding.path, line, statement: "", lock: null, tables: [], findings: [], rank: 0, priority: 0 };
      rows.set(key, row);
      section.rows.push(row);
    }
    row.findings.push(finding);
    if (!row.statement && finding.statement) row.statement = finding.statement;
    row.rank = Math.max(row.rank, SEVERITY_ORDER[finding.severity]);
  }

  const files = [...byPath.values()];
  for (const section of files) {
    section.rows.sort((a, b) => a.line - b.line);
    for (const row of section.rows) {
      // Errors first in a cell; then the lock shown is the one the first finding names, when nothing was planned.
      row.findings.sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
      // The lock shown is the one the first finding is about, so cell and finding agree; the plan's
      // lock (which may be a stronger one the transaction already holds) names the tables.
      const named = row.findings.find((f) => f.lock);
      if (named?.lock) {
        const observed = (named.locks ?? []).filter((l) => l.mode === named.lock).map((l) => l.relation);
        if (row.planned && row.planned.lock !== named.lock) row.alreadyHeld = row.planned.lock;
        row.lock = named.lock;
        row.tables = [...new Set(observed.length > 0 ? observed : (row.planned?.tables ?? []))];
      }
    }
  }
  const ranked = files.flatMap((s) => s.rows).sort((a, b) => b.rank - a.rank);
  ranked.forEach((row, index) => {
    row.priority = index;
  });
  return { result, options, files, baseFindings };
}

function headlineSection(parts: CommentParts): string[] {
  return [`### ${verdictLine(parts.result, parts.options)}`, ""];
}

/** The findings that fail the check, by rule, each with where: what a reviewer must resolve before merging. */
function blockingFindings(result: AnalysisResult, failOn: Severity | "never" | undefined): Finding[] {
  const threshold = failOn ?? "error";
  if (threshold === "never") return [];
  return result.findings.filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[threshold]);
}

const MAX_BLOCKING = 10;

function blockingSection(parts: CommentParts, _detail: Detail, state: RenderState): string[] {
  const blocking = blockingFindings(parts.result, parts.options.failOn);
  if (blocking.length === 0) return [];
  const items = blocking.slice(0, MAX_BLOCKING).map((f) => {
    state.rules.add(f.rule);
    return `[${f.rule}][] (${code(`${shortPath(f.path)}:${f.line}`)})`;
  });
  const more = blocking.length > MAX_BLOCKING ? `, and ${blocking.length - MAX_BLOCKING} more` : "";
  return [`**Blocks the merge:** ${items.join(", ")}${more}.`, ""];
}

/** Drift lines shown before the rest is counted: the section is never dropped, so it stays short. */
const MAX_DRIFT_SHOWN = 15;

/** With a database URL: what the live database has that the migrations before this PR do not say. */
function driftSection(parts: CommentParts, _detail: Detail, state: RenderState): string[] {
  const folders = parts.result.drift;
  if (!folders) return [];
  const total = folders.reduce((n, folder) => n + folder.drift.length, 0);
  const applied = folders.map((folder) => text(appliedSummary(folder))).join("; ");
  if (total === 0)
    return [`**Drift:** none — the live database matches the migrations it has applied (${applied}).`, ""];
  const out = [
    `**Drift:** the live database differs from its applied migrations in ${plural(total, "place")} (${applied}):`,
    "",
  ];
  let shown = 0;
  for (const folder of folders) {
    for (const difference of folder.drift) {
      if (shown === MAX_DRIFT_SHOWN) break;
      out.push(`- ${folders.length > 1 ? `${code(folder.folder || ".")}: ` : ""}${text(difference.describe)}`);
      shown += 1;
    }
  }
  if (total > shown) {
    out.push(`- …and ${total - shown} more; ${pointer(parts.options)}.`);
    state.truncated = true;
  }
  const unreplayed = folders.reduce((n, folder) => n + folder.replayFailures.length, 0);
  if (unreplayed > 0)
    out.push("", `${plural(unreplayed, "applied statement")} could not be replayed; drift next to them may be theirs.`);
  out.push("");
  return out;
}

function migrationsSection(parts: CommentParts, detail: Detail, state: RenderState): string[] {
  const migrations = parts.files.filter((s) => s.migration);
  if (migrations.length === 0) return parts.result.findings.length === 0 ? ["No migration changes to check.", ""] : [];
  if (detail.summary) return ruleSummary(parts, state);
  const out = ["| | migration | tool | statements | locks | rollback |", "| --- | --- | --- | --- | --- | --- |"];
  for (const section of migrations) out.push(summaryRow(section));
  out.push("");
  return out;
}

/** A large PR: one row per rule (how many, where first), instead of one row per migration. */
function ruleSummary(parts: CommentParts, state: RenderState): string[] {
  const byRule = new Map<string, { severity: Severity; count: number; files: Set<string> }>();
  for (const section of parts.files) {
    for (const finding of [...section.migrationFindings, ...section.rows.flatMap((r) => r.findings)]) {
      const entry = byRule.get(finding.rule) ?? { severity: finding.severity, count: 0, files: new Set<string>() };
      entry.count += 1;
      entry.files.add(section.path);
      if (SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[entry.severity]) entry.severity = finding.severity;
      byRule.set(finding.rule, entry);
    }
  }
  const migrations = parts.files.filter((s) => s.migration).length;
  const out = [
    `${plural(migrations, "migration")} changed; findings by rule:`,
    "",
    "| | rule | findings | migrations |",
    "| --- | --- | --- | --- |",
  ];
  const rules = [...byRule].sort(
    ([, a], [, b]) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || b.count - a.count,
  );
  for (const [rule, entry] of rules) {
    state.rules.add(rule);
    out.push(`| ${SEVERITY_ICON[entry.severity]} | [${rule}][] | ${entry.count} | ${entry.files.size} |`);
  }
  out.push("");
  return out;
}

function filesSection(parts: CommentParts, detail: Detail, state: RenderState): string[] {
  const out: string[] = [];
  let files = parts.files;
  if (detail.summary) {
    const withFindings = files
      .filter((s) => s.rank > 0)
      .sort((a, b) => b.rank - a.rank || b.rows.length - a.rows.length);
    files = withFindings.slice(0, TOP_FILES);
    const rest = withFindings.slice(TOP_FILES);
    if (files.length > 0) out.push(`The ${plural(files.length, "file")} with the most severe findings:`, "");
    if (rest.length > 0) {
      const what = severityCounts(
        countBySeverity(rest.flatMap((s) => [...s.migrationFindings, ...s.rows.flatMap((r) => r.findings)])),
      );
      state.truncated = true;
      files = [...files];
      out.push(
        ...files.flatMap((section) => renderSection(section, parts.options, detail, state)),
        `…${plural(rest.length, "more file")} with findings${what ? ` (${what})` : ""}; ${pointer(parts.options)}.`,
        "",
      );
      return out;
    }
  }
  for (const section of files) out.push(...renderSection(section, parts.options, detail, state));
  return out;
}

const MAX_NOTICES_SHOWN = MAX_NOTICES;

function noticesSection(parts: CommentParts, _detail: Detail, state: RenderState): string[] {
  // What concerns the base history (its replay, roles created for it, statements it could not run) is one line.
  const baseHistory = parts.result.notices.filter((n) => n.level === "info" || /^replayed /.test(n.message));
  const others = parts.result.notices.filter((n) => !baseHistory.includes(n));
  const out: string[] = [];
  if (baseHistory.length > 0 || parts.baseFindings.length > 0) {
    const facts = baseHistory.map((n) => text(n.message.replace(/ \(see the info findings\)/, "")));
    if (parts.baseFindings.length > 0)
      facts.push(
        `${plural(parts.baseFindings.length, "statement")} of the base history could not be replayed (${[...new Set(parts.baseFindings.map((f) => code(shortPath(f.path))))].slice(0, 3).join(", ")}${new Set(parts.baseFindings.map((f) => f.path)).size > 3 ? ", …" : ""}); the job summary lists them`,
      );
    out.push(`<sub>ℹ️ Base history: ${facts.join("; ")}.</sub>`, "");
  }
  if (others.length > 0) {
    out.push("**Notices**", "");
    for (const notice of others.slice(0, MAX_NOTICES_SHOWN)) {
      const where = notice.path ? ` (${code(notice.path)})` : "";
      out.push(`- ${SEVERITY_ICON[notice.level]} ${text(notice.message)}${where}`);
    }
    if (others.length > MAX_NOTICES_SHOWN) {
      out.push(`- …and ${others.length - MAX_NOTICES_SHOWN} more notices; ${pointer(parts.options)}.`);
      state.truncated = true;
    }
    out.push("");
  }
  return out;
}

function footerSection(parts: CommentParts, _detail: Detail, state: RenderState): string[] {
  const out: string[] = [];
  if (state.truncated)
    out.push(`> [!NOTE]\n> This comment is shortened to fit GitHub's limit; ${pointer(parts.options)}.`, "");
  out.push(footer(parts.result, parts.options));
  return out;
}

function verdictLine(result: AnalysisResult, options: MarkdownOptions): string {
  const title = options.title ?? "db-migrate";
  const counts = severityCounts(result.summary);
  const migrationCount = result.migrations.filter((m) => m.change !== "unchanged").length;
  const scope = migrationCount > 0 ? ` in ${plural(migrationCount, "migration")}` : "";
  const what = counts || "no findings";
  switch (verdictOf(result, options.failOn)) {
    case "blocks": {
      const rules = [...new Set(blockingFindings(result, options.failOn).map((f) => f.rule))];
      const named = rules.length > 3 ? `${rules.slice(0, 3).join(", ")} +${rules.length - 3} more` : rules.join(", ");
      return `🛑 ${title}: blocks merge (${named}) — ${what}${scope}`;
    }
    case "needs-care":
      return `⚠️ ${title}: needs care — ${what}${scope}`;
    case "safe":
      return `✅ ${title}: safe — ${what}${scope}`;
  }
}

/** The file name a reviewer recognises: the folder too where every file has the same name (Prisma, diesel). */
function shortPath(path: string): string {
  const parts = path.split("/");
  const generic = GENERIC_FILE_NAMES.has(parts.at(-1) ?? "");
  return (generic ? parts.slice(-2) : parts.slice(-1)).join("/");
}

function summaryRow(section: FileSection): string {
  const migration = section.migration!;
  const icon = rowIcon(section.rank);
  // Prisma and diesel name every file alike (`<folder>/migration.sql`, `<folder>/up.sql`): show the folder too.
  const name = shortPath(migration.path);
  // The id is left out when the file name already starts with it (`002_x.sql`, `b2_add_email.py`).
  const id = name.startsWith(migration.id) ? "" : `${migration.id} `;
  const lineage = migration.parents?.length ? ` (${id}← ${migration.parents.join(", ")})` : "";
  const change = migration.change && migration.change !== "added" ? ` · ${migration.change}` : "";
  const cells = [
    icon,
    `${code(name)}${cell(lineage)}${change}`,
    TOOL_NAME[migration.tool],
    String(section.plan?.statements.length ?? migration.statements),
    lockSummary(section),
    rollbackSummary(section.rollback),
  ];
  return `| ${cells.join(" | ")} |`;
}

function rowIcon(rank: number): string {
  if (rank >= SEVERITY_ORDER.error) return SEVERITY_ICON.error;
  if (rank >= SEVERITY_ORDER.warning) return SEVERITY_ICON.warning;
  if (rank >= SEVERITY_ORDER.info) return SEVERITY_ICON.info;
  return "✅";
}

/** Locks that block reads or writes, strongest first, with the tables when the plan names them. */
function lockSummary(section: FileSection): string {
  const counts = new Map<string, { mode: LockMode; count: number }>();
  const add = (mode: LockMode, table?: string) => {
    const key = `${mode}\0${table ?? ""}`;
    const entry = counts.get(key) ?? { mode, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  };
  for (const row of section.rows) {
    if (!row.lock || blockedBy(row.lock).length === 0) continue;
    if (row.lock === "ShareUpdateExclusiveLock") continue; // blocks only other DDL: not worth a reviewer's line
    if (row.tables.length === 0) add(row.lock);
    for (const table of row.tables) add(row.lock, table);
  }
  if (counts.size === 0) return "none blocking";
  return [...counts.entries()]
    .sort(([, a], [, b]) => LOCK_MODES.indexOf(b.mode) - LOCK_MODES.indexOf(a.mode))
    .map(([key, { mode, count }]) => {
      const table = key.split("\0")[1];
      return `${shortLockName(mode)}${table ? ` on ${code(table)}${sizeSuffix(table, section.tableSizes)}` : ""} ×${count}`;
    })
    .join(", ");
}

function rollbackSummary(rollback: RollbackResult | undefined): string {
  if (!rollback) return "not computed";
  const origin = rollback.origin === "generated" ? "generated" : "author's";
  const irreversible = rollback.irreversible.length
    ? `, ${plural(rollback.irreversible.length, "irreversible step")}`
    : "";
  switch (rollback.verification) {
    case "verified":
      return `✅ ${origin}, verified${irreversible}`;
    case "verified-schema-needs-data-check":
      return `⚠️ ${origin}, verified-schema, needs data check${irreversible}`;
    case "not-verifiable":
      return `❔ ${origin}, not verifiable${irreversible}`;
    case "mismatch":
      return `⚠️ ${origin}, schema differs after round trip${irreversible}`;
    case "fails":
      return `🛑 ${origin}, fails${irreversible}`;
    case "not-run":
      return `${origin}, not verified${irreversible}`;
  }
}

function renderSection(section: FileSection, options: MarkdownOptions, detail: Detail, state: RenderState): string[] {
  const shownRows = section.rows.filter((r) => r.priority < detail.rowsShown);
  const hidden = section.rows.filter((r) => r.priority >= detail.rowsShown);
  const lines: string[] = [];
  if (hidden.length > 0) state.truncated = true;
  if (
    shownRows.length + hidden.length === 0 &&
    section.migrationFindings.length === 0 &&
    !section.plan &&
    !section.rollback
  )
    return lines;

  lines.push(`#### ${code(section.path)}`, "");
  for (const finding of section.migrationFindings)
    lines.push(`${findingCell(finding, detail, state)} _(whole migration)_`, "");
  if (shownRows.length > 0) {
    lines.push("| line | statement | lock · blocks | finding |", "| --- | --- | --- | --- |");
    for (const row of shownRows) lines.push(statementRow(row, detail, state, section.tableSizes));
    lines.push("");
  }
  if (hidden.length > 0) {
    const hiddenFindings = hidden.flatMap((r) => r.findings);
    const what = severityCounts(countBySeverity(hiddenFindings));
    const lineNumbers = hidden.map((r) => r.line);
    const lineList = lineNumbers.length > 30 ? `${lineNumbers.slice(0, 30).join(", ")}, …` : lineNumbers.join(", ");
    lines.push(
      `…${plural(hidden.length, "more statement")} not shown here${what ? ` (${what})` : ""}, at line${hidden.length > 1 ? "s" : ""} ${lineList}; ${pointer(options)}.`,
      "",
    );
  }
  if (section.plan) {
    if (detail.plans) lines.push(...renderPlan(section.plan, section.tableSizes), "");
    else {
      lines.push(`Plan: ${plural(section.plan.statements.length, "statement")}; ${pointer(options)}.`, "");
      state.truncated = true;
    }
  }
  if (section.rollback) {
    const rendered = renderRollback(section.rollback, detail.patches, options, section.plan);
    if (!detail.patches && section.rollback.diff) state.truncated = true;
    lines.push(...rendered, "");
  }
  return lines;
}

function statementRow(
  row: Row,
  detail: Detail,
  state: RenderState,
  sizes: Record<string, TableSize> | undefined,
): string {
  const statement = row.statement ? code(oneLine(row.statement, STATEMENT_WIDTH)) : "";
  const findings = row.findings.length ? row.findings.map((f) => findingCell(f, detail, state)).join("<br>") : "—";
  return `| ${row.line} | ${statement} | ${lockCell(row, sizes)} | ${findings} |`;
}

function lockCell(row: Row, sizes: Record<string, TableSize> | undefined): string {
  if (!row.lock) return row.planned ? "none" : "—";
  const on =
    row.tables.length > 0
      ? ` on ${row.tables.map((table) => `${code(table)}${sizeSuffix(table, sizes)}`).join(", ")}`
      : "";
  const facts: string[] = [];
  if (row.planned?.rewrite) facts.push("rewrites the table");
  else if (row.planned?.scan) facts.push("scans the table");
  if (row.planned?.newTable) facts.push("new table");
  if (row.planned?.heldFor && row.planned.heldFor > 1) facts.push(`held for ${row.planned.heldFor} statements`);
  if (row.alreadyHeld) facts.push(`the transaction already holds ${shortLockName(row.alreadyHeld)}`);
  return `${shortLockName(row.lock)}${on} · ${trafficBlocked(row.lock)}${facts.length ? ` (${facts.join(", ")})` : ""}`;
}

/** What a reviewer cares about: blocked reads and writes; other DDL only when that is all. */
function trafficBlocked(mode: LockMode): string {
  const blocked = blockedBy(mode);
  const traffic = blocked.filter((b) => b !== "ddl");
  if (traffic.length > 0) return traffic.join(", ");
  return blocked.length > 0 ? "other DDL only" : "nothing";
}

function findingCell(finding: Finding, detail: Detail, state: RenderState): string {
  state.rules.add(finding.rule);
  const link = `[${finding.rule}][]`;
  const source = finding.source === "trace" ? " (observed)" : "";
  const message = cell(text(shorten(finding.message, MESSAGE_WIDTH)));
  let fix = "";
  if (finding.fix) {
    const repeated = detail.fixOnce && state.fixed.has(finding.rule);
    state.fixed.add(finding.rule);
    fix = `${/[.!?]$/.test(message) ? "" : "."} **Fix:** ${repeated ? "as above." : cell(text(shorten(finding.fix, MESSAGE_WIDTH)))}`;
  }
  return `${SEVERITY_ICON[finding.severity]} ${link}${source}: ${message}${fix}`;
}

function renderPlan(plan: PlanMigration, sizes: Record<string, TableSize> | undefined, folded = true): string[] {
  const origin = plan.source === "trace" ? "as replayed on the embedded PostgreSQL" : "from static analysis";
  const lines = [folded ? `<details><summary>Plan (${origin})</summary>` : `Plan (${origin}):`, ""];
  let step = 1;
  let inTransaction = false;
  for (const statement of plan.statements) {
    const wrapped = statement.transaction === "migration";
    if (wrapped && !inTransaction) {
      lines.push(`${step++}. \`BEGIN\` (the tool wraps the migration in one transaction)`);
      inTransaction = true;
    } else if (!wrapped && inTransaction) {
      lines.push(`${step++}. \`COMMIT\``);
      inTransaction = false;
    }
    lines.push(
      `${step++}. line ${statement.line}: ${code(oneLine(statement.sql, STATEMENT_WIDTH))} — ${planFacts(statement, sizes)}`,
    );
    if (statement.error) {
      // Nothing after a failing statement runs: the plan ends here, with no COMMIT.
      const rest = plan.statements.length - plan.statements.indexOf(statement) - 1;
      lines.push(
        `${step++}. the migration stops here${inTransaction ? " and its transaction is rolled back" : ""}${rest > 0 ? `; the ${plural(rest, "statement")} after it do not run` : ""}`,
      );
      inTransaction = false;
      break;
    }
  }
  if (inTransaction) lines.push(`${step}. \`COMMIT\``);
  const { accessExclusiveStatements, tablesRewritten } = plan.totals;
  lines.push("");
  const totals = [
    `${plural(accessExclusiveStatements, "statement")} under AccessExclusive`,
    tablesRewritten.length ? `rewrites ${tablesRewritten.map(code).join(", ")}` : "no table rewritten",
  ];
  lines.push(`Totals: ${totals.join("; ")}.`);
  if (folded) lines.push("", "</details>");
  return lines;
}

function planFacts(statement: PlanStatement, sizes: Record<string, TableSize> | undefined): string {
  const facts: string[] = [];
  if (statement.lock) {
    const on = statement.tables.length
      ? ` on ${statement.tables.map((table) => `${code(table)}${sizeSuffix(table, sizes)}`).join(", ")}`
      : "";
    facts.push(`${shortLockName(statement.lock)}${on} (blocks ${trafficBlocked(statement.lock)})`);
  } else facts.push("no table lock");
  if (statement.rewrite) facts.push("rewrites the table");
  else if (statement.scan) facts.push("scans the table");
  if (statement.newTable) facts.push("table created in this migration");
  if (statement.heldFor && statement.heldFor > 1) facts.push(`held until commit, ${statement.heldFor} statements`);
  if (statement.rollback === "needs-data-check")
    facts.push(`rollback needs a data check${statement.dataCheck ? `: ${code(statement.dataCheck)} must be 0` : ""}`);
  else if (statement.rollback !== "reversible")
    facts.push(statement.rollback === "data-loss" ? "rollback loses data" : "irreversible");
  if (statement.error) facts.push(`🛑 fails: ${text(oneLine(statement.error, 200))}`);
  return facts.join("; ");
}

const ROLLBACK_VERDICT: Record<RollbackResult["verification"], string> = {
  verified: "verified by round trip (schema identical)",
  "verified-schema-needs-data-check": "⚠️ verified-schema, needs data check",
  "not-verifiable": "❔ not verifiable: part of the migration was not analysed",
  mismatch: "⚠️ the schema differs after migrate + rollback",
  fails: "🛑 fails when applied",
  "not-run": "not verified",
};

function renderRollback(
  rollback: RollbackResult,
  withPatch: boolean,
  options: MarkdownOptions,
  plan: PlanMigration | undefined,
  folded = true,
): string[] {
  const origin = rollback.origin === "generated" ? "generated" : "the author's";
  const verdict = `Rollback: ${origin}, ${ROLLBACK_VERDICT[rollback.verification]}`;
  const lines = [folded ? `<details><summary>${verdict}</summary>` : `**${verdict}**`, ""];
  if (rollback.error) lines.push(`Error: ${code(oneLine(rollback.error, 300))}`, "");
  if (rollback.differences?.length) {
    lines.push("Differences after the round trip:", "");
    for (const difference of rollback.differences.slice(0, 20)) lines.push(`- ${text(oneLine(difference, 200))}`);
    if (rollback.differences.length > 20) lines.push(`- …and ${rollback.differences.length - 20} more`);
    lines.push("");
  }
  if (rollback.dataChecks?.length) {
    lines.push("Before rolling back, check the data (each count must be 0):", "");
    for (const check of rollback.dataChecks) {
      const proof = check.error ? ` With such a row the rollback fails: ${code(oneLine(check.error, 200))}` : "";
      lines.push(`- ${text(check.reason)}: ${code(check.query)}.${proof}`);
    }
    lines.push("");
  }
  if (rollback.unanalyzed?.length) {
    lines.push("Not analysed, so not covered by the verdict:", "");
    for (const op of rollback.unanalyzed.slice(0, 20))
      lines.push(`- ${code(`${op.path}:${op.line}`)} ${text(oneLine(op.message, 200))}`);
    lines.push("");
  }
  if (rollback.diff) {
    if (withPatch) lines.push(fence(stripVTControlCharacters(rollback.diff), "diff"), "");
    // A reply has no job summary to point at: its caller names the command that prints the patch.
    else if (folded)
      lines.push(
        `The patch (${plural(rollback.diff.split("\n").length, "line")}) is left out here; ${pointer(options)}.`,
        "",
      );
  } else if (rollback.statements.length && withPatch) {
    lines.push(fence(stripVTControlCharacters(rollback.statements.join("\n")), "sql"), "");
  }
  const lossy = (plan?.statements ?? []).filter((s) => s.rollback === "data-loss").map((s) => s.line);
  const loss = lossy.length
    ? ` Rolling back undoes line${lossy.length > 1 ? "s" : ""} ${lossy.join(", ")} and loses the data written there after deploy; back it up first if it matters.`
    : "";
  if (rollback.irreversible.length === 0) lines.push(`Irreversible: none.${loss}`);
  else {
    lines.push("Irreversible:", "");
    for (const step of rollback.irreversible) {
      const alternative = step.alternative ? ` Instead: ${text(step.alternative)}` : "";
      lines.push(`- line ${step.line}: ${text(step.reason)}${alternative}`);
    }
    if (loss) lines.push("", loss.trim());
  }
  if (folded) lines.push("", "</details>");
  return lines;
}

/**
 * The `/db-migrate rollback` reply: each PR migration's rollback with its
 * verdict (the data check's query, what was not analysed, the schema
 * difference) and the patch, nothing else. The findings stay in the sticky
 * comment; one line counts them. Over budget, the patches go first.
 */
export function renderRollbackReply(result: AnalysisResult, options: MarkdownOptions): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const rollbacks = (result.rollbacks ?? []).filter((r) => prMigrationPaths(result).has(r.path));
  const plans = new Map((result.plan ?? []).map((p) => [p.path, p]));
  const build = (withPatch: boolean) => {
    const lines: string[] = [];
    if (rollbacks.length === 0) lines.push("No migration of this PR to roll back.", "");
    for (const rollback of rollbacks) {
      lines.push(`#### ${code(rollback.path)}`, "");
      lines.push(...renderRollback(rollback, withPatch, options, plans.get(rollback.path), false), "");
      if (!withPatch && rollback.diff)
        lines.push(`The whole patch: \`db-migrate rollback ${rollback.path} --format patch\`.`, "");
    }
    lines.push(findingsLine(result));
    return `${lines.join("\n")}\n`;
  };
  const full = build(true);
  return full.length <= maxLength ? full : build(false);
}

/**
 * The `/db-migrate plan` reply: each PR migration's plan, unfolded. It is a
 * reply of its own, so the sticky comment keeps the full report (its
 * findings and verified rollbacks); one line counts this run's findings.
 */
export function renderPlanReply(result: AnalysisResult, options: MarkdownOptions): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const paths = prMigrationPaths(result);
  const plans = (result.plan ?? []).filter((p) => paths.has(p.path));
  const lines: string[] = [];
  if (plans.length === 0) lines.push("No migration of this PR to plan.", "");
  for (const plan of plans)
    lines.push(`#### ${code(plan.path)}`, "", ...renderPlan(plan, result.tableSizes, false), "");
  lines.push(findingsLine(result));
  const text = `${lines.join("\n")}\n`;
  if (text.length <= maxLength) return text;
  const note = `\n\n…cut at ${maxLength.toLocaleString("en-US")} characters; \`db-migrate plan\` prints the whole plan.\n`;
  const cut = text.slice(0, Math.max(0, maxLength - note.length));
  return cut.slice(0, Math.max(0, cut.lastIndexOf("\n"))) + note;
}

function prMigrationPaths(result: AnalysisResult): Set<string> {
  return new Set(result.migrations.filter((m) => m.change !== "unchanged").map((m) => m.path));
}

function findingsLine(result: AnalysisResult): string {
  const counts = severityCounts(result.summary);
  return counts
    ? `Findings: ${counts}, listed in the db-migrate comment on this PR (\`/db-migrate validate\` refreshes it).`
    : "No findings.";
}

function footer(result: AnalysisResult, options: MarkdownOptions): string {
  // Each tool's adapter knows the comment marker of the files its authors edit.
  const markers = new Set(
    result.migrations.flatMap((m) => (m.convention ? [adapterFor(m.convention).mechanisms.comment] : [])),
  );
  if (markers.size === 0) markers.add("--");
  const ignores = [...markers]
    .sort()
    .map((marker) => `\`${marker} db-migrate:ignore <rule> <reason>\``)
    .join(" or ");
  const parts = [`db-migrate ${options.version}`];
  const engine = result.engine;
  if (engine)
    parts.push(
      `replayed on ${engine.serverVersion}${engine.timezone === "UTC" ? "" : ` (TimeZone ${engine.timezone})`}${engine.requested ? ` instead of ${engine.requested === "url" ? "engine-url" : "engine: postgres"} (see the notices)` : ""}`,
    );
  if (options.runUrl) parts.push(`[run](${options.runUrl})`);
  parts.push(`silence a finding with ${ignores} on the line above`, "`/db-migrate help`");
  return `<sub>${parts.join(" · ")}</sub>`;
}

function pointer(options: MarkdownOptions): string {
  return options.runUrl
    ? `the [job summary](${options.runUrl}) has the full report`
    : "the job summary has the full report";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** `2 errors, 1 warning, 3 info`; zero counts left out. */
function severityCounts(summary: AnalysisResult["summary"]): string {
  return [
    summary.errors ? plural(summary.errors, "error") : "",
    summary.warnings ? plural(summary.warnings, "warning") : "",
    summary.infos ? `${summary.infos} info` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

function shorten(value: string, width: number): string {
  return value.length > width ? `${value.slice(0, width - 1)}…` : value;
}

/** SQL on one line, shortened with an ellipsis. */
function oneLine(sql: string, width: number): string {
  const flat = stripVTControlCharacters(sql).replace(/\s+/g, " ").trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Inline code that survives backticks inside and table pipes. */
function code(value: string): string {
  const clean = stripVTControlCharacters(value).replace(/\r?\n/g, " ");
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longestRun + 1);
  const padded = clean.startsWith("`") || clean.endsWith("`") ? ` ${clean} ` : clean;
  return `${ticks}${padded.replace(/\|/g, "\\|")}${ticks}`;
}

/** Plain prose: no ANSI, no raw HTML, no accidental @-mentions; `code spans` kept as written. */
function text(value: string): string {
  return stripVTControlCharacters(value)
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, "&lt;").replace(/@(?=\w)/g, "@\u200b")))
    .join("");
}

/** Text inside a table cell: one line, pipes escaped. */
function cell(value: string): string {
  return value.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

function fence(body: string, language: string): string {
  const longestRun = Math.max(2, ...(body.match(/`{3,}/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longestRun + 1);
  return `${ticks}${language}\n${body.replace(/\n$/, "")}\n${ticks}`;
}
