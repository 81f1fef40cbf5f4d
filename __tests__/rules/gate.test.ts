import { describe, expect, it } from "vitest";
import { causeOf } from "../../src/engine/engine.js";
import { gateFindings } from "../../src/rules/gate.js";
import { traceFindings } from "../../src/rules/trace/run.js";
import type { Finding } from "../../src/types.js";
import { lint } from "../helpers/lint.js";
import { type StatementFacts, tracedMigration } from "../helpers/trace.js";

const path = "migrations/002.sql";

/** Static findings of `sql` plus the trace rules' findings over `facts`, through the gate. */
function gated(sql: string, facts: StatementFacts[]): Finding[] {
  const statics = lint(sql, { path, transactional: true });
  const { trace } = tracedMigration(sql, facts, { path });
  return gateFindings([...statics, ...traceFindings(trace, causeOf)]);
}

function onLine(findings: Finding[], line: number): string[] {
  return findings.filter((f) => f.line === line && f.scope !== "migration").map((f) => f.rule);
}

describe("the findings gate", () => {
  it("folds the replay's lock into the static finding about the same lock, as evidence", () => {
    const sql = "CREATE INDEX posts_author ON posts (author_id);\nSELECT 1;\nSELECT 2;";
    const findings = gated(sql, [{ locks: [{ relation: "posts", mode: "ShareLock" }], heldFor: 3 }]);
    expect(onLine(findings, 1)).toEqual(["create-index-non-concurrently"]);
    const index = findings.find((f) => f.rule === "create-index-non-concurrently");
    expect(index?.merged).toEqual(["observed-blocking-lock"]);
    expect(index?.evidence).toEqual(["confirmed on PostgreSQL: ShareLock on `posts`, held for 3 statements"]);
    expect(index?.message).toContain("Confirmed on PostgreSQL: ShareLock on `posts`, held for 3 statements.");
    expect(index?.foldedText).toBeUndefined();
  });

  it("folds lock-held-across-statements into the finding about the same AccessExclusiveLock", () => {
    const sql = "ALTER TABLE users ADD COLUMN email text NOT NULL;\nCREATE TABLE notes (id int);";
    const findings = gated(sql, [{ locks: [{ relation: "users", mode: "AccessExclusiveLock" }], heldFor: 2 }]);
    expect(onLine(findings, 1)).toEqual(["add-required-column"]);
    const required = findings.find((f) => f.rule === "add-required-column");
    expect(required?.merged?.sort()).toEqual(["lock-held-across-statements", "observed-blocking-lock"]);
    expect(required?.message).toMatch(/held while 1 more statement runs/);
  });

  it("keeps lock-held-across-statements when it is the only finding about the lock, with the replay folded in", () => {
    const sql = "ALTER TABLE users ADD COLUMN bio text;\nCREATE TABLE notes (id int);";
    const findings = gated(sql, [{ locks: [{ relation: "users", mode: "AccessExclusiveLock" }], heldFor: 2 }]);
    expect(onLine(findings, 1)).toEqual(["lock-held-across-statements"]);
    expect(findings.find((f) => f.rule === "lock-held-across-statements")?.merged).toEqual(["observed-blocking-lock"]);
  });

  it("keeps a replayed lock no static finding names", () => {
    const sql = "ALTER TABLE users ADD COLUMN bio text;";
    const findings = gated(sql, [{ locks: [{ relation: "users", mode: "ShareRowExclusiveLock" }] }]);
    expect(onLine(findings, 1)).toEqual(["observed-blocking-lock"]);
  });

  it("turns the timeout rules into one migration-level finding with one fix", () => {
    const sql = "ALTER TABLE users ADD CONSTRAINT c CHECK (age > 0);\nCREATE INDEX i ON orders (x);";
    const findings = gated(sql, [{}, {}]);
    const timeouts = findings.filter(
      (f) => f.rule === "missing-lock-timeout" || f.rule === "missing-statement-timeout",
    );
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]).toMatchObject({
      rule: "missing-lock-timeout",
      scope: "migration",
      merged: ["missing-statement-timeout"],
    });
    expect(timeouts[0]?.fix).toContain("statement_timeout");
  });

  it("leaves findings about different hazards on one statement apart", () => {
    const sql = "ALTER TABLE users DROP COLUMN legacy, ADD COLUMN email text NOT NULL;";
    const findings = gated(sql, [{}]);
    expect(onLine(findings, 1).sort()).toEqual(["add-required-column", "drop-column"]);
  });
});
