import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("prefer-bigint", () => {
  it("is off unless enabled", () => {
    expect(
      lint("CREATE TABLE users (id integer PRIMARY KEY, name text);").filter((f) => f.rule === "prefer-bigint"),
    ).toEqual([]);
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("prefer-bigint", "CREATE TABLE users (id integer PRIMARY KEY, name text);");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "prefer-bigint", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(
      lintRule("prefer-bigint", "CREATE TABLE users (id bigint PRIMARY KEY, age integer, score smallint);"),
    ).toEqual([]);
  });

  it("flags serial and *_id columns added to a table", () => {
    expect(lintRule("prefer-bigint", "ALTER TABLE orders ADD COLUMN customer_id int4;")[0]?.message).toContain(
      "`orders.customer_id` is a integer id",
    );
    expect(lintRule("prefer-bigint", "CREATE TABLE t (n serial);")[0]?.message).toContain("2,147,483,647");
  });
});
