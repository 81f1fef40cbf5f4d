import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

describe("require-schema-qualified", () => {
  it("is off unless enabled", () => {
    expect(lint("ALTER TABLE users ADD COLUMN a int;").filter((f) => f.rule === "require-schema-qualified")).toEqual(
      [],
    );
  });

  it("fires when enabled, as info at the statement", () => {
    const findings = lintRule("require-schema-qualified", "ALTER TABLE users ADD COLUMN a int;");
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatchObject({ rule: "require-schema-qualified", severity: "info", line: 1 });
  });

  it("does not fire on the safe form", () => {
    expect(
      lintRule(
        "require-schema-qualified",
        "ALTER TABLE public.users ADD COLUMN a int;\nCREATE INDEX i ON app.users (a);",
      ),
    ).toEqual([]);
  });
});
