import { as, nameList, objectKey } from "../../sql/ast.js";
import type { StatementRule } from "../types.js";

/**
 * Constraints on domains. `CREATE DOMAIN … CHECK` ties every column of the
 * domain to a check that can only be changed later by `ALTER DOMAIN`, which
 * validates every such column of every table at once (ShareLock, a scan of
 * each), and adding a column of a constrained domain rewrites the table.
 * `ALTER DOMAIN … ADD CONSTRAINT` (or `SET NOT NULL`) without `NOT VALID`
 * on a domain that existed before the migration does that scan now, and
 * so does `VALIDATE CONSTRAINT` (still a ShareLock on each table, unlike a
 * table's VALIDATE).
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
  statementKinds: ["CreateDomainStmt", "AlterDomainStmt"],
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
    const validates = alter.subtype === "V";
    if (!adds && !setsNotNull && !validates) return [];
    const domain = objectKey(nameList(alter.typeName));
    if (createdEarlier(domain, context.statements.slice(0, context.index))) return [];
    const what = setsNotNull
      ? "SET NOT NULL"
      : validates
        ? `VALIDATE CONSTRAINT ${alter.name ?? ""}`.trim()
        : `ADD CONSTRAINT${constraint?.conname ? ` ${constraint.conname}` : ""}`;
    return [
      {
        // VALIDATE is the better half of NOT VALID + VALIDATE, but for a domain it still holds a ShareLock.
        severity: validates ? "warning" : "error",
        lock: "ShareLock",
        message: `ALTER DOMAIN \`${domain}\` ${what} checks every column of type \`${domain}\` in every table, holding a ShareLock on each table (blocking its writes) while it scans all of their rows`,
        fix: setsNotNull
          ? "put NOT NULL on the table columns instead (CHECK … IS NOT NULL NOT VALID, VALIDATE, then SET NOT NULL)"
          : validates
            ? "validate at a quiet time with a statement_timeout, or move the check to each table (ADD CONSTRAINT … NOT VALID, then VALIDATE: ShareUpdateExclusiveLock)"
            : `add it \`NOT VALID\` (new values are checked at once) and validate at a quiet time, or put the CHECK on each table's column instead (NOT VALID, then VALIDATE without blocking writes)`,
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
