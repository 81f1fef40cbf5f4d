import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("identifier-too-long", () => {
  it("is off unless enabled", () => {
    expect(lint(`CREATE INDEX ${"i".repeat(64)} ON t (a);`).filter((f) => f.rule === "identifier-too-long")).toEqual(
      [],
    );
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("identifier-too-long", `CREATE INDEX ${"i".repeat(64)} ON t (a);`);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "identifier-too-long", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(lintRule("identifier-too-long", `CREATE INDEX ${"i".repeat(63)} ON t (a);`)).toEqual([]);
  });

  it("counts bytes, not characters", () => {
    expect(lintRule("identifier-too-long", `CREATE TABLE "${"é".repeat(32)}" (a int);`)).toHaveLength(1);
  });
});
