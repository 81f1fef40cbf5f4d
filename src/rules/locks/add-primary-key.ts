import { alterCommands, as, columnNames, displayTable, qualifiedKey, tableKey } from "../../sql/ast.js";
import type { StatementContext } from "../context.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * Columns of the index that the schema the migrations build leaves nullable
 * (no NOT NULL, no validated CHECK … IS NOT NULL). Empty when the index or its
 * columns are unknown: nothing to judge.
 */
function nullableIndexColumns(context: StatementContext, table: string, index: string, schema?: string): string[] {
  const columns = context.indexColumnsByName.get(qualifiedKey(schema, index)) ?? [];
  return columns.filter(
    (column) =>
      context.columnTypes.has(`${table}.${column}`) &&
      !context.notNullColumns.has(`${table}.${column}`) &&
      !(context.pgVersion >= 12 && context.hasValidatedNotNullCheck(table, column)),
  );
}

/**
 * `ADD PRIMARY KEY` (or `ADD COLUMN … PRIMARY KEY`) on an existing table
 * builds the unique index, and sets the key columns NOT NULL, inside ALTER
 * TABLE under an AccessExclusiveLock. `PRIMARY KEY USING INDEX` attaches an
 * index built beforehand and is flagged only when a key column is nullable:
 * PostgreSQL then sets it NOT NULL with a scan under the same lock.
 */
export const addPrimaryKey: StatementRule = {
  kind: "statement",
  meta: {
    id: "add-primary-key",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "PRIMARY KEY that builds its index in place",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE" || context.isNewTable(alter.relation)) return [];
    const table = displayTable(alter.relation);
    const fix =
      "make the key columns NOT NULL via a validated `CHECK (… IS NOT NULL)`, build the index with `CREATE UNIQUE INDEX CONCURRENTLY`, then `ADD CONSTRAINT … PRIMARY KEY USING INDEX …`";
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      if (cmd?.subtype === "AT_AddConstraint") {
        const constraint = as(cmd.def, "Constraint");
        if (constraint?.contype !== "CONSTR_PRIMARY") continue;
        if (constraint.indexname) {
          const nullable = nullableIndexColumns(
            context,
            tableKey(alter.relation),
            constraint.indexname,
            alter.relation?.schemaname,
          );
          if (nullable.length > 0)
            hits.push({
              message: `adds primary key using index \`${constraint.indexname}\` on \`${table}\`, but ${nullable.map((c) => `\`${c}\``).join(", ")} ${nullable.length > 1 ? "are" : "is"} nullable: PostgreSQL first sets ${nullable.length > 1 ? "them" : "it"} NOT NULL, scanning every row under the AccessExclusiveLock`,
              fix: `first add \`CHECK (${nullable[0]} IS NOT NULL) NOT VALID\` and \`VALIDATE CONSTRAINT\` ${context.advice.inOwnMigration}, then \`SET NOT NULL\` (no scan on PostgreSQL 12+), then attach the index`,
            });
          continue;
        }
        const name = constraint.conname ? `\`${constraint.conname}\` ` : "";
        hits.push({
          message: `adds primary key ${name}on \`${table}\` (${columnNames(constraint.keys).join(", ")}), building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block for the whole build`,
          fix,
        });
      }
      if (cmd?.subtype === "AT_AddColumn") {
        const column = as(cmd.def, "ColumnDef");
        if (!(column?.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_PRIMARY")) continue;
        hits.push({
          message: `adds column \`${table}.${column?.colname ?? ""}\` as PRIMARY KEY, building its index under an AccessExclusiveLock: reads and writes of \`${table}\` block while every row is indexed`,
          fix: `add and backfill the column first; then ${fix}`,
        });
      }
    }
    return hits;
  },
};
