import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "add-primary-key";

describe(RULE, () => {
  it("fires on ADD PRIMARY KEY building its index in place", () => {
    const findings = lintRule(RULE, "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (id);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`events_pkey`");
    expect(findings[0]?.message).toContain("`events` (id)");
    expect(findings[0]?.fix).toMatch(/CREATE UNIQUE INDEX CONCURRENTLY.*PRIMARY KEY USING INDEX/);
  });

  it("fires on ADD COLUMN … PRIMARY KEY", () => {
    const findings = lintRule(RULE, "ALTER TABLE events ADD COLUMN id bigint PRIMARY KEY;");
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("`events.id`");
  });

  it("does not fire on PRIMARY KEY USING INDEX", () => {
    expect(
      lintRule(RULE, "ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_idx;"),
    ).toEqual([]);
  });

  it("does not fire on a table created earlier in the migration", () => {
    expect(lintRule(RULE, "CREATE TABLE events (id bigint);\nALTER TABLE events ADD PRIMARY KEY (id);")).toEqual([]);
  });
});
