/** Rollbacks of the raw-SQL tools: statement text, a separate down file, or a down section filled in place. */
import type { RollbackStep } from "../../rollback/types.js";
import type { Migration } from "../../types.js";
import type { RollbackFile } from "../adapter.js";

/** Statements separated by blank lines, each ending in `;`, data gaps as comments above. */
export function sqlBody(steps: RollbackStep[], wrap: (sql: string) => string = (sql) => `${sql};`): string {
  const blocks: string[] = [];
  for (const step of steps) {
    const lines: string[] = [];
    if (step.note) lines.push(...step.note.split("\n").map((line) => `-- ${line}`));
    if (step.sql) lines.push(wrap(step.sql));
    if (lines.length) blocks.push(lines.join("\n"));
  }
  return blocks.length ? `${blocks.join("\n\n")}\n` : "";
}

/**
 * A separate down file at `target` (or the one the migration already has),
 * holding `content`. Null when there is no place for one.
 */
export async function separateDownFile(
  migration: Migration,
  target: string | null,
  content: string,
  read: (path: string) => Promise<string | null>,
): Promise<RollbackFile | null> {
  const path = migration.down?.path && migration.down.path !== migration.path ? migration.down.path : target;
  if (!path) return null;
  return { path, before: await read(path), after: content };
}

/**
 * The migration file itself with its down section set to `body`: the section
 * after `marker` replaced up to the next `nextSection` marker, or a new one
 * appended with `heading`.
 */
export async function fillDownSection(
  migration: Migration,
  read: (path: string) => Promise<string | null>,
  section: { marker: RegExp; nextSection: RegExp; heading: string; body: string },
): Promise<RollbackFile | null> {
  const text = await read(migration.path);
  if (text === null) return null;
  const { marker, nextSection, heading, body } = section;
  const match = marker.exec(text);
  let after: string;
  if (!match) after = `${text.replace(/\s*$/, "")}\n\n${heading}\n${body}`;
  else {
    const rest = text.slice(match.index + match[0].length);
    const next = nextSection.exec(rest);
    const tail = next ? rest.slice(next.index) : "";
    after = `${text.slice(0, match.index)}${heading}\n${body}${tail ? `\n${tail}` : ""}`;
  }
  return { path: migration.path, before: text, after };
}
