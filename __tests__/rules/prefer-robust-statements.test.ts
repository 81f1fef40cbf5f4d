import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("prefer-robust-statements", () => {
  it("is off unless enabled", () => {
    expect(lint("CREATE TABLE users (id bigint);").filter((f) => f.rule === "prefer-robust-statements")).toEqual([]);
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("prefer-robust-statements", "CREATE TABLE users (id bigint);");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "prefer-robust-statements", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(
      lintRule(
        "prefer-robust-statements",
        "CREATE TABLE IF NOT EXISTS users (id bigint);\nDROP INDEX IF EXISTS i;\nALTER TABLE users ADD COLUMN IF NOT EXISTS a int;",
      ),
    ).toEqual([]);
  });

  it("does not fire inside a transaction, where a failure rolls everything back", () => {
    expect(lintRule("prefer-robust-statements", "CREATE TABLE users (id bigint);", { transactional: true })).toEqual(
      [],
    );
    expect(lintRule("prefer-robust-statements", "BEGIN;\nDROP TABLE users;\nCOMMIT;")).toEqual([]);
  });

  it("flags a concurrent index build, which leaves an INVALID index behind when it fails", () => {
    expect(lintRule("prefer-robust-statements", "CREATE INDEX CONCURRENTLY i ON t (a);")[0]?.fix).toContain("INVALID");
  });
});
