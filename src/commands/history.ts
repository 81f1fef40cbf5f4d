/**
 * `db-migrate history [--base ref] [--format text|json]`: each project's
 * migrations in the tool's order (a timeline), or for Alembic the revision
 * graph with its heads, merges and branch points, marking what the PR adds,
 * changes or deletes; plus the history rules' findings.
 *
 * Steps, each separate so more can be added (live-database drift):
 * readHistories (files at head and base) → historyFindings (rules) → render.
 */
import { createColors } from "picocolors";
import { type Config, ConfigError, loadConfig } from "../config/load.js";
import { detectProjects } from "../detect/index.js";
import { buildResult, exitCodeFor, readProjects } from "../pipeline.js";
import { renderText } from "../report/text.js";
import { HISTORY_RULES } from "../rules/index.js";
import { analyzeHistory, problemFinding } from "../rules/run.js";
import { type RuleSettings, resolveRuleSettings } from "../rules/settings.js";
import type { HistoryInput } from "../rules/types.js";
import { ANALYSED_DIALECT } from "../sources/common/dialect.js";
import { adapterFor } from "../sources/registry.js";
import type { AnalysisResult, Finding, Migration, Notice, Project } from "../types.js";
import { GitRef } from "../workspace/git-ref.js";
import type { FileSource } from "../workspace/types.js";
import { WorkingTree } from "../workspace/working-tree.js";
import type { CommandDefinition, CommandOutput } from "./types.js";

export interface HistoryEntry {
  id: string;
  name: string;
  path: string;
  parents: string[];
  order: string;
  change?: Migration["change"];
  repeatable?: boolean;
  /** Why the tool will not run this file, when it will not. */
  unrecognized?: string;
  /** The down/rollback script's path; null when there is none. */
  down: string | null;
}

export interface ProjectHistory {
  folder: string;
  tool: Project["tool"];
  convention: Project["convention"];
  dialect: Project["dialect"];
  /** Revisions nothing follows: where `upgrade` ends. More than one is a fork. */
  heads: string[];
  bases: string[];
  /** Revisions with more than one parent. */
  merges: string[];
  /** Revisions more than one revision follows. */
  branchPoints: string[];
  migrations: HistoryEntry[];
  /** Paths present on --base and gone at head. */
  deleted: string[];
}

/** One project read at head (and base): what the rules and renderers need. */
export interface LoadedHistory {
  project: Project;
  input: HistoryInput;
}

export const historyCommand: CommandDefinition = {
  name: "history",
  summary: "the migration timeline or Alembic revision graph, heads and what the PR adds",
  usage: "db-migrate history [--base <ref>] [--database-url <url>] [--format text|json]",
  options: {},
  formats: ["text", "json", "markdown"],
  async run(_positionals, _flags, options): Promise<CommandOutput> {
    let config: Config;
    try {
      config = await loadConfig(options.root, options.config);
    } catch (error) {
      if (error instanceof ConfigError) return { exitCode: 2, body: `db-migrate history: ${error.message}\n` };
      throw error;
    }
    const files = options.files ?? new WorkingTree(options.root);
    const baseFiles = options.baseFiles ?? (options.base ? await GitRef.open(options.root, options.base) : null);
    const { loaded, notices } = await readHistories(files, baseFiles, config);
    const settings = resolveRuleSettings(config.rules, config.file, config.ruleLines);
    const findings = loaded.flatMap((entry) => historyFindings(entry.input, settings));
    const histories = loaded.map((entry) => describe(entry.input));
    const all = loaded.flatMap((entry) => entry.input.migrations);
    const result: AnalysisResult & { history: ProjectHistory[] } = {
      ...buildResult(
        all,
        findings,
        notices,
        loaded.map((entry) => entry.project),
      ),
      history: histories,
    };
    const findingsExit = exitCodeFor(result, options.failOn ?? config.failOn);
    // --database-url: applied vs pending and schema drift on the live database, read-only (src/engine/drift.ts).
    // Loaded on demand: `pg` and the engine are only needed with a live database.
    const driftModule = options.databaseUrl ? await import("../engine/drift.js") : null;
    const drift =
      driftModule && options.databaseUrl
        ? await driftModule.driftForProjects(
            options.databaseUrl,
            loaded.map((entry) => ({ folder: entry.project.folder, migrations: entry.input.migrations })),
            {
              ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
              ...(options.log ? { log: options.log } : {}),
            },
          )
        : null;
    // Drift is a failure: the live schema is not what the migrations say it is.
    const drifted = (drift ?? []).some((d) => d.drift.length > 0);
    const exitCode = drifted && findingsExit === 0 ? 1 : findingsExit;
    const driftText = drift && driftModule ? drift.map((d) => driftModule.renderDrift(d.folder, d)).join("\n") : "";
    const body =
      options.format === "json"
        ? `${JSON.stringify(drift && driftModule ? { ...result, drift: driftModule.driftJson(drift) } : result, null, 2)}\n`
        : options.format === "markdown"
          ? `\`\`\`text\n${renderHistories(histories, false, baseFiles !== null)}${driftText}\`\`\`\n`
          : `${renderHistories(histories, options.color, baseFiles !== null)}\n${driftText ? `${driftText}\n` : ""}${renderText(result, { color: options.color })}`;
    return { exitCode, body, data: drift ? { ...result, drift } : result };
  },
};

/** Detects the projects and loads each at head and, when given, at base. */
export async function readHistories(
  files: FileSource,
  baseFiles: FileSource | null,
  config: Config,
): Promise<{ loaded: LoadedHistory[]; notices: Notice[] }> {
  const detection = await detectProjects(files, config);
  return { loaded: await readProjects(detection.projects, files, baseFiles, config), notices: detection.notices };
}

const HISTORY_IDS = new Set(HISTORY_RULES.map((rule) => rule.meta.id));

/** The history rules' findings, and the loaders' problems that break the history (unreadable files, broken revision files). */
export function historyFindings(input: HistoryInput, settings: RuleSettings): Finding[] {
  const problems = input.migrations.flatMap((migration) =>
    migration.problems
      .filter(
        (problem) =>
          HISTORY_IDS.has(problem.rule) ||
          problem.rule === "unreadable-file" ||
          // A graph tool reads a migration's place from its content: a file that does not parse breaks the history.
          (adapterFor(migration.convention).naming.graph && problem.rule === "parse-error"),
      )
      .map((problem) => problemFinding(problem, settings, migration.id)),
  );
  return [...analyzeHistory(input, settings), ...problems];
}

/** The structured history of one project. */
export function describe(input: HistoryInput): ProjectHistory {
  const { project, migrations } = input;
  const graph = migrations.filter((migration) => !migration.unrecognized && !migration.repeatable);
  const known = new Set(graph.map((migration) => migration.id));
  const children = new Map<string, number>();
  for (const migration of graph)
    for (const parent of migration.parents)
      if (known.has(parent)) children.set(parent, (children.get(parent) ?? 0) + 1);
  return {
    folder: project.folder,
    tool: project.tool,
    convention: project.convention,
    dialect: project.dialect,
    heads: graph.filter((migration) => !children.has(migration.id)).map((migration) => migration.id),
    bases: graph.filter((migration) => migration.parents.length === 0).map((migration) => migration.id),
    merges: graph.filter((migration) => migration.parents.length > 1).map((migration) => migration.id),
    branchPoints: [...children].filter(([, count]) => count > 1).map(([id]) => id),
    migrations: migrations.map((migration) => ({
      id: migration.id,
      name: migration.name,
      path: migration.path,
      parents: migration.parents,
      order: migration.order,
      ...(migration.change ? { change: migration.change } : {}),
      ...(migration.repeatable ? { repeatable: true } : {}),
      ...(migration.unrecognized ? { unrecognized: migration.unrecognized } : {}),
      down: migration.down?.path ?? null,
    })),
    deleted: input.deleted,
  };
}

/** Longer timelines show their start and end, and every migration the PR touches. */
const TIMELINE_HEAD = 3;
const TIMELINE_TAIL = 12;

export function renderHistories(histories: ProjectHistory[], color: boolean, withBase: boolean): string {
  const c = createColors(color);
  const out: string[] = [];
  if (histories.length === 0) out.push("No migration folder detected (run `db-migrate setup`).");
  for (const history of histories) {
    const count = history.migrations.filter((m) => !m.unrecognized).length;
    const dialect =
      history.dialect === ANALYSED_DIALECT ? history.dialect : `${history.dialect}, not analysed for locks`;
    out.push(
      c.bold(`${history.folder || "."}  ${history.tool} (${history.convention}), ${dialect}, ${count} migrations`),
    );
    const graph = adapterFor(history.convention).naming.graph;
    if (graph) out.push(...drawGraph(history, c));
    else out.push(...drawTimeline(history, c));
    for (const path of history.deleted) out.push(`  ${c.red("- deleted")} ${path}`);
    const heads = history.heads.length;
    const summary = [
      `${heads} head${heads === 1 ? "" : "s"}${heads > 0 ? `: ${history.heads.join(", ")}` : ""}`,
      graph ? `${history.merges.length} merge${history.merges.length === 1 ? "" : "s"}` : "",
      history.branchPoints.length > 0 ? `branches at ${history.branchPoints.join(", ")}` : "",
      withBase ? prSummary(history) : "",
    ].filter(Boolean);
    out.push(`  ${heads > 1 ? c.red(summary.join("; ")) : c.dim(summary.join("; "))}`, "");
  }
  return `${out.join("\n")}\n`;
}

function prSummary(history: ProjectHistory): string {
  const added = history.migrations.filter((m) => m.change === "added").length;
  const modified = history.migrations.filter((m) => m.change === "modified").length;
  return `this PR: ${added} added, ${modified} changed, ${history.deleted.length} deleted`;
}

type Colors = ReturnType<typeof createColors>;

function changeMark(entry: HistoryEntry, c: Colors): string {
  if (entry.change === "added") return c.green(" + added");
  if (entry.change === "modified") return c.yellow(" ~ changed");
  return "";
}

function drawTimeline(history: ProjectHistory, c: Colors): string[] {
  const lines: string[] = [];
  const entries = history.migrations;
  const width = Math.min(28, Math.max(...entries.map((entry) => entry.id.length), 4));
  const shown = entries.map(
    (entry, index) =>
      entries.length <= TIMELINE_HEAD + TIMELINE_TAIL + 2 ||
      index < TIMELINE_HEAD ||
      index >= entries.length - TIMELINE_TAIL ||
      (entry.change !== undefined && entry.change !== "unchanged") ||
      entry.unrecognized !== undefined,
  );
  let skipped = 0;
  entries.forEach((entry, index) => {
    if (!shown[index]) {
      skipped++;
      return;
    }
    if (skipped > 0) {
      lines.push(c.dim(`  │  … ${skipped} more`));
      skipped = 0;
    }
    const isHead = history.heads.includes(entry.id) && !entry.unrecognized && !entry.repeatable;
    const bullet = entry.unrecognized ? c.red("✗") : entry.repeatable ? "↻" : isHead ? "◉" : "●";
    const label = entry.unrecognized
      ? `${entry.path}  ${c.red(`not run: ${entry.unrecognized}`)}`
      : `${entry.id.padEnd(width)}  ${entry.name}${entry.down || !downExpected(history) ? "" : c.dim("  (no down)")}`;
    lines.push(`  ${bullet}  ${label}${changeMark(entry, c)}${isHead ? c.dim("  ← head") : ""}`);
  });
  return lines;
}

/**
 * The Alembic revision graph, newest first, one lane per open branch (like
 * `git log --graph`): `*` a revision, `|` a lane, `\` a merge opening a lane
 * for its second parent, `/` a lane closing into the revision it forked from.
 */
export function drawGraph(history: ProjectHistory, c: Colors): string[] {
  const byId = new Map(history.migrations.filter((m) => !m.unrecognized).map((m) => [m.id, m]));
  const order = newestFirst(history.migrations.filter((m) => !m.unrecognized));
  const lanes: Array<string | null> = [];
  const lines: string[] = [];
  const row = (marks: Map<number, string>): string => {
    const width = Math.max(lanes.length * 2, ...[...marks.keys()].map((k) => k + 1));
    const chars: string[] = Array.from({ length: width }, (_, i) => (i % 2 === 0 && lanes[i / 2] ? "|" : " "));
    for (const [position, mark] of marks) chars[position] = mark;
    return chars.join("").trimEnd();
  };
  for (const entry of order) {
    const waiting = lanes.flatMap((lane, index) => (lane === entry.id ? [index] : []));
    // Lanes that forked from this revision join it first (`|/`).
    const closing = waiting.slice(1);
    if (closing.length > 0) {
      for (const index of closing) lanes[index] = null;
      lines.push(`  ${row(new Map(closing.map((index) => [index * 2 - 1, "/"])))}`);
      while (lanes.length > 0 && lanes.at(-1) === null) lanes.pop();
    }
    let column = waiting[0] ?? lanes.indexOf(null);
    if (column === -1) column = lanes.length;
    lanes[column] = entry.id;
    const tags = [
      history.heads.includes(entry.id) ? c.bold("(head)") : "",
      entry.parents.length > 1 ? "(merge)" : "",
      history.branchPoints.includes(entry.id) ? "(branch point)" : "",
      entry.parents.length === 0 ? "(base)" : "",
      entry.parents
        .filter((p) => !byId.has(p))
        .map((p) => c.red(`(missing parent ${p})`))
        .join(" "),
    ].filter(Boolean);
    const graph = row(new Map([[column * 2, "*"]]));
    lines.push(
      `  ${graph.padEnd(Math.max(2, lanes.length * 2))} ${entry.id}  ${entry.name}${tags.length ? ` ${tags.join(" ")}` : ""}${changeMark(entry, c)}`,
    );
    // A merge opens a lane for each further parent (`|\`).
    const parents = entry.parents.filter((parent) => byId.has(parent));
    lanes[column] = parents[0] ?? null;
    const opened: Array<[number, string]> = [];
    for (const parent of parents.slice(1)) {
      if (lanes.includes(parent)) continue;
      let free = column + 1;
      while (lanes[free] || opened.some(([index]) => index === free)) free++;
      opened.push([free, parent]);
    }
    if (opened.length > 0) lines.push(`  ${row(new Map(opened.map(([index]) => [index * 2 - 1, "\\"])))}`);
    for (const [index, parent] of opened) lanes[index] = parent;
    while (lanes.length > 0 && lanes.at(-1) === null) lanes.pop();
  }
  return lines;
}

/** Children before parents; among ready revisions, the later file first. */
function newestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  const index = new Map(entries.map((entry, i) => [entry.id, i]));
  const pendingChildren = new Map<string, number>();
  for (const entry of entries)
    for (const parent of entry.parents)
      if (index.has(parent)) pendingChildren.set(parent, (pendingChildren.get(parent) ?? 0) + 1);
  const ready = entries.filter((entry) => !pendingChildren.has(entry.id));
  const done = new Set<string>();
  const result: HistoryEntry[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (index.get(b.id) ?? 0) - (index.get(a.id) ?? 0));
    const next = ready.shift() as HistoryEntry;
    if (done.has(next.id)) continue;
    done.add(next.id);
    result.push(next);
    for (const parent of next.parents) {
      if (!index.has(parent)) continue;
      const left = (pendingChildren.get(parent) ?? 1) - 1;
      pendingChildren.set(parent, left);
      const entry = entries[index.get(parent) as number];
      if (left === 0 && entry) ready.push(entry);
    }
  }
  // Revisions in a cycle never become ready: list them last so nothing is hidden.
  return [...result, ...entries.filter((entry) => !done.has(entry.id))];
}

/** Whether the tool expects a down script for every migration (Alembic's graph view shows none). */
function downExpected(history: ProjectHistory): boolean {
  return adapterFor(history.convention).rollback.expected;
}
