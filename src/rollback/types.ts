import type { ColumnSnapshot, ConstraintSnapshot, IndexSnapshot } from "../engine/catalog/types.js";

export interface TableRef {
  schema: string;
  name: string;
}

/**
 * The operations a tool has a first-class call for (Alembic `op.*`). Anything
 * else is plain SQL. Every change also carries its SQL, so SQL tools never need these.
 */
export type StructuredOp =
  | { op: "create_table"; table: TableRef; columns: ColumnSnapshot[]; constraints: ConstraintSnapshot[] }
  | { op: "drop_table"; table: TableRef }
  | { op: "rename_table"; table: TableRef; to: string }
  | { op: "add_column"; table: TableRef; column: ColumnSnapshot }
  | { op: "drop_column"; table: TableRef; column: string }
  | { op: "rename_column"; table: TableRef; column: string; to: string }
  | {
      op: "alter_column";
      table: TableRef;
      column: string;
      /** New type and the USING expression when a cast is spelled out. */
      type?: { to: string; from: string; using: string | null };
      nullable?: boolean;
      /** New server default; null drops it. */
      serverDefault?: string | null;
      existingType: string;
    }
  | { op: "create_index"; table: TableRef; index: IndexSnapshot; concurrently: boolean }
  | { op: "drop_index"; table: TableRef; index: string; concurrently: boolean }
  | { op: "add_constraint"; table: TableRef; constraint: ConstraintSnapshot }
  | { op: "drop_constraint"; table: TableRef; constraint: ConstraintSnapshot };

/** One statement of a generated rollback. */
export interface RollbackChange {
  /** The SQL, without a trailing semicolon. */
  sql: string;
  op?: StructuredOp;
  /** Must run outside a transaction block (CREATE/DROP INDEX CONCURRENTLY). */
  concurrently?: boolean;
}

/** A statement of a generated rollback, with the up statement it undoes. */
export interface RollbackStep extends RollbackChange {
  /** 1-based line of the up statement it reverses. */
  line: number;
  /** Comment placed above it (a data gap, why it was generated this way). */
  note?: string;
}

export interface IrreversiblePart {
  line: number;
  reason: string;
  alternative?: string;
}
