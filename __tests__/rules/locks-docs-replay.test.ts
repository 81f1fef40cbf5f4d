/**
 * The lock each lock rule reports is the one PostgreSQL really takes: every
 * docs page's "Bad" example is replayed on the embedded PostgreSQL (PGlite)
 * after its "Setup" block, inside a transaction, and pg_locks must show the
 * reported lock mode on one of the example's relations.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULES = [
  "create-index-non-concurrently",
  "drop-index-non-concurrently",
  "reindex-non-concurrently",
  "add-foreign-key-validating",
  "add-check-validating",
  "add-unique-constraint",
  "add-primary-key",
  "add-exclusion-constraint",
  "set-not-null",
  "add-column-volatile-default",
  "add-required-column",
  "add-generated-column",
];

function example(id: string, block: "Setup" | "Bad"): string {
  const page = readFileSync(path.resolve(import.meta.dirname, "../../docs/rules", `${id}.md`), "utf8");
  const match = page.match(new RegExp(`^${block}:\\s*\\n\\s*\`\`\`sql\\n([\\s\\S]*?)\`\`\``, "m"));
  if (!match?.[1]) throw new Error(`docs/rules/${id}.md has no ${block} block`);
  return match[1];
}

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create({ extensions: { btree_gist } });
});

afterAll(async () => {
  await db?.close();
});

describe("lock rule docs, replayed on PGlite", () => {
  it.each(RULES)("%s: the Bad example takes the reported lock", async (id) => {
    const schema = id.replaceAll("-", "_");
    await db.exec(`CREATE SCHEMA ${schema}; SET search_path = ${schema}, public;`);
    await db.exec(example(id, "Setup"));
    const finding = lintRule(id, example(id, "Bad"))[0];
    expect(finding?.lock).toBeTruthy();
    await db.exec("BEGIN");
    try {
      await db.exec(example(id, "Bad"));
      const { rows } = await db.query<{ relname: string; mode: string }>(
        `SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE l.pid = pg_backend_pid() AND c.relnamespace = $1::regnamespace`,
        [schema],
      );
      expect(rows.map((r) => r.mode)).toContain(finding?.lock);
    } finally {
      await db.exec("ROLLBACK");
      await db.exec("SET search_path = public");
    }
  });

  it("add-foreign-key-validating locks both tables with ShareRowExclusiveLock", async () => {
    await db.exec("CREATE SCHEMA fk_both; SET search_path = fk_both, public;");
    await db.exec(example("add-foreign-key-validating", "Setup"));
    await db.exec("BEGIN");
    try {
      await db.exec(example("add-foreign-key-validating", "Bad"));
      const { rows } = await db.query<{ relname: string }>(
        `SELECT c.relname FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE l.pid = pg_backend_pid() AND l.mode = 'ShareRowExclusiveLock' AND c.relnamespace = 'fk_both'::regnamespace`,
      );
      expect(rows.map((r) => r.relname).sort()).toEqual(["orders", "users"]);
    } finally {
      await db.exec("ROLLBACK");
      await db.exec("SET search_path = public");
    }
  });
});
