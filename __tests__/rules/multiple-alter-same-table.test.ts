import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "multiple-alter-same-table";

describe(rule, () => {
  it("fires at the second ALTER TABLE on the same table outside a transaction", () => {
    const sql = [
      "ALTER TABLE users ADD COLUMN a text;",
      "ALTER TABLE posts ADD COLUMN b text;",
      "ALTER TABLE users ADD COLUMN c text;",
      "ALTER TABLE users ADD COLUMN d text;",
    ].join("\n");
    const findings = lintRule(rule, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 3, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.message).toContain("line 1");
    expect(findings[0]?.fix).toContain("ALTER TABLE users");
  });

  it("inside a transaction, fires only when both statements need ALTER TABLE's pass over the rows", () => {
    const cheap = "ALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;";
    expect(lintRule(rule, cheap, { transactional: true })).toEqual([]);
    const scans = "ALTER TABLE users ALTER COLUMN a SET NOT NULL;\nALTER TABLE users ALTER COLUMN b TYPE bigint;";
    expect(lintRule(rule, scans, { transactional: true })).toMatchObject([{ line: 2 }]);
    const sameColumn = "ALTER TABLE users ALTER COLUMN a TYPE bigint;\nALTER TABLE users ALTER COLUMN a SET NOT NULL;";
    expect(lintRule(rule, sameColumn, { transactional: true })).toMatchObject([{ line: 2 }]);
    const foreignKeys = [
      "ALTER TABLE posts ADD CONSTRAINT a_fk FOREIGN KEY (a_id) REFERENCES a (id);",
      "ALTER TABLE posts ADD CONSTRAINT b_fk FOREIGN KEY (b_id) REFERENCES b (id);",
    ].join("\n");
    expect(lintRule(rule, foreignKeys, { transactional: true })).toEqual([]);
    expect(lintRule(rule, foreignKeys)).toHaveLength(1);
  });

  it("does not fire when a statement in between uses the table (backfill) or on the NOT VALID / VALIDATE pattern", () => {
    const backfill = [
      "ALTER TABLE users ADD COLUMN plan text;",
      "UPDATE users SET plan = 'free' WHERE plan IS NULL;",
      "ALTER TABLE users ALTER COLUMN plan SET NOT NULL;",
    ].join("\n");
    expect(lintRule(rule, backfill)).toEqual([]);
    const validate = [
      "ALTER TABLE users ADD CONSTRAINT plan_nn CHECK (plan IS NOT NULL) NOT VALID;",
      "ALTER TABLE users VALIDATE CONSTRAINT plan_nn;",
      "ALTER TABLE users ALTER COLUMN plan SET NOT NULL;",
    ].join("\n");
    expect(lintRule(rule, validate)).toEqual([]);
  });

  it("does not fire across a COMMIT, on partition commands, or on a table created earlier", () => {
    expect(
      lintRule(rule, "ALTER TABLE users ADD COLUMN a text;\nCOMMIT;\nALTER TABLE users ADD COLUMN b text;"),
    ).toEqual([]);
    const partitions = "ALTER TABLE events DETACH PARTITION e1;\nALTER TABLE events DETACH PARTITION e2;";
    expect(lintRule(rule, partitions)).toEqual([]);
    const created = "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN a text;\nALTER TABLE t ADD COLUMN b text;";
    expect(lintRule(rule, created)).toEqual([]);
  });
});
