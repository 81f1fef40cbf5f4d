import type { Constraint, Node } from "@pgsql/types";
import { QuoteUtils } from "pgsql-deparser";
import { as, columnNames, nameList, tableKey } from "../../sql/ast.js";
import type { Statement } from "../../types.js";
import type { RuleHit, StatementRule } from "../types.js";

interface ForeignKey {
  columns: string[];
  referenced: string;
}

/** Constraints of a column definition or a table element. */
function constraintsOf(node: Node): Constraint[] {
  const column = as(node, "ColumnDef");
  const list = column ? (column.constraints ?? []) : [node];
  return list.map((c) => as(c, "Constraint")).filter((c): c is Constraint => c !== undefined);
}

function foreignKey(constraint: Constraint, column: string | undefined): ForeignKey | undefined {
  if (constraint.contype !== "CONSTR_FOREIGN") return undefined;
  const columns = column ? [column] : nameList(constraint.fk_attrs);
  return columns.length > 0 ? { columns, referenced: tableKey(constraint.pktable) } : undefined;
}

/** Leading columns of the unique/primary-key indexes a table element or column builds. */
function indexesOf(node: Node, column: string | undefined): string[][] {
  return constraintsOf(node)
    .filter((c) => c.contype === "CONSTR_PRIMARY" || c.contype === "CONSTR_UNIQUE" || c.contype === "CONSTR_EXCLUSION")
    .map((c) => (column ? [column] : c.contype === "CONSTR_EXCLUSION" ? exclusionColumns(c) : columnNames(c.keys)));
}

function exclusionColumns(constraint: Constraint): string[] {
  return (constraint.exclusions ?? []).map((pair) => columnNames([as(pair, "List")?.items?.[0] as Node])[0] ?? "");
}

/** Index column lists a later statement creates on `table`. */
function laterIndexes(statements: Statement[], after: number, table: string): string[][] {
  const lists: string[][] = [];
  for (const statement of statements.slice(after + 1)) {
    const index = as(statement.ast, "IndexStmt");
    // A partial index serves only the rows its WHERE selects: it does not cover a foreign key's lookups.
    if (index && !index.whereClause && tableKey(index.relation) === table) lists.push(columnNames(index.indexParams));
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter && tableKey(alter.relation) === table)
      for (const cmd of alter.cmds ?? []) {
        const def = as(cmd, "AlterTableCmd")?.def;
        const column = as(def, "ColumnDef");
        if (def) lists.push(...indexesOf(def, column?.colname));
      }
  }
  return lists;
}

/** A lookup by the FK columns can use an index whose first column is one of them. */
function covers(index: string[], columns: string[]): boolean {
  return index[0] !== undefined && columns.includes(index[0]);
}

/** Columns of `table` this migration adds (ADD COLUMN) up to and including statement `upTo`. */
function addedColumns(statements: Statement[], upTo: number, table: string): Set<string> {
  const added = new Set<string>();
  for (const statement of statements.slice(0, upTo + 1)) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (!alter || tableKey(alter.relation) !== table) continue;
    for (const cmd of alter.cmds ?? []) {
      const command = as(cmd, "AlterTableCmd");
      const column = as(command?.def, "ColumnDef");
      if (command?.subtype === "AT_AddColumn" && column?.colname) added.add(column.colname);
    }
  }
  return added;
}

function createdInMigration(statements: Statement[], before: number, table: string): boolean {
  return statements.slice(0, before).some((s) => tableKey(as(s.ast, "CreateStmt")?.relation) === table);
}

/**
 * A foreign key whose referencing columns no index starts with. Deleting (or
 * changing the key of) a row of the referenced table then scans the whole
 * referencing table to look for references. Existing indexes of existing
 * tables are not visible statically, so it fires only where the migration
 * shows every index the columns can have: the referencing table is created in
 * this migration, or one of the key's columns is added by it. Indexes built
 * anywhere in the migration (before or after the key) count.
 */
export const foreignKeyWithoutIndex: StatementRule = {
  kind: "statement",
  meta: {
    id: "foreign-key-without-index",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "foreign key whose referencing columns have no index",
    lock: null,
  },
  check(statement, context) {
    const found: Array<{ table: string; key: ForeignKey; ownIndexes: string[][]; fresh: boolean }> = [];
    const create = as(statement.ast, "CreateStmt");
    if (create) {
      const table = tableKey(create.relation);
      const ownIndexes = (create.tableElts ?? []).flatMap((e) => indexesOf(e, as(e, "ColumnDef")?.colname));
      for (const element of create.tableElts ?? []) {
        const column = as(element, "ColumnDef")?.colname;
        for (const constraint of constraintsOf(element)) {
          const key = foreignKey(constraint, column);
          if (key) found.push({ table, key, ownIndexes, fresh: true });
        }
      }
    }
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype === "OBJECT_TABLE") {
      const table = tableKey(alter.relation);
      const defs = (alter.cmds ?? []).map((c) => as(c, "AlterTableCmd")?.def).filter((d): d is Node => d !== undefined);
      const ownIndexes = defs.flatMap((d) => indexesOf(d, as(d, "ColumnDef")?.colname));
      const keys = defs.flatMap((def) => {
        const column = as(def, "ColumnDef")?.colname;
        return constraintsOf(def).flatMap((constraint) => foreignKey(constraint, column) ?? []);
      });
      // Scanning the migration for where the table and columns came from is only worth it for a foreign key.
      const visible = keys.length > 0 && createdInMigration(context.statements, context.index, table);
      const added = keys.length > 0 ? addedColumns(context.statements, context.index, table) : new Set<string>();
      for (const key of keys) {
        if (visible || key.columns.some((c) => added.has(c))) {
          found.push({ table, key, ownIndexes, fresh: visible || context.isNewTable(table) });
        }
      }
    }
    const hits: RuleHit[] = [];
    for (const { table, key, ownIndexes, fresh } of found) {
      const indexes = [
        ...ownIndexes,
        ...(context.indexColumns.get(table) ?? []),
        ...laterIndexes(context.statements, context.index, table),
      ];
      if (indexes.some((index) => covers(index, key.columns))) continue;
      const columns = key.columns.join(", ");
      const create = `CREATE INDEX ON ${table.split(".").map(QuoteUtils.quoteIdentifier).join(".")} (${key.columns.map(QuoteUtils.quoteIdentifier).join(", ")});`;
      hits.push({
        message: `foreign key \`${table}(${columns})\` → \`${key.referenced || "(unknown)"}\` has no index starting with its column${key.columns.length > 1 ? "s" : ""}: every DELETE (or key UPDATE) on \`${key.referenced}\` scans all of \`${table}\` for references, holding locks while it does`,
        fix: `${context.advice.declareIndex ? `${context.advice.declareIndex}; ` : ""}${
          fresh
            ? `add \`${create}\` in this migration: \`${table}\` is new and empty, so the build is instant`
            : `add \`${create.replace("CREATE INDEX", "CREATE INDEX CONCURRENTLY")}\`: ${context.advice.outsideTransaction}`
        }`,
      });
    }
    return hits;
  },
};
