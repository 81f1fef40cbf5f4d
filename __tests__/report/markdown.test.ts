import { describe, expect, it } from "vitest";
import {
  commentMarker,
  GITHUB_COMMENT_LIMIT,
  renderMarkdown,
  resultForFolder,
  verdictOf,
} from "../../src/report/markdown.js";
import type { AnalysisResult } from "../../src/types.js";
import { addEmailResult, manyFindingsResult } from "./markdown-fixtures.js";

const OPTIONS = {
  version: "0.1.0",
  runUrl: "https://github.com/acme/shop/actions/runs/42",
  docsBaseUrl: "https://github.com/db-migrate/db-migrate/blob/v0.1.0/docs/rules",
};

function emptyResult(): AnalysisResult {
  return { version: 1, migrations: [], findings: [], summary: { errors: 0, warnings: 0, infos: 0 }, notices: [] };
}

describe("renderMarkdown: the PR comment", () => {
  it("renders the comment-example PR: verdict, summary row, statements, plan, rollback, footer", async () => {
    const body = renderMarkdown(addEmailResult(), {
      ...OPTIONS,
      marker: commentMarker("migrations/versions"),
      title: "db-migrate · migrations/versions",
    });
    await expect(body).toMatchFileSnapshot("__snapshots__/comment-add-email.md");
    const lines = body.split("\n");
    expect(lines[0]).toBe("<!-- db-migrate:migrations/versions -->");
    expect(lines[1]).toBe(
      "### 🛑 db-migrate · migrations/versions: blocks merge (add-required-column, create-index-non-concurrently) — 2 errors, 1 warning in 1 migration",
    );
    expect(lines[3]).toBe(
      "**Blocks the merge:** [add-required-column][] (`b2_add_email.py:13`), [create-index-non-concurrently][] (`b2_add_email.py:14`).",
    );
    expect(body).toContain(
      "| 🛑 | `b2_add_email.py` (← a1) | Alembic | 3 | AccessExclusive on `users` ×2, Share on `users` ×1 | ✅ generated, verified |",
    );
    expect(body).toContain("🛑 [add-required-column][]: adding NOT NULL column");
    expect(body).toContain(
      "\n[add-required-column]: https://github.com/db-migrate/db-migrate/blob/v0.1.0/docs/rules/add-required-column.md",
    );
    expect(body).toContain("```diff\n--- a/migrations/versions/b2_add_email.py");
    expect(body).toContain("<summary>Rollback: generated, verified by round trip (schema identical)</summary>");
    expect(body).toContain("Irreversible: none.");
    expect(body).toContain("`# db-migrate:ignore <rule> <reason>`");
    expect(body).toContain("[run](https://github.com/acme/shop/actions/runs/42)");
    expect(body).not.toContain("\u001b[");
  });

  it("says safe, with no table, when a migration has no findings", async () => {
    const result: AnalysisResult = {
      ...emptyResult(),
      migrations: [
        { path: "db/migrations/0002_add_note.sql", id: "0002", tool: "sql", statements: 1, change: "added" },
      ],
    };
    const body = renderMarkdown(result, OPTIONS);
    await expect(body).toMatchFileSnapshot("__snapshots__/comment-safe.md");
    expect(body.split("\n")[0]).toBe("### ✅ db-migrate: safe — no findings in 1 migration");
    expect(body).toContain("| ✅ | `0002_add_note.sql` | SQL | 1 | none blocking | not computed |");
    expect(body).toContain("`-- db-migrate:ignore <rule> <reason>`");
  });

  it("needs care when only warnings remain, and blocks at fail-on=warning", () => {
    const result = addEmailResult();
    result.findings = result.findings.filter((f) => f.severity === "warning");
    result.summary = { errors: 0, warnings: 1, infos: 0 };
    expect(verdictOf(result)).toBe("needs-care");
    expect(verdictOf(result, "warning")).toBe("blocks");
    expect(verdictOf(result, "never")).toBe("needs-care");
    expect(renderMarkdown(result, OPTIONS).split("\n")[0]).toContain("⚠️ db-migrate: needs care — 1 warning");
  });

  it("keeps table cells intact: pipes, backticks, HTML, mentions and ANSI codes in the input", () => {
    const result = addEmailResult();
    result.plan = undefined;
    result.findings[0]!.statement = "UPDATE t SET a = b || '`x`' WHERE c <> 'd'";
    result.findings[0]!.message = "\u001b[31mred\u001b[0m <script>alert(1)</script> ping @octocat, see `a|b`";
    const body = renderMarkdown(result, OPTIONS);
    const row = body.split("\n").find((line) => line.startsWith("| 13 |"))!;
    expect(row).toContain("``UPDATE t SET a = b \\|\\| '`x`' WHERE c <> 'd'``");
    expect(row).toContain("red &lt;script>alert(1)&lt;/script> ping @\u200boctocat");
    expect(row).toContain("`a\\|b`");
    expect(body).not.toContain("\u001b");
    // Every row has the table's four cells: no unescaped pipe split one.
    expect(row.replace(/\\\|/g, "").split("|").length).toBe(6);
  });

  it("shortens a huge message in the table (the annotation keeps it whole)", () => {
    const result = addEmailResult();
    result.findings[0]!.message = `relation "users" ${"x".repeat(5000)}`;
    const row = renderMarkdown(result, OPTIONS)
      .split("\n")
      .find((line) => line.startsWith("| 13 |"))!;
    expect(row.length).toBeLessThan(1500);
    expect(row).toContain("x…");
  });

  it("renders a rollback that fails verification, with the irreversible steps and the error", () => {
    const result = addEmailResult();
    result.rollbacks = [
      {
        ...result.rollbacks![0]!,
        origin: "author",
        verification: "mismatch",
        differences: ["column users.email: missing after rollback"],
        irreversible: [
          { line: 13, reason: "dropping `email` loses its values", alternative: "rename it to `email_deprecated`" },
        ],
      },
    ];
    const body = renderMarkdown(result, OPTIONS);
    expect(body).toContain("⚠️ author's, schema differs after round trip, 1 irreversible step");
    expect(body).toContain("<summary>Rollback: the author's, ⚠️ the schema differs after migrate + rollback</summary>");
    expect(body).toContain("- column users.email: missing after rollback");
    expect(body).toContain("- line 13: dropping `email` loses its values Instead: rename it to `email_deprecated`");
  });

  it("says so in one line when there are no migration changes", () => {
    const body = renderMarkdown(emptyResult(), OPTIONS);
    expect(body.split("\n").slice(0, 3)).toEqual([
      "### ✅ db-migrate: safe — no findings",
      "",
      "No migration changes to check.",
    ]);
  });

  it("names the PostgreSQL the engine replayed on in the footer, and a fallback", () => {
    const result = emptyResult();
    result.engine = { kind: "postgres", serverVersion: "PostgreSQL 16.4", majorVersion: 16, timezone: "UTC" };
    expect(renderMarkdown(result, OPTIONS)).toMatch(/<sub>db-migrate [^·]+ · replayed on PostgreSQL 16\.4 · /);
    result.engine = {
      kind: "pglite",
      serverVersion: "PostgreSQL 18.1 (PGlite)",
      majorVersion: 18,
      timezone: "Europe/Paris",
      requested: "postgres",
    };
    expect(renderMarkdown(result, OPTIONS)).toContain(
      "replayed on PostgreSQL 18.1 (PGlite) (TimeZone Europe/Paris) instead of engine: postgres (see the notices)",
    );
  });

  it("lists notices", () => {
    const result = emptyResult();
    result.notices = [{ level: "warning", message: "analysis covers PostgreSQL; mysql is detected", path: "db" }];
    expect(renderMarkdown(result, OPTIONS)).toContain("- ⚠️ analysis covers PostgreSQL; mysql is detected (`db`)");
  });
});

describe("renderMarkdown: the length budget", () => {
  it("fits 120 findings under GitHub's comment limit and accounts for every one", () => {
    const result = manyFindingsResult(120);
    const full = renderMarkdown(result, { ...OPTIONS, maxLength: Number.POSITIVE_INFINITY });
    const body = renderMarkdown(result, OPTIONS);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    // Each finding is a link in a row, or its row is counted in a "not shown" line.
    const shown = body.match(/(🛑|⚠️|ℹ️) \[[a-z-]+\]\[\]/g) ?? [];
    const hidden = [...body.matchAll(/…(\d+) more statements? not shown here/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(shown.length + hidden).toBe(120);
    if (full.length > GITHUB_COMMENT_LIMIT) expect(body).toContain("This comment is shortened to fit GitHub's limit");
  });

  it("drops folded detail first, then the least severe rows, and says where the rest is", () => {
    const result = manyFindingsResult(400);
    const body = renderMarkdown(result, OPTIONS);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body).toContain("the [job summary](https://github.com/acme/shop/actions/runs/42) has the full report");
    const rows = body.split("\n").filter((line) => /^\| \d+ \|/.test(line));
    const errorRows = rows.filter((row) => row.includes("🛑")).length;
    const infoRows = rows.filter((row) => row.includes("ℹ️")).length;
    // Errors are kept before infos.
    expect(errorRows).toBeGreaterThan(infoRows);
    expect(body.split("\n")[0]).toBe(
      `### 🛑 db-migrate: blocks merge (create-index-non-concurrently, add-required-column) — ${result.summary.errors} errors, ${result.summary.warnings} warnings, ${result.summary.infos} info in 6 migrations`,
    );
  });

  it("folds the plan and the patch away before dropping any finding", () => {
    const result = addEmailResult();
    const full = renderMarkdown(result, OPTIONS);
    const budget = full.length - 200;
    const body = renderMarkdown(result, { ...OPTIONS, maxLength: budget });
    expect(body.length).toBeLessThanOrEqual(budget);
    expect(body).not.toContain("<summary>Plan");
    expect(body).toContain("Plan: 3 statements; the [job summary]");
    expect(body.match(/^\| 1[345] \|/gm)).toHaveLength(3);
  });

  it("never exceeds a tiny budget", () => {
    const body = renderMarkdown(manyFindingsResult(50), { ...OPTIONS, maxLength: 500 });
    expect(body.length).toBeLessThanOrEqual(500);
    expect(body).toContain("the [job summary]");
  });
});

describe("resultForFolder", () => {
  it("keeps one folder's migrations, findings, plan and rollbacks, and recounts", () => {
    const result = addEmailResult();
    const other = manyFindingsResult(5);
    const merged: AnalysisResult = {
      ...result,
      migrations: [...result.migrations, ...other.migrations],
      findings: [...result.findings, ...other.findings],
      projects: [...result.projects!, ...other.projects!],
    };
    const part = resultForFolder(merged, "db/migrations");
    expect(part.migrations.every((m) => m.path.startsWith("db/migrations/"))).toBe(true);
    expect(part.findings).toHaveLength(5);
    expect(part.summary).toEqual(other.summary);
    expect(part.plan).toEqual([]);
    expect(resultForFolder(merged, "migrations/versions").rollbacks).toHaveLength(1);
  });
});

describe("renderMarkdown: sections", () => {
  it("ends the plan at a failing statement: no later statement, no COMMIT", () => {
    const result = addEmailResult();
    const plan = result.plan![0]!;
    plan.statements[1]!.error = 'column "email" does not exist';
    const body = renderMarkdown(result, OPTIONS);
    const planText = body.slice(body.indexOf("<summary>Plan"), body.indexOf("</details>"));
    expect(planText).toContain(
      "the migration stops here and its transaction is rolled back; the 1 statement after it do not run",
    );
    expect(planText).not.toContain("RENAME COLUMN");
    expect(planText).not.toContain("`COMMIT`");
  });

  it("puts a migration-level finding above the table, not on a statement row", () => {
    const result = addEmailResult();
    result.findings.push({
      ...result.findings[0]!,
      rule: "missing-lock-timeout",
      severity: "warning",
      scope: "migration",
      message: "no lock_timeout before its locks",
      fix: "start upgrade() with `op.execute(\"SET lock_timeout = '5s'\")`",
    });
    const body = renderMarkdown(result, OPTIONS);
    expect(body).toMatch(
      /\n⚠️ \[missing-lock-timeout\]\[\]: no lock_timeout before its locks\. \*\*Fix:\*\* .*_\(whole migration\)_\n/,
    );
    expect(body.split("\n").find((l) => l.startsWith("| 13 |"))).not.toContain("missing-lock-timeout");
  });

  it("folds what concerns the base history into one line instead of sections for files the PR does not touch", () => {
    const result = addEmailResult();
    result.notices = [{ level: "info", message: "replayed 12 base migration(s) on the embedded PostgreSQL" }];
    for (const line of [3, 9])
      result.findings.push({
        rule: "migration-fails",
        severity: "info",
        path: "migrations/versions/a1_init.py",
        line,
        column: 1,
        endLine: line,
        message: "could not be replayed on the embedded PostgreSQL",
        lock: null,
        source: "trace",
      });
    const body = renderMarkdown(result, OPTIONS);
    expect(body).not.toContain("#### `migrations/versions/a1_init.py`");
    expect(body).toContain(
      "<sub>ℹ️ Base history: replayed 12 base migration(s) on the embedded PostgreSQL; 2 statements of the base history could not be replayed (`a1_init.py`); the job summary lists them.</sub>",
    );
  });

  it("gives a large PR a table by rule and sections for its top files only", () => {
    const result = manyFindingsResult(60);
    result.migrations = Array.from({ length: 30 }, (_, i) => ({
      path: `db/migrations/${String(100 + i).padStart(4, "0")}_bulk.sql`,
      id: String(100 + i),
      tool: "sql" as const,
      statements: 2,
      change: "added" as const,
    }));
    result.findings = result.findings.map((f, i) => ({ ...f, path: result.migrations[i % 30]!.path }));
    const body = renderMarkdown(result, OPTIONS);
    expect(body).toContain("30 migrations changed; findings by rule:");
    expect(body).toContain("| 🛑 | [create-index-non-concurrently][] | 12 | 6 |");
    expect(body.match(/^#### /gm)).toHaveLength(10);
    expect(body).toContain("…20 more files with findings");
  });
});
