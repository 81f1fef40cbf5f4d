/**
 * SQL rollback files, laid out the way each tool's users write them: where the
 * down file lives, and what goes around the statements.
 */
import path from "node:path/posix";
import type { Migration } from "../../types.js";
import type { RollbackStep } from "../types.js";

/** Statements separated by blank lines, each ending in `;`, data gaps as comments above. */
export function sqlBody(steps: RollbackStep[]): string {
  const blocks: string[] = [];
  for (const step of steps) {
    const lines: string[] = [];
    if (step.note) lines.push(...step.note.split("\n").map((line) => `-- ${line}`));
    if (step.sql) lines.push(`${step.sql};`);
    if (lines.length) blocks.push(lines.join("\n"));
  }
  return blocks.length ? `${blocks.join("\n\n")}\n` : "";
}

/**
 * The down file of a migration in its tool's convention (repo-relative). Null
 * when the tool has none (plain numbered files: any new .sql would be read as a migration).
 */
export function downFilePath(migration: Migration): string | null {
  if (migration.down?.path && migration.down.path !== migration.path) return migration.down.path;
  const dir = path.dirname(migration.path);
  const file = path.basename(migration.path);
  switch (migration.convention) {
    case "prisma":
    case "diesel":
      return path.join(dir, "down.sql");
    case "golang-migrate":
      return path.join(dir, file.replace(/\.up\.sql$/, ".down.sql"));
    case "flyway": {
      const match = /^[Vv]([0-9][0-9._]*)__(.+)$/.exec(file);
      return match ? path.join(dir, `U${match[1]}__${match[2]}`) : null;
    }
    case "sqitch": {
      // deploy/<name>.sql → revert/<name>.sql beside it.
      const parts = migration.path.split("/");
      const deploy = parts.lastIndexOf("deploy");
      if (deploy < 0) return null;
      parts[deploy] = "revert";
      return parts.join("/");
    }
    default:
      return null;
  }
}

/** A down file's whole content for a SQL tool (dbmate and Alembic fill a section of the migration instead). */
export function renderSqlDownFile(migration: Migration, steps: RollbackStep[]): string {
  const body = sqlBody(steps);
  switch (migration.convention) {
    case "sqitch": {
      const name = path.basename(migration.path, ".sql");
      const project = migration.name && migration.name !== name ? migration.name : name;
      return `-- Revert ${project} from pg\n\nBEGIN;\n\n${body}\nCOMMIT;\n`;
    }
    case "flyway":
      return `-- Undo of ${path.basename(migration.path)}\n${body}`;
    default:
      return body;
  }
}

/**
 * A dbmate file with its `-- migrate:down` section set to `steps` (added at the
 * end, or replacing the section's statements when it exists).
 */
export function fillDbmateDown(text: string, steps: RollbackStep[]): string {
  const concurrent = steps.some((s) => s.concurrently);
  const marker = `-- migrate:down${concurrent ? " transaction:false" : ""}`;
  const body = sqlBody(steps);
  const match = /^--\s*migrate:down\b.*$/m.exec(text);
  if (!match) return `${text.replace(/\s*$/, "")}\n\n${marker}\n${body}`;
  const after = text.slice(match.index + match[0].length);
  const nextUp = /^--\s*migrate:up\b/m.exec(after);
  const rest = nextUp ? after.slice(nextUp.index) : "";
  return `${text.slice(0, match.index)}${marker}\n${body}${rest ? `\n${rest}` : ""}`;
}
