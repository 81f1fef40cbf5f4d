import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("cascade-drop", () => {
  it("fires on DROP TABLE … CASCADE of an existing table", () => {
    const findings = lintRule("cascade-drop", "SELECT 1;\nDROP TABLE users CASCADE;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users`");
  });

  it("is an error when the dependents are columns holding data (types, schemas)", () => {
    expect(lintRule("cascade-drop", "DROP TYPE status CASCADE;")[0]?.severity).toBe("error");
    expect(lintRule("cascade-drop", "DROP SCHEMA audit CASCADE;")[0]?.severity).toBe("error");
  });

  it("fires on DROP COLUMN … CASCADE and DROP CONSTRAINT … CASCADE", () => {
    const findings = lintRule(
      "cascade-drop",
      "ALTER TABLE users DROP COLUMN org_id CASCADE, DROP CONSTRAINT users_pkey CASCADE;",
    );
    expect(findings).toHaveLength(2);
    expect(findings[0]?.message).toContain("`org_id`");
    expect(findings[1]?.message).toContain("`users_pkey`");
  });

  it("fires on DROP FUNCTION … CASCADE with the function's name", () => {
    const findings = lintRule("cascade-drop", "DROP FUNCTION audit.touch() CASCADE;");
    expect(findings[0]?.message).toContain("`audit.touch`");
  });

  it("does not fire without CASCADE", () => {
    expect(lintRule("cascade-drop", "DROP TABLE users;\nDROP TYPE status RESTRICT;")).toEqual([]);
  });

  it("does not fire on objects created earlier in the same migration", () => {
    const sql = [
      "CREATE TABLE tmp (id int);",
      "CREATE VIEW tmp_v AS SELECT * FROM tmp;",
      "CREATE TYPE mood AS ENUM ('ok');",
      "CREATE SCHEMA scratch;",
      "DROP VIEW tmp_v CASCADE;",
      "DROP TABLE tmp CASCADE;",
      "DROP TYPE mood CASCADE;",
      "DROP SCHEMA scratch CASCADE;",
    ].join("\n");
    expect(lintRule("cascade-drop", sql)).toEqual([]);
  });

  it("leaves TRUNCATE … CASCADE to truncate-table", () => {
    expect(lintRule("cascade-drop", "TRUNCATE users CASCADE;")).toEqual([]);
  });
});
