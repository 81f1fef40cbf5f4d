import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogTracker } from "../../src/engine/catalog/incremental.js";
import { snapshotSchema } from "../../src/engine/catalog/snapshot.js";
import { type Engine, openEngine } from "../../src/engine/index.js";

let engine: Engine;

beforeAll(async () => {
  engine = await openEngine({});
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

/**
 * Statements whose effects reach beyond the relation they name: renames that
 * other definitions show, dependent views, foreign keys, sequences, enums,
 * comments, policies, partitions. After each, the incremental read must equal a full one.
 */
const STATEMENTS = [
  "CREATE TYPE mood AS ENUM ('ok', 'sad')",
  "CREATE TABLE account (id serial PRIMARY KEY, email text NOT NULL, mood mood DEFAULT 'ok')",
  "CREATE TABLE post (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id int REFERENCES account (id), title text)",
  "CREATE INDEX post_title_idx ON post (title)",
  "ALTER TABLE post ADD COLUMN body text",
  "CREATE VIEW post_titles AS SELECT p.id, p.title, a.email FROM post p JOIN account a ON a.id = p.account_id",
  "ALTER TABLE account RENAME COLUMN email TO mail",
  "ALTER TABLE account RENAME TO member",
  "ALTER INDEX post_title_idx RENAME TO post_title_index",
  "ALTER TYPE mood ADD VALUE 'glad'",
  "ALTER TYPE mood RENAME TO feeling",
  "COMMENT ON COLUMN post.title IS 'shown in lists'",
  "ALTER TABLE post ADD CONSTRAINT title_not_empty CHECK (title <> '')",
  "ALTER TABLE post RENAME CONSTRAINT title_not_empty TO title_present",
  "ALTER TABLE post ALTER COLUMN body SET DEFAULT ''",
  "ALTER TABLE post ADD COLUMN n serial",
  "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
  "CREATE TRIGGER post_touch BEFORE UPDATE ON post FOR EACH ROW EXECUTE FUNCTION touch()",
  "ALTER TABLE post ENABLE ROW LEVEL SECURITY",
  "CREATE POLICY own ON post USING (account_id = 1)",
  "CREATE TABLE event (at date NOT NULL, kind text) PARTITION BY RANGE (at)",
  "CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
  "CREATE INDEX event_at_idx ON event (at)",
  "ALTER TABLE event RENAME TO happening",
  "ALTER TABLE post DROP COLUMN body",
  "CREATE SCHEMA app",
  "ALTER TABLE happening SET SCHEMA app",
  "DROP VIEW post_titles",
  "ALTER TABLE post ALTER COLUMN title TYPE varchar(200)",
  "ALTER TABLE post DROP CONSTRAINT post_account_id_fkey",
  "DROP TABLE member",
  "CREATE MATERIALIZED VIEW post_count AS SELECT count(*) AS n FROM post",
  "GRANT SELECT ON post TO PUBLIC",
];

describe("incremental schema reads", () => {
  it("equal a full read after every statement, and re-read only what changed", async () => {
    const session = engine.verifier();
    const tracker = new CatalogTracker((sql) => session.query(sql));
    await tracker.full();
    for (const sql of STATEMENTS) {
      await session.exec(sql);
      const incremental = await tracker.read();
      expect(incremental, sql).toEqual(await snapshotSchema((q) => session.query(q)));
    }
    expect(tracker.reads.partial).toBeGreaterThan(5);
    expect(tracker.reads.full).toBeGreaterThan(5);
  }, 300_000);

  it("reads in full after a rename that other definitions show", async () => {
    const session = engine.verifier();
    await session.exec("CREATE TABLE owner_t (id int PRIMARY KEY)");
    await session.exec("CREATE TABLE pet (owner_id int REFERENCES owner_t (id))");
    const tracker = new CatalogTracker((sql) => session.query(sql));
    await tracker.full();
    await session.exec("ALTER TABLE owner_t RENAME TO keeper");
    const after = await tracker.read();
    const pet = after.tables.find((t) => t.name === "pet");
    expect(pet?.constraints.find((c) => c.kind === "foreign key")?.definition).toContain("keeper");
    expect(tracker.reads).toEqual({ full: 2, partial: 0 });
  }, 120_000);
});
