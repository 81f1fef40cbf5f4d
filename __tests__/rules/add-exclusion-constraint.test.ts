import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "add-exclusion-constraint";

describe(RULE, () => {
  it("fires on ADD CONSTRAINT … EXCLUDE on an existing table", () => {
    const findings = lintRule(
      RULE,
      "ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`no_overlap`");
    expect(findings[0]?.message).toContain("`bookings`");
    expect(findings[0]?.fix).toBeTruthy();
  });

  it("does not fire on a table created earlier in the migration", () => {
    const sql =
      "CREATE TABLE bookings (room int, during tsrange);\nALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("does not fire on other constraints", () => {
    expect(lintRule(RULE, "ALTER TABLE bookings ADD CONSTRAINT c CHECK (room > 0) NOT VALID;")).toEqual([]);
  });
});
