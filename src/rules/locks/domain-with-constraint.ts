import { as, nameList, objectKey } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/**
 * Constraints on domains. `CREATE DOMAIN … CHECK` ties every column of the
 * domain to a check that can only be changed later by `ALTER DOMAIN`, which
 * validates every such column of every table at once (ShareLock, a scan of
 * each), and adding a column of a constrained domain rewrites the table.
 * `ALTER DOMAIN … ADD CONSTRAINT` (or `SET NOT NULL`) without `NOT VALID`
 * on a domain that existed before the migration does that scan now.
 */
export const domainWithConstraint: StatementRule = {
  kind: "statement",
  meta: {
    id: "domain-with-constraint",
    category: "locks",
    severity: "warning",
    enabledByDefault: true,
    summary: "CREATE DOMAIN … CHECK / ALTER DOMAIN … ADD CONSTRAINT",
    lock: null,
  },
  check(statement, context) {
    const create = as(statement.ast, "CreateDomainStmt");
    if (create) {
      const hasCheck = (create.constraints ?? []).some((c) => as(c, "Constraint")?.contype === "CONSTR_CHECK");
      if (!hasCheck) return [];
      const domain = objectKey(nameList(create.domainname));
      return [
        {
          message: `domain \`${domain}\` has a CHECK constraint: changing it later means ALTER DOMAIN, which scans every column of the domain in every table under a ShareLock (blocking writes), and adding a column of this domain to an existing table rewrites that table`,
          fix: "use the base type and put the CHECK on each table's column (added NOT VALID, then VALIDATE), where it can change table by table",
        },
      ];
    }
    const alter = as(statement.ast, "AlterDomainStmt");
    if (!alter) return [];
    const constraint = as(alter.def, "Constraint");
    const adds = alter.subtype === "C" && constraint !== undefined && !constraint.skip_validation;
    const setsNotNull = alter.subtype === "O";
    if (!adds && !setsNotNull) return [];
    const domain = objectKey(nameList(alter.typeName));
    if (createdEarlier(domain, context.statements.slice(0, context.index))) return [];
    const what = setsNotNull ? "SET NOT NULL" : `ADD CONSTRAINT${constraint?.conname ? ` ${constraint.conname}` : ""}`;
    return [
      {
        severity: "error",
        lock: "ShareLock",
        message: `ALTER DOMAIN \`${domain}\` ${what} checks every column of type \`${domain}\` in every table, holding a ShareLock on each table (blocking its writes) while it scans all of their rows`,
        fix: setsNotNull
          ? "put NOT NULL on the table columns instead (CHECK … IS NOT NULL NOT VALID, VALIDATE, then SET NOT NULL)"
          : `add it as \`ALTER DOMAIN ${domain} ADD CONSTRAINT … NOT VALID\`, then \`VALIDATE CONSTRAINT\` in a separate transaction`,
      },
    ];
  },
};

function createdEarlier(domain: string, statements: { ast: unknown }[]): boolean {
  return statements.some((s) => {
    const create = as(s.ast, "CreateDomainStmt");
    return create !== undefined && objectKey(nameList(create.domainname)) === domain;
  });
}
