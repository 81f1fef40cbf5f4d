/** The `/db-migrate rollback` reply: each verdict with what the reviewer needs to act on it, and the patch. */
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderRollbackReply } from "../../src/report/markdown.js";
import type { AnalysisResult, RollbackResult } from "../../src/types.js";
import { addEmailResult } from "./markdown-fixtures.js";

const OPTIONS = { version: "0.1.0", docsBaseUrl: "https://example.test/docs/rules" };

function withRollback(change: Partial<RollbackResult>): AnalysisResult {
  const result = addEmailResult();
  const rollback = result.rollbacks![0]!;
  return { ...result, rollbacks: [{ ...rollback, ...change }] };
}

describe("renderRollbackReply", () => {
  it("verified: the verdict and the patch, far shorter than the report", () => {
    const result = addEmailResult();
    const reply = renderRollbackReply(result, OPTIONS);
    expect(reply).toContain("**Rollback: generated, verified by round trip (schema identical)**");
    expect(reply).toContain("```diff\n--- a/migrations/versions/b2_add_email.py");
    expect(reply).toContain("Findings: 2 errors, 1 warning, listed in the db-migrate comment");
    expect(reply).not.toContain("| line | statement |");
    expect(reply.length).toBeLessThan(renderMarkdown(result, OPTIONS).length / 2);
  });

  it("needs a data check: the query to run first", () => {
    const reply = renderRollbackReply(
      withRollback({
        verification: "verified-schema-needs-data-check",
        dataChecks: [
          {
            reason: "users.email: NOT NULL was dropped; the rollback sets it again",
            query: "SELECT count(*) FROM users WHERE email IS NULL",
            error: null,
          },
        ],
      }),
      OPTIONS,
    );
    expect(reply).toContain("verified-schema, needs data check");
    expect(reply).toContain("`SELECT count(*) FROM users WHERE email IS NULL`");
  });

  it("not verifiable: what was not analysed", () => {
    const reply = renderRollbackReply(
      withRollback({
        verification: "not-verifiable",
        unanalyzed: [{ path: "migrations/versions/b2_add_email.py", line: 20, message: "op.execute with a variable" }],
      }),
      OPTIONS,
    );
    expect(reply).toContain("not verifiable: part of the migration was not analysed");
    expect(reply).toContain("`migrations/versions/b2_add_email.py:20` op.execute with a variable");
  });

  it("mismatch: the schema differences", () => {
    const reply = renderRollbackReply(
      withRollback({ verification: "mismatch", differences: ["index users_email_idx is still there"] }),
      OPTIONS,
    );
    expect(reply).toContain("the schema differs after migrate + rollback");
    expect(reply).toContain("- index users_email_idx is still there");
  });

  it("over the limit: the patches go, with the command that prints them", () => {
    const reply = renderRollbackReply(addEmailResult(), { ...OPTIONS, maxLength: 600 });
    expect(reply).not.toContain("```diff");
    expect(reply).toContain("--format patch");
  });
});
