import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "add-required-column";

describe(RULE, () => {
  it("fires on ADD COLUMN … NOT NULL without a default", () => {
    const findings = lintRule(RULE, "ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users.tenant_id`");
    expect(findings[0]?.fix).toContain("DEFAULT");
  });

  it("fires on DEFAULT NULL NOT NULL and on a PRIMARY KEY column with no default", () => {
    const sql =
      "ALTER TABLE users ADD COLUMN a int DEFAULT NULL NOT NULL;\nALTER TABLE users ADD COLUMN b int PRIMARY KEY;";
    expect(lintRule(RULE, sql).map((f) => f.line)).toEqual([1, 2]);
  });

  it("does not fire when a default is given", () => {
    expect(lintRule(RULE, "ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;")).toEqual([]);
  });

  it("does not fire on nullable columns", () => {
    expect(lintRule(RULE, "ALTER TABLE users ADD COLUMN nickname text;")).toEqual([]);
  });

  it("does not fire on serial, identity or generated columns", () => {
    const sql = [
      "ALTER TABLE users ADD COLUMN n bigserial NOT NULL;",
      "ALTER TABLE users ADD COLUMN m bigint NOT NULL GENERATED ALWAYS AS IDENTITY;",
      "ALTER TABLE users ADD COLUMN g int NOT NULL GENERATED ALWAYS AS (m * 2) STORED;",
    ].join("\n");
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("does not fire on a table created earlier in the migration", () => {
    expect(lintRule(RULE, "CREATE TABLE users (id int);\nALTER TABLE users ADD COLUMN email text NOT NULL;")).toEqual(
      [],
    );
  });
});
