import { describe, expect, it } from "vitest";
import { causeOf } from "../../src/engine/engine.js";
import { traceFindings } from "../../src/rules/trace/run.js";
import { tracedMigration } from "../helpers/trace.js";

const rule = "observed-blocking-lock";

describe(rule, () => {
  it("fires on a lock blocking writes of an existing table, with how long it was held", () => {
    const { trace } = tracedMigration("CREATE INDEX posts_author ON posts (author_id);\nSELECT 1;\nSELECT 2;", [
      { locks: [{ relation: "posts", mode: "ShareLock" }], heldFor: 3 },
    ]);
    const findings = traceFindings(trace, causeOf).filter((f) => f.rule === rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, lock: "ShareLock", source: "trace", statementLine: 1 });
    expect(findings[0]?.message).toContain("`posts` ShareLock (blocks writes, ddl), held for 3 statements");
    expect(findings[0]?.locks).toEqual([{ relation: "posts", mode: "ShareLock" }]);
    expect(findings[0]?.foldedText).toBe("confirmed on PostgreSQL: ShareLock on `posts`, held for 3 statements");
  });

  it("stays quiet on new tables, indexes, locks already held and locks that block nothing but DDL", () => {
    const { trace } = tracedMigration("CREATE INDEX a ON t (x);\nALTER TABLE t VALIDATE CONSTRAINT c;", [
      {
        locks: [
          { relation: "fresh", mode: "AccessExclusiveLock", existedBefore: false },
          { relation: "t_pkey", mode: "AccessExclusiveLock", kind: "index" },
          { relation: "t", mode: "ShareLock", acquired: false },
        ],
      },
      { locks: [{ relation: "t", mode: "ShareUpdateExclusiveLock" }] },
    ]);
    expect(traceFindings(trace, causeOf).filter((f) => f.rule === rule)).toEqual([]);
  });
});
