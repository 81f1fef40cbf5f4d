/**
 * Verification with data: each loosening a migration can make is seeded with
 * a row it allows, and the rollback is shown failing on it. Such a rollback
 * is `verified-schema-needs-data-check` with the query to run first, never
 * plain `verified`; the query finds the seeded row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rollbackChanges } from "../../src/rollback/index.js";
import { type OwnedSession, openPgliteSession } from "../../src/rollback/session.js";
import { loadParser, parseSql } from "../../src/sql/parse.js";
import type { Migration, RollbackResult } from "../../src/types.js";

let session: OwnedSession;
beforeAll(async () => {
  await loadParser();
  session = await openPgliteSession();
});
afterAll(async () => {
  await session.close();
});

function migration(id: string, up: string, down?: string): Migration {
  const path = `db/migrations/${id}.up.sql`;
  return {
    id,
    name: id,
    path,
    tool: "sql",
    convention: "golang-migrate",
    parents: [],
    order: id,
    transactional: true,
    statements: parseSql(up, path).statements,
    down:
      down === undefined
        ? null
        : {
            path: `db/migrations/${id}.down.sql`,
            statements: parseSql(down, `db/migrations/${id}.down.sql`).statements,
            empty: false,
          },
    problems: [],
  };
}

async function rollbacksOf(setup: string, up: string, down?: string): Promise<RollbackResult[]> {
  await session.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  const base = migration("000001_base", setup);
  const target = migration("000002_change", up, down);
  const output = await rollbackChanges(
    { history: [base, target], targets: [target], pgVersion: 16, verify: true },
    { session },
  );
  return output.rollbacks;
}

/** Seeds `row` after the migration, checks that `query` counts it, and that `rollback` then fails. */
async function proveFails(setup: string, up: string, seed: string, query: string, rollback: string[]): Promise<string> {
  await session.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await session.exec(setup);
  await session.exec(up);
  await session.exec("BEGIN");
  try {
    await session.exec(seed);
    const [row] = await session.query(query);
    expect(Number(row?.count)).toBeGreaterThan(0);
    let error = "";
    try {
      for (const sql of rollback) await session.exec(sql);
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).not.toBe("");
    return error;
  } finally {
    await session.exec("ROLLBACK");
  }
}

const CASES: Array<{ name: string; setup: string; up: string; seed: string; query: RegExp }> = [
  {
    name: "DROP NOT NULL: a NULL",
    setup: "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);",
    up: "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;",
    seed: "INSERT INTO users (id, email) VALUES (1, NULL)",
    query: /^SELECT count\(\*\) FROM users WHERE email IS NULL$/,
  },
  {
    name: "varchar widened: the longest value",
    setup: "CREATE TABLE users (id int PRIMARY KEY, name varchar(20) NOT NULL);",
    up: "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);",
    seed: "INSERT INTO users VALUES (1, repeat('x', 21))",
    query: /WHERE length\(name\) > 20$/,
  },
  {
    name: "int widened to bigint: a value past integer",
    setup: "CREATE TABLE counters (id int PRIMARY KEY, hits int);",
    up: "ALTER TABLE counters ALTER COLUMN hits TYPE bigint;",
    seed: "INSERT INTO counters VALUES (1, 3000000000)",
    query: /WHERE hits NOT BETWEEN -2147483648 AND 2147483647$/,
  },
  {
    name: "unique constraint dropped: duplicates",
    setup: "CREATE TABLE users (id int PRIMARY KEY, email text, CONSTRAINT users_email_key UNIQUE (email));",
    up: "ALTER TABLE users DROP CONSTRAINT users_email_key;",
    seed: "INSERT INTO users VALUES (1, 'a'), (2, 'a')",
    query: /GROUP BY email HAVING count\(\*\) > 1\) AS duplicates$/,
  },
  {
    name: "unique index dropped: duplicates",
    setup: "CREATE TABLE users (id int PRIMARY KEY, email text); CREATE UNIQUE INDEX users_email_idx ON users (email);",
    up: "DROP INDEX users_email_idx;",
    seed: "INSERT INTO users VALUES (1, 'a'), (2, 'a')",
    query: /HAVING count\(\*\) > 1\) AS duplicates$/,
  },
  {
    name: "CHECK dropped: a value outside it",
    setup: "CREATE TABLE items (id int PRIMARY KEY, price int CONSTRAINT items_price_check CHECK (price > 0));",
    up: "ALTER TABLE items DROP CONSTRAINT items_price_check;",
    seed: "INSERT INTO items VALUES (1, -5)",
    query: /WHERE NOT \(price > 0\)$/,
  },
  {
    name: "foreign key dropped: an orphan",
    setup:
      "CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE posts (id int PRIMARY KEY, user_id int NOT NULL CONSTRAINT posts_user_id_fkey REFERENCES users (id));",
    up: "ALTER TABLE posts DROP CONSTRAINT posts_user_id_fkey;",
    seed: "INSERT INTO posts VALUES (1, 42)",
    query: /NOT EXISTS \(SELECT 1 FROM users p WHERE p\.id = t\.user_id\)$/,
  },
  {
    name: "int became text: text that is not a number",
    setup: "CREATE TABLE codes (id int PRIMARY KEY, code int);",
    up: "ALTER TABLE codes ALTER COLUMN code TYPE text;",
    seed: "INSERT INTO codes VALUES (1, 'A-17')",
    query: /WHERE code !~\* /,
  },
];

describe("generated rollbacks that need the data to fit", () => {
  for (const c of CASES)
    it(`${c.name}: verified-schema, needs data check, and the seeded row makes the rollback fail`, async () => {
      const [generated] = await rollbacksOf(c.setup, c.up);
      expect(generated?.verification).toBe("verified-schema-needs-data-check");
      const [check] = generated?.dataChecks ?? [];
      expect(check?.query).toMatch(c.query);
      // The tool's own proof: its seeded row made the rollback fail.
      expect(check?.error).toBeTruthy();
      // And independently: the row the migration allows, counted by the query, breaks the rollback.
      await proveFails(c.setup, c.up, c.seed, check?.query as string, generated?.statements as string[]);
    });

  it("is in the JSON rollbacks entry with its query", async () => {
    const [generated] = await rollbacksOf(CASES[0]?.setup as string, CASES[0]?.up as string);
    const { rollbacksJson } = await import("../../src/commands/rollback.js");
    const [json] = rollbacksJson([generated as RollbackResult]);
    expect(json).toMatchObject({ verification: "verified-schema-needs-data-check" });
    expect(json?.dataChecks).toEqual([
      expect.objectContaining({ query: "SELECT count(*) FROM users WHERE email IS NULL" }),
    ]);
  });

  it("a loosening whose rollback copes with the data stays verified", async () => {
    // Widening then narrowing with a USING that truncates: rows fit, by the author's choice.
    const [, author] = await rollbacksOf(
      "CREATE TABLE users (id int PRIMARY KEY, name varchar(20));",
      "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);",
      "ALTER TABLE users ALTER COLUMN name TYPE varchar(20) USING left(name, 20);",
    );
    expect(author?.origin).toBe("author");
    expect(author?.verification).toBe("verified");
  });

  it("a migration that loosens nothing stays plainly verified", async () => {
    const [generated] = await rollbacksOf(
      "CREATE TABLE users (id int PRIMARY KEY);",
      "ALTER TABLE users ADD COLUMN bio text;",
    );
    expect(generated?.verification).toBe("verified");
    expect(generated?.dataChecks).toBeUndefined();
  });

  it("the author's down that sets NOT NULL again needs the same data check", async () => {
    const [, author] = await rollbacksOf(
      "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);",
      "ALTER TABLE users ALTER COLUMN email DROP NOT NULL;",
      "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    );
    expect(author?.verification).toBe("verified-schema-needs-data-check");
    expect(author?.dataChecks?.[0]?.error).toContain("null");
  });
});

describe("sound verdicts", () => {
  it("a migration with an unanalysed operation is not-verifiable, naming it, never verified", async () => {
    await session.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    const target = migration("000002_change", "", "");
    target.problems.push({
      rule: "unanalyzed-operation",
      severity: "info",
      path: target.path,
      span: { line: 12, column: 5, endLine: 12, endColumn: 40 },
      message: "a for loop over op.* calls",
    });
    const down = target.down as NonNullable<Migration["down"]>;
    down.problems = [
      {
        rule: "unanalyzed-operation",
        severity: "info",
        path: target.path,
        span: { line: 30, column: 5, endLine: 30, endColumn: 40 },
        message: "session.query(...)",
      },
    ];
    const output = await rollbackChanges(
      { history: [target], targets: [target], pgVersion: 16, verify: true },
      { session },
    );
    const generated = output.rollbacks.find((r) => r.origin === "generated");
    const author = output.rollbacks.find((r) => r.origin === "author");
    expect(generated).toMatchObject({ verification: "not-verifiable", statements: [] });
    expect(generated?.unanalyzed).toEqual([{ path: target.path, line: 12, message: "a for loop over op.* calls" }]);
    expect(author?.verification).toBe("not-verifiable");
    expect(author?.unanalyzed?.map((u) => u.line)).toEqual([12, 30]);
  });
});
