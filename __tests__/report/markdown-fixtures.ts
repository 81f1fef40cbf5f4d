/** AnalysisResults shaped like what the pipeline, plan and rollback produce, for the renderer's tests. */
import type { AnalysisResult, Finding, Severity } from "../../src/types.js";

/** The PR of comment-example.md: one Alembic revision on a live `users` table. */
export function addEmailResult(): AnalysisResult {
  const path = "migrations/versions/b2_add_email.py";
  const findings: Finding[] = [
    {
      rule: "add-required-column",
      severity: "error",
      path,
      line: 13,
      column: 5,
      endLine: 13,
      message:
        "adding NOT NULL column `email` with no default fails on a table with rows; old app versions cannot insert",
      fix: "add it nullable with a default, backfill in batches, then `SET NOT NULL` via a validated check",
      lock: "AccessExclusiveLock",
      source: "static",
      migration: "b2",
      statement: "ALTER TABLE users ADD COLUMN email varchar(255) NOT NULL",
    },
    {
      rule: "create-index-non-concurrently",
      severity: "error",
      path,
      line: 14,
      column: 5,
      endLine: 14,
      message: "building `ix_users_email` blocks writes to `users` for the whole build",
      fix: "`op.create_index(..., postgresql_concurrently=True)` inside `with op.get_context().autocommit_block():`",
      lock: "ShareLock",
      source: "static",
      migration: "b2",
      statement: "CREATE INDEX ix_users_email ON users (email)",
    },
    {
      rule: "rename-column",
      severity: "warning",
      path,
      line: 15,
      column: 5,
      endLine: 15,
      message: "running app instances still read `name`",
      fix: "expand/contract: add `full_name`, dual-write, backfill, switch reads, drop `name` later",
      lock: "AccessExclusiveLock",
      source: "static",
      migration: "b2",
      statement: "ALTER TABLE users RENAME COLUMN name TO full_name",
    },
  ];
  return {
    version: 1,
    migrations: [
      {
        path,
        id: "b2",
        tool: "alembic",
        convention: "alembic",
        statements: 3,
        name: "add email",
        parents: ["a1"],
        change: "added",
      },
    ],
    findings,
    summary: { errors: 2, warnings: 1, infos: 0 },
    notices: [],
    projects: [{ tool: "alembic", convention: "alembic", folder: "migrations/versions", dialect: "postgresql" }],
    plan: [
      {
        migration: "b2",
        path,
        source: "trace",
        totals: { accessExclusiveStatements: 3, tablesRewritten: [] },
        statements: [
          {
            line: 13,
            sql: "ALTER TABLE users ADD COLUMN email varchar(255) NOT NULL",
            lock: "AccessExclusiveLock",
            tables: ["users"],
            blocks: ["reads", "writes", "ddl"],
            rewrite: false,
            scan: false,
            newTable: false,
            transaction: "migration",
            rollback: "data-loss",
            findings: ["add-required-column"],
            heldFor: 3,
          },
          {
            line: 14,
            sql: "CREATE INDEX ix_users_email ON users (email)",
            lock: "ShareLock",
            tables: ["users"],
            blocks: ["writes", "ddl"],
            rewrite: false,
            scan: true,
            newTable: false,
            transaction: "migration",
            rollback: "reversible",
            findings: ["create-index-non-concurrently"],
          },
          {
            line: 15,
            sql: "ALTER TABLE users RENAME COLUMN name TO full_name",
            lock: "AccessExclusiveLock",
            tables: ["users"],
            blocks: ["reads", "writes", "ddl"],
            rewrite: false,
            scan: false,
            newTable: false,
            transaction: "migration",
            rollback: "reversible",
            findings: ["rename-column"],
          },
        ],
      },
    ],
    rollbacks: [
      {
        migration: "b2",
        path,
        origin: "generated",
        verification: "verified",
        irreversible: [],
        statements: [
          "ALTER TABLE users RENAME COLUMN full_name TO name",
          "DROP INDEX ix_users_email",
          "ALTER TABLE users DROP COLUMN email",
        ],
        diff: [
          `--- a/${path}`,
          `+++ b/${path}`,
          "@@ -18,2 +18,4 @@",
          " def downgrade():",
          "-    pass",
          '+    op.alter_column("users", "full_name", new_column_name="name")',
          '+    op.drop_index("ix_users_email", table_name="users")',
          '+    op.drop_column("users", "email")',
          "",
        ].join("\n"),
      },
    ],
  };
}

const RULES: Array<[string, Severity]> = [
  ["create-index-non-concurrently", "error"],
  ["add-required-column", "error"],
  ["rename-column", "warning"],
  ["missing-lock-timeout", "warning"],
  ["prefer-text", "info"],
];

/**
 * `count` findings over several SQL files, with long statements and messages,
 * as a PR full of generated migrations produces.
 */
export function manyFindingsResult(count: number): AnalysisResult {
  const findings: Finding[] = [];
  const files = 6;
  for (let index = 0; index < count; index++) {
    const [rule, severity] = RULES[index % RULES.length]!;
    const file = `db/migrations/${String(100 + (index % files)).padStart(4, "0")}_bulk.sql`;
    const line = 1 + Math.floor(index / files) * 3;
    findings.push({
      rule,
      severity,
      path: file,
      line,
      column: 1,
      endLine: line + 1,
      message: `statement ${index} on \`orders_${index}\` takes a lock that blocks traffic while it ${"scans and validates every row ".repeat(3)}`,
      fix: `split it: ${"create the index concurrently, then attach it in a separate migration; ".repeat(2)}`,
      lock: severity === "info" ? null : "AccessExclusiveLock",
      source: "static",
      statement: `ALTER TABLE orders_${index} ADD COLUMN note_${index} varchar(255) NOT NULL DEFAULT 'x' | pipe, ${"padding ".repeat(20)}`,
    });
  }
  const migrations = Array.from({ length: files }, (_, i) => ({
    path: `db/migrations/${String(100 + i).padStart(4, "0")}_bulk.sql`,
    id: String(100 + i),
    tool: "sql" as const,
    statements: Math.ceil(count / files),
    change: "added" as const,
  }));
  return {
    version: 1,
    migrations,
    findings,
    summary: {
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
    },
    notices: [],
    projects: [{ tool: "sql", convention: "plain", folder: "db/migrations", dialect: "postgresql" }],
  };
}
