import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "lock-held-across-statements";

describe(rule, () => {
  it("fires at the statement taking the lock, counting the statements until COMMIT", () => {
    const sql = [
      "BEGIN;",
      "ALTER TABLE users ADD COLUMN bio text;",
      "UPDATE accounts SET plan = 'free' WHERE plan IS NULL;",
      "CREATE INDEX accounts_plan_idx ON accounts (plan);",
      "COMMIT;",
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.message).toContain("2 more statements");
    expect(findings[0]?.message).toContain("COMMIT at line 5");
  });

  it("counts to the end of the migration when the tool wraps it in a transaction", () => {
    const sql = "ALTER TABLE users ADD COLUMN bio text;\nCREATE TABLE notes (id int);";
    const findings = lintRule(rule, sql, { transactional: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("1 more statement runs");
    expect(findings[0]?.message).toContain("end of the migration's transaction");
  });

  it("reports only the first statement taking the lock on a table in the transaction", () => {
    const sql = [
      "ALTER TABLE users ADD COLUMN a text;",
      "ALTER TABLE users ADD COLUMN b text;",
      "CREATE TABLE notes (id int);",
    ].join("\n");
    expect(lintRule(rule, sql, { transactional: true })).toMatchObject([{ line: 1 }]);
  });

  it("resolves DROP INDEX to its table when the index was created earlier, and reports a run of unknown ones once", () => {
    const known =
      "CREATE INDEX users_email_idx ON users (email);\nDROP INDEX users_email_idx;\nCREATE TABLE notes (id int);";
    expect(lintRule(rule, known, { transactional: true })[0]?.message).toContain("`users`");
    const unknown = "DROP INDEX a_idx;\nDROP INDEX b_idx;\nCREATE INDEX c_idx ON posts (c);";
    const findings = lintRule(rule, unknown, { transactional: true });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("the table of index `a_idx`");
  });

  it("knows that dropping a foreign key seen earlier also locks the referenced table", () => {
    const sql = [
      "ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
      "ALTER TABLE posts DROP CONSTRAINT posts_user_fk;",
      "CREATE TABLE notes (id int);",
    ].join("\n");
    const [finding] = lintRule(rule, sql, { transactional: true });
    expect(finding?.line).toBe(2);
    expect(finding?.message).toContain("`posts`, `users`");
  });

  it("does not fire outside a transaction, when the lock is taken last, or on new tables", () => {
    expect(lintRule(rule, "ALTER TABLE users ADD COLUMN bio text;\nCREATE TABLE notes (id int);")).toEqual([]);
    expect(
      lintRule(
        rule,
        "BEGIN;\nSET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN bio text;\nRESET lock_timeout;\nCOMMIT;",
      ),
    ).toEqual([]);
    const sql = "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN name text;\nCREATE INDEX t_name ON t (name);";
    expect(lintRule(rule, sql, { transactional: true })).toEqual([]);
  });

  it("does not fire on weaker locks (CREATE INDEX takes ShareLock)", () => {
    expect(
      lintRule(rule, "CREATE INDEX i ON users (email);\nCREATE TABLE notes (id int);", { transactional: true }),
    ).toEqual([]);
  });
});
