/**
 * sqitch: the order is sqitch.plan's, each change has `deploy/<change>.sql`,
 * `revert/<change>.sql` and `verify/<change>.sql`. A change reworked after a
 * tag keeps its earlier scripts as `<change>@<tag>.sql`.
 */
import type { Migration, Problem, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import { linkLinear, loadDownFile, loadUpFile, migrationShell } from "../sql/migration.js";
import { type ReadOptions, readText } from "../sql/read.js";

export interface PlanChange {
  name: string;
  /** The file stem: `name`, or `name@tag` for an earlier version of a reworked change. */
  stem: string;
  line: number;
  dependencies: string[];
  note: string;
}

/** The changes of a sqitch.plan, in deploy order. */
export function parseSqitchPlan(text: string): PlanChange[] {
  const entries: Array<{ kind: "change"; change: PlanChange } | { kind: "tag"; name: string }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith("%") || line.startsWith("#")) return;
    if (line.startsWith("@")) {
      entries.push({ kind: "tag", name: (line.slice(1).split(/\s/)[0] as string) ?? "" });
      return;
    }
    const match = /^([^\s[@#]+)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(line);
    if (!match) return;
    const name = match[1] as string;
    entries.push({
      kind: "change",
      change: {
        name,
        stem: name,
        line: index + 1,
        dependencies: (match[2] ?? "").split(/\s+/).filter(Boolean),
        note: /#\s*(.*)$/.exec(match[3] ?? "")?.[1] ?? "",
      },
    });
  });
  const changes: PlanChange[] = [];
  entries.forEach((entry, index) => {
    if (entry.kind !== "change") return;
    const reworkedLater = entries
      .slice(index + 1)
      .some((later) => later.kind === "change" && later.change.name === entry.change.name);
    if (reworkedLater) {
      const tag = entries.slice(index + 1).find((later) => later.kind === "tag");
      if (tag?.kind === "tag") entry.change.stem = `${entry.change.name}@${tag.name}`;
    }
    changes.push(entry.change);
  });
  return changes;
}

export async function loadSqitch(
  project: Project,
  files: FileSource,
  all: string[],
  options: ReadOptions,
): Promise<Migration[]> {
  const plan =
    project.files.find((file) => file.endsWith("sqitch.plan")) ??
    `${project.folder ? `${project.folder}/` : ""}sqitch.plan`;
  // No plan (e.g. at a base ref from before the project existed): no migrations yet.
  if (!all.includes(plan) && (await files.read(plan)) === null) return [];
  const read = await readText(files, plan, options);
  if (read.text === null) {
    const migration = migrationShell(project, { id: plan, name: "sqitch.plan", path: plan, order: "" });
    migration.problems.push(...(read.problems as Problem[]));
    return [migration];
  }
  const present = new Set(all);
  const prefix = project.folder ? `${project.folder}/` : "";
  const seen = new Set<string>();
  const migrations: Migration[] = [];
  for (const [index, change] of parseSqitchPlan(read.text).entries()) {
    const deploy = `${prefix}deploy/${change.stem}.sql`;
    const id = seen.has(change.stem) ? `${change.stem}#${index}` : change.stem;
    seen.add(change.stem);
    const parts = { id, name: change.note || change.name, path: deploy, order: String(index).padStart(6, "0") };
    let migration: Migration;
    if (present.has(deploy)) {
      const { text: _text, ...loaded } = await loadUpFile(project, files, parts, options);
      migration = loaded;
    } else {
      migration = migrationShell(project, parts);
      migration.problems.push({
        rule: "unreadable-file",
        severity: "error",
        path: plan,
        span: { line: change.line, column: 1, endLine: change.line, endColumn: 1 },
        message: `sqitch.plan lists \`${change.name}\` but ${deploy} does not exist; sqitch deploy fails here`,
        fix: `add ${deploy} or remove the change from sqitch.plan`,
      });
    }
    if (change.dependencies.length > 0) migration.dependsOn = change.dependencies;
    const revert = `${prefix}revert/${change.stem}.sql`;
    if (present.has(revert)) {
      const { down, problems } = await loadDownFile(files, revert, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
    migrations.push(migration);
  }
  return linkLinear(migrations);
}
