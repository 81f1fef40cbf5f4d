import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "domain-with-constraint";

describe(rule, () => {
  it("warns on CREATE DOMAIN with a CHECK", () => {
    const findings = lintRule(rule, "CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning" });
    expect(findings[0]?.message).toContain("`positive_int`");
  });

  it("errors on ALTER DOMAIN ADD CONSTRAINT that validates, with the ShareLock it takes", () => {
    const findings = lintRule(rule, "ALTER DOMAIN positive_int ADD CONSTRAINT small CHECK (VALUE < 1000);");
    expect(findings).toMatchObject([{ severity: "error", lock: "ShareLock" }]);
    expect(findings[0]?.fix).toContain("NOT VALID");
  });

  it("errors on ALTER DOMAIN SET NOT NULL", () => {
    expect(lintRule(rule, "ALTER DOMAIN positive_int SET NOT NULL;")).toMatchObject([{ severity: "error" }]);
  });

  it("warns on ALTER DOMAIN VALIDATE CONSTRAINT: unlike a table's, it holds a ShareLock on each table", () => {
    const findings = lintRule(rule, "ALTER DOMAIN positive_int VALIDATE CONSTRAINT small;");
    expect(findings).toMatchObject([{ severity: "warning", lock: "ShareLock" }]);
    expect(findings[0]?.message).toContain("VALIDATE CONSTRAINT small");
  });

  it("does not fire on NOT VALID, a domain without CHECK, or a domain created earlier", () => {
    expect(lintRule(rule, "ALTER DOMAIN positive_int ADD CONSTRAINT small CHECK (VALUE < 1000) NOT VALID;")).toEqual(
      [],
    );
    expect(lintRule(rule, "CREATE DOMAIN email AS text NOT NULL;")).toEqual([]);
    const sql = "CREATE DOMAIN code AS text;\nALTER DOMAIN code ADD CONSTRAINT short CHECK (length(VALUE) < 10);";
    expect(lintRule(rule, sql)).toEqual([]);
  });
});
