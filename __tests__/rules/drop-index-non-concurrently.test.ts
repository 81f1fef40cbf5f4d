import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "drop-index-non-concurrently";

describe(RULE, () => {
  it("fires on DROP INDEX without CONCURRENTLY, with AccessExclusiveLock", () => {
    const findings = lintRule(RULE, "DROP INDEX users_email_idx;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users_email_idx`");
    expect(findings[0]?.fix).toContain("DROP INDEX CONCURRENTLY users_email_idx");
  });

  it("reports each index of a multi-index DROP, schema-qualified", () => {
    const findings = lintRule(RULE, "DROP INDEX IF EXISTS audit.a_idx, b_idx;");
    expect(findings.map((f) => f.message.match(/`([^`]+)`/)?.[1])).toEqual(["audit.a_idx", "b_idx"]);
  });

  it("does not fire on DROP INDEX CONCURRENTLY", () => {
    expect(lintRule(RULE, "DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;")).toEqual([]);
  });

  it("does not fire on an index created earlier in the same migration", () => {
    expect(lintRule(RULE, "CREATE INDEX CONCURRENTLY tmp_idx ON users (email);\nDROP INDEX tmp_idx;")).toEqual([]);
    expect(lintRule(RULE, "CREATE INDEX tmp_idx ON public.users (email);\nDROP INDEX public.tmp_idx;")).toEqual([]);
  });

  it("still fires for an index of the same name in another schema", () => {
    expect(lintRule(RULE, "CREATE INDEX tmp_idx ON users (email);\nDROP INDEX audit.tmp_idx;")).toHaveLength(1);
  });
});
