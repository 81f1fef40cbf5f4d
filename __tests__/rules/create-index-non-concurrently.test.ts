import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "create-index-non-concurrently";

describe(RULE, () => {
  it("fires on CREATE INDEX on an existing table, naming index and table, with ShareLock", () => {
    const findings = lintRule(RULE, "SELECT 1;\nCREATE INDEX users_email_idx ON users (email);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 2, lock: "ShareLock" });
    expect(findings[0]?.message).toContain("`users_email_idx`");
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.message).toMatch(/blocks writes .* whole duration/);
    expect(findings[0]?.fix).toMatch(/CREATE INDEX CONCURRENTLY.*inside a transaction/);
  });

  it("fires on unnamed and UNIQUE indexes, and on schema-qualified tables", () => {
    const findings = lintRule(
      RULE,
      "CREATE UNIQUE INDEX ON audit.events (id);\nCREATE INDEX IF NOT EXISTS i ON t (a);",
    );
    expect(findings.map((f) => f.line)).toEqual([1, 2]);
    expect(findings[0]?.message).toContain("`audit.events`");
    expect(findings[0]?.fix).toContain("CREATE UNIQUE INDEX CONCURRENTLY");
  });

  it("does not fire on CREATE INDEX CONCURRENTLY", () => {
    expect(lintRule(RULE, "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);")).toEqual([]);
  });

  it("does not fire on a table created earlier in the same migration", () => {
    expect(lintRule(RULE, "CREATE TABLE users (id int, email text);\nCREATE INDEX ON users (email);")).toEqual([]);
    expect(lintRule(RULE, "CREATE TABLE public.users (id int);\nCREATE INDEX ON users (id);")).toEqual([]);
  });

  it("does not fire on CREATE INDEX ON ONLY a partitioned parent (nothing is built)", () => {
    expect(lintRule(RULE, "CREATE INDEX events_at_idx ON ONLY events (at);")).toEqual([]);
  });

  it("is silenced by an ignore comment", () => {
    expect(lintRule(RULE, `-- db-migrate:ignore ${RULE} small table\nCREATE INDEX ON users (email);`)).toEqual([]);
  });
});
