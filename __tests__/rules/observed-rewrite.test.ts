import { describe, expect, it } from "vitest";
import { causeOf } from "../../src/engine/engine.js";
import { traceFindings } from "../../src/rules/trace/run.js";
import { tracedMigration } from "../helpers/trace.js";

const rule = "observed-rewrite";

describe(rule, () => {
  it("fires as an error when an existing table got a new file, as a warning for an index alone", () => {
    const { trace } = tracedMigration("ALTER TABLE users ALTER COLUMN id TYPE bigint;\nREINDEX INDEX users_email;", [
      {
        locks: [{ relation: "users", mode: "AccessExclusiveLock" }],
        rewrites: [{ relation: "users", kind: "table", existedBefore: true }],
      },
      {
        locks: [{ relation: "users", mode: "ShareLock" }],
        rewrites: [{ relation: "users_email", kind: "index", existedBefore: true }],
      },
    ]);
    const findings = traceFindings(trace, causeOf).filter((f) => f.rule === rule);
    expect(findings.map((f) => [f.line, f.severity, f.lock])).toEqual([
      [1, "error", "AccessExclusiveLock"],
      [2, "warning", "ShareLock"],
    ]);
    expect(findings[0]?.message).toContain("rewrote table `users`");
    expect(findings[1]?.message).toContain("rebuilt index `users_email`");
  });

  it("stays quiet on a rewrite of a table the migration created", () => {
    const { trace } = tracedMigration("ALTER TABLE fresh ALTER COLUMN id TYPE bigint;", [
      { rewrites: [{ relation: "fresh", kind: "table", existedBefore: false }] },
    ]);
    expect(traceFindings(trace, causeOf).filter((f) => f.rule === rule)).toEqual([]);
  });
});
