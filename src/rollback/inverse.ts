/**
 * The inverse of a migration, statement by statement. Each statement was run
 * on the engine with the schema read just before and just after it, so its
 * inverse is exact: the DDL that takes the "after" schema back to "before"
 * (a dropped column comes back with its type, default, constraints, indexes
 * and comment; a replaced view or function gets its old definition). The
 * inverses run in reverse order.
 */
import type { SchemaSnapshot } from "../engine/catalog/types.js";
import type { AppliedStatement } from "../engine/types.js";
import { as } from "../sql/ast.js";
import type { Statement } from "../types.js";
import { irreversibleParts } from "./irreversible.js";
import { ident, qualified } from "./sql-text.js";
import { transition } from "./transition.js";
import type { IrreversiblePart, RollbackChange, RollbackStep } from "./types.js";

export type { AppliedStatement } from "../engine/types.js";

export interface GeneratedRollback {
  steps: RollbackStep[];
  irreversible: IrreversiblePart[];
}

/** Whether the statement built or dropped an index CONCURRENTLY (its inverse should too). */
function wasConcurrent(statement: Statement): boolean {
  return as(statement.ast, "IndexStmt")?.concurrent === true || as(statement.ast, "DropStmt")?.concurrent === true;
}

/** The statements that undo one applied statement. */
export function inverseOf(applied: AppliedStatement): RollbackChange[] {
  const changes = transition(applied.after, applied.before, { concurrently: wasConcurrent(applied.statement) });
  return changes.length > 0 ? changes : outsideSnapshot(applied);
}

/**
 * A trigger on a table the snapshot leaves out (a migration tool's own
 * bookkeeping table) leaves no trace in the schema diff: undo it from the statement.
 */
function outsideSnapshot(applied: AppliedStatement): RollbackChange[] {
  const trigger = as(applied.statement.ast, "CreateTrigStmt");
  const relation = trigger?.relation;
  if (!trigger?.trigname || !relation?.relname) return [];
  const schema = relation.schemaname ?? "public";
  if (applied.after.tables.some((t) => t.schema === schema && t.name === relation.relname)) return [];
  return [{ sql: `DROP TRIGGER ${ident(trigger.trigname)} ON ${qualified(schema, relation.relname)}` }];
}

/**
 * The rollback of a whole migration: inverses in reverse order, each data gap
 * noted above the statements that restore its schema.
 */
export function buildRollback(applied: AppliedStatement[], start: SchemaSnapshot): GeneratedRollback {
  const steps: RollbackStep[] = [];
  const irreversible: IrreversiblePart[] = [];
  for (const entry of [...applied].reverse()) {
    const parts = irreversibleParts(entry.statement, start, entry.before, entry.after);
    irreversible.unshift(...parts);
    const changes = inverseOf(entry);
    const line = entry.statement.span.line;
    const note = parts.length ? `data gap: ${parts.map((p) => p.reason).join("; ")}` : undefined;
    changes.forEach((change, index) => {
      steps.push({ ...change, line, ...(index === 0 && note ? { note } : {}) });
    });
    if (changes.length === 0 && note) steps.push({ sql: "", line, note });
  }
  return { steps: withoutRedundantAlters(steps), irreversible: irreversible.sort((a, b) => a.line - b.line) };
}

/**
 * Leaves out changes to a column the rollback drops a few steps later (its
 * nullability, default or type), as a person would; their notes move on.
 */
function withoutRedundantAlters(steps: RollbackStep[]): RollbackStep[] {
  const kept: RollbackStep[] = [];
  let carried: string | undefined;
  steps.forEach((step, index) => {
    const op = step.op;
    const droppedLater =
      op?.op === "alter_column" &&
      steps.slice(index + 1).some((later) => {
        const next = later.op;
        return (
          next?.op === "drop_column" &&
          next.column === op.column &&
          next.table.name === op.table.name &&
          next.table.schema === op.table.schema
        );
      }) &&
      !steps.slice(index + 1).some((later) => later.op?.op === "rename_column" || later.op?.op === "rename_table");
    if (droppedLater) {
      carried = [carried, step.note].filter(Boolean).join("; ") || undefined;
      return;
    }
    const note = [carried, step.note].filter(Boolean).join("; ") || undefined;
    carried = undefined;
    kept.push(note ? { ...step, note } : step);
  });
  return kept;
}
