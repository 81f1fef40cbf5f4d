import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "add-unique-constraint";

describe(RULE, () => {
  it("fires on ADD CONSTRAINT … UNIQUE building its index in place", () => {
    const findings = lintRule(RULE, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users_email_key`");
    expect(findings[0]?.message).toContain("`users` (email)");
    expect(findings[0]?.fix).toMatch(/CREATE UNIQUE INDEX CONCURRENTLY.*UNIQUE USING INDEX/);
  });

  it("fires on unnamed ADD UNIQUE and on ADD COLUMN … UNIQUE", () => {
    const findings = lintRule(
      RULE,
      "ALTER TABLE users ADD UNIQUE (a, b);\nALTER TABLE users ADD COLUMN handle text UNIQUE;",
    );
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
    expect(findings[0]?.message).toContain("(a, b)");
    expect(findings[1]?.message).toContain("`users.handle`");
  });

  it("does not fire on UNIQUE USING INDEX", () => {
    const sql =
      "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("does not fire on a table created earlier in the migration", () => {
    expect(lintRule(RULE, "CREATE TABLE users (email text);\nALTER TABLE users ADD UNIQUE (email);")).toEqual([]);
  });
});
