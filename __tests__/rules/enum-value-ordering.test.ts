import { describe, expect, it } from "vitest";
import { lint, lintRule } from "../helpers/lint.js";

const rule = "enum-value-ordering";

describe(rule, () => {
  it("fires on ADD VALUE … BEFORE/AFTER on an existing enum (when enabled)", () => {
    const before = lintRule(rule, "ALTER TYPE status ADD VALUE 'paused' BEFORE 'done';");
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ severity: "info", lock: null });
    expect(before[0]?.message).toContain("`status`");
    expect(before[0]?.message).toContain("BEFORE 'done'");
    expect(lintRule(rule, "ALTER TYPE status ADD VALUE IF NOT EXISTS 'x' AFTER 'new';")).toHaveLength(1);
  });

  it("is off unless enabled", () => {
    expect(lint("ALTER TYPE status ADD VALUE 'paused' BEFORE 'done';").filter((f) => f.rule === rule)).toEqual([]);
  });

  it("does not fire on ADD VALUE at the end, RENAME VALUE, or an enum created earlier", () => {
    expect(lintRule(rule, "ALTER TYPE status ADD VALUE 'archived';")).toEqual([]);
    expect(lintRule(rule, "ALTER TYPE status RENAME VALUE 'a' TO 'b';")).toEqual([]);
    const sql = "CREATE TYPE mood AS ENUM ('sad', 'happy');\nALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';";
    expect(lintRule(rule, sql)).toEqual([]);
  });
});
