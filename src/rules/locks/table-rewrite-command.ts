import { as, displayTable } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";
import { effectsAt, onExistingRelation, relationLabel } from "./statement-effects.js";

const ALTER_REWRITES: Record<string, string> = {
  AT_SetTableSpace: "SET TABLESPACE",
  AT_SetLogged: "SET LOGGED",
  AT_SetUnLogged: "SET UNLOGGED",
  AT_SetAccessMethod: "SET ACCESS METHOD",
};

const REPACK_FIX =
  "rebuild online with pg_repack or pg_squeeze instead (they copy the table and swap it in with a brief lock)";

/**
 * Commands whose whole purpose is to rewrite a table (or index) under an
 * AccessExclusiveLock: VACUUM FULL, CLUSTER, ALTER TABLE … SET TABLESPACE /
 * SET LOGGED / SET UNLOGGED / SET ACCESS METHOD, ALTER INDEX … SET TABLESPACE,
 * ALTER TABLE ALL IN TABLESPACE. Tables created earlier in the migration or
 * the PR are skipped.
 */
export const tableRewriteCommand: StatementRule = {
  kind: "statement",
  meta: {
    id: "table-rewrite-command",
    category: "locks",
    severity: "error",
    enabledByDefault: true,
    summary: "VACUUM FULL, CLUSTER, SET TABLESPACE / LOGGED / UNLOGGED: a rewrite under AccessExclusiveLock",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["VacuumStmt", "ClusterStmt", "AlterTableMoveAllStmt", "AlterTableStmt"],
  check(statement, context) {
    const ast = statement.ast;
    const command = as(ast, "VacuumStmt") ? "VACUUM FULL" : as(ast, "ClusterStmt") ? "CLUSTER" : undefined;
    if (command) {
      return effectsAt(context)
        .filter((effect) => effect.rewrite && onExistingRelation(effect, context))
        .map((effect) => ({
          message: `${command} rewrites ${relationLabel(effect)} into a new file under an AccessExclusiveLock: no reads or writes until the copy and its index rebuilds finish`,
          fix: REPACK_FIX,
        }));
    }
    const moveAll = as(ast, "AlterTableMoveAllStmt");
    if (moveAll) {
      return [
        {
          message: `moves every relation of tablespace \`${moveAll.orig_tablespacename}\` to \`${moveAll.new_tablespacename}\`: each is copied under an AccessExclusiveLock, blocking its reads and writes`,
          fix: "move tables one at a time in a maintenance window, or rebuild them online with pg_repack --tablespace",
        },
      ];
    }
    const alter = as(ast, "AlterTableStmt");
    if (!alter) return [];
    const isIndex = alter.objtype === "OBJECT_INDEX";
    const name = displayTable(alter.relation);
    if (isIndex ? context.created.indexes.has(name) : context.isNewTable(alter.relation)) return [];
    const hits: RuleHit[] = [];
    for (const node of alter.cmds ?? []) {
      const subtype = as(node, "AlterTableCmd")?.subtype ?? "";
      const form = ALTER_REWRITES[subtype];
      if (!form) continue;
      const what = isIndex ? `index \`${name}\`` : `\`${name}\``;
      hits.push({
        message: `${form} rewrites ${what} into a new file under an AccessExclusiveLock: ${isIndex ? "queries that use the index" : "reads and writes"} wait until the copy finishes`,
        fix:
          subtype === "AT_SetLogged" || subtype === "AT_SetUnLogged"
            ? "create the table with the persistence it needs, or copy the data into a new table and swap names in a short transaction"
            : subtype === "AT_SetTableSpace"
              ? "move it online with pg_repack --tablespace, or during a maintenance window"
              : REPACK_FIX,
      });
    }
    return hits;
  },
};
