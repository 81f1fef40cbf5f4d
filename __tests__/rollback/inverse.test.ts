import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OwnedSession, openPgliteSession } from "../../src/rollback/session.js";
import { roundTrip } from "./round-trip.js";

let session: OwnedSession;
beforeAll(async () => {
  session = await openPgliteSession();
});
afterAll(async () => {
  await session.close();
});

/** Every case: the migration applies, its generated rollback runs, and the schema is the one before. */
async function verified(setup: string, up: string) {
  const result = await roundTrip(session, setup, up);
  expect(result.check.error).toBeUndefined();
  expect(result.check.differences.map((d) => d.describe)).toEqual([]);
  expect(result.check.verification).toBe("verified");
  return result;
}

describe("inverse operations, proven by round trip on PGlite", () => {
  it("create table ↔ drop table", async () => {
    const { sql } = await verified("", "CREATE TABLE posts (id bigserial PRIMARY KEY, title text NOT NULL);");
    expect(sql).toEqual(["DROP TABLE posts"]);
  });

  it("a dropped table comes back whole: columns, constraints, indexes, comments, grants, and foreign keys pointing at it", async () => {
    const { sql } = await verified(
      `CREATE TABLE users (id serial PRIMARY KEY, email varchar(255) NOT NULL DEFAULT '' UNIQUE, age int CHECK (age > 0));
       CREATE INDEX ix_users_lower_email ON users (lower(email));
       COMMENT ON TABLE users IS 'people';
       COMMENT ON COLUMN users.email IS 'login';
       GRANT SELECT ON users TO PUBLIC;
       CREATE TABLE posts (id int PRIMARY KEY, user_id int REFERENCES users (id) ON DELETE CASCADE);`,
      "DROP TABLE users CASCADE;",
    );
    expect(sql.join("\n")).toContain("CREATE TABLE users (");
    expect(sql).toContain(
      "ALTER TABLE posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE",
    );
    expect(sql).toContain("COMMENT ON COLUMN users.email IS 'login'");
    expect(sql).toContain("GRANT SELECT ON TABLE users TO PUBLIC");
  });

  it("add column ↔ drop column; a dropped column returns with its type, default, nullability, constraints, indexes and comment", async () => {
    await verified("CREATE TABLE users (id int);", "ALTER TABLE users ADD COLUMN email text NOT NULL DEFAULT 'x';");
    const { sql } = await verified(
      `CREATE TABLE users (id int, name varchar(80) NOT NULL DEFAULT 'anon' CHECK (name <> ''));
       CREATE INDEX ix_users_name ON users (name);
       COMMENT ON COLUMN users.name IS 'display name';`,
      "ALTER TABLE users DROP COLUMN name;",
    );
    expect(sql).toEqual([
      "ALTER TABLE users ADD COLUMN name character varying(80) DEFAULT 'anon'::character varying NOT NULL",
      "ALTER TABLE users ADD CONSTRAINT users_name_check CHECK (name::text <> ''::text)",
      "CREATE INDEX ix_users_name ON public.users USING btree (name)",
      "COMMENT ON COLUMN users.name IS 'display name'",
    ]);
  });

  it("indexes: the inverse is CONCURRENTLY when the original was", async () => {
    const created = await verified("CREATE TABLE t (a int);", "CREATE INDEX CONCURRENTLY ix_t_a ON t (a);");
    expect(created.sql).toEqual(["DROP INDEX CONCURRENTLY ix_t_a"]);
    expect(created.rollback.steps[0]?.concurrently).toBe(true);
    const dropped = await verified(
      "CREATE TABLE t (a int); CREATE UNIQUE INDEX ix_t_a ON t (a) WHERE a > 0;",
      "DROP INDEX CONCURRENTLY ix_t_a;",
    );
    expect(dropped.sql).toEqual(["CREATE UNIQUE INDEX CONCURRENTLY ix_t_a ON public.t USING btree (a) WHERE (a > 0)"]);
  });

  it("constraints: primary key, unique, check, foreign key, NOT VALID then VALIDATE, drop constraint", async () => {
    await verified(
      "CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int, a_id int, n int);",
      `ALTER TABLE b ADD CONSTRAINT b_pkey PRIMARY KEY (id);
       ALTER TABLE b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id) NOT VALID;
       ALTER TABLE b VALIDATE CONSTRAINT b_a_fk;
       ALTER TABLE b ADD CONSTRAINT b_n_check CHECK (n > 0);
       ALTER TABLE b ADD CONSTRAINT b_n_key UNIQUE (n);`,
    );
    const { sql } = await verified(
      "CREATE TABLE a (id int PRIMARY KEY, code text CONSTRAINT a_code_key UNIQUE);",
      "ALTER TABLE a DROP CONSTRAINT a_code_key;",
    );
    expect(sql).toEqual(["ALTER TABLE a ADD CONSTRAINT a_code_key UNIQUE (code)"]);
  });

  it("renames go back: table, column, index, constraint", async () => {
    const { sql, rollback } = await verified(
      "CREATE TABLE users (id int CONSTRAINT users_id_key UNIQUE, name text); CREATE INDEX ix_name ON users (name);",
      `ALTER TABLE users RENAME COLUMN name TO full_name;
       ALTER TABLE users RENAME TO people;
       ALTER INDEX ix_name RENAME TO ix_full_name;
       ALTER TABLE people RENAME CONSTRAINT users_id_key TO people_id_key;`,
    );
    expect(sql).toEqual([
      "ALTER TABLE people RENAME CONSTRAINT people_id_key TO users_id_key",
      "ALTER INDEX ix_full_name RENAME TO ix_name",
      "ALTER TABLE people RENAME TO users",
      "ALTER TABLE users RENAME COLUMN full_name TO name",
    ]);
    expect(rollback.irreversible).toEqual([]);
  });

  it("SET/DROP NOT NULL and SET/DROP DEFAULT return to the previous state", async () => {
    const { sql } = await verified(
      "CREATE TABLE t (a int DEFAULT 1, b text NOT NULL, c text);",
      `ALTER TABLE t ALTER COLUMN a DROP DEFAULT;
       ALTER TABLE t ALTER COLUMN b DROP NOT NULL;
       ALTER TABLE t ALTER COLUMN c SET NOT NULL;
       ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x';`,
    );
    expect(sql).toEqual([
      "ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
      "ALTER TABLE t ALTER COLUMN c DROP NOT NULL",
      "ALTER TABLE t ALTER COLUMN b SET NOT NULL",
      "ALTER TABLE t ALTER COLUMN a SET DEFAULT 1",
    ]);
  });

  it("a type change returns to the old type, with a USING cast where the base type differs", async () => {
    const { sql } = await verified(
      "CREATE TABLE t (code varchar(10), n text DEFAULT '1');",
      `ALTER TABLE t ALTER COLUMN code TYPE text;
       ALTER TABLE t ALTER COLUMN n DROP DEFAULT;
       ALTER TABLE t ALTER COLUMN n TYPE integer USING n::integer;`,
    );
    expect(sql).toContain("ALTER TABLE t ALTER COLUMN n TYPE text USING n::text");
    expect(sql).toContain("ALTER TABLE t ALTER COLUMN code TYPE character varying(10)");
  });

  it("enum: ADD VALUE is undone with the recreate pattern, columns and defaults moved over", async () => {
    const { sql } = await verified(
      "CREATE TYPE mood AS ENUM ('sad', 'happy'); CREATE TABLE u (m mood DEFAULT 'sad', ms mood[]);",
      "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';",
    );
    expect(sql).toEqual([
      "ALTER TYPE mood RENAME TO mood__old",
      "CREATE TYPE mood AS ENUM ('sad', 'happy')",
      "ALTER TABLE u ALTER COLUMN m DROP DEFAULT",
      "ALTER TABLE u ALTER COLUMN m TYPE mood USING m::text::mood",
      "ALTER TABLE u ALTER COLUMN m SET DEFAULT 'sad'::mood",
      "ALTER TABLE u ALTER COLUMN ms TYPE mood[] USING ms::text[]::mood[]",
      "DROP TYPE mood__old",
    ]);
  });

  it("enum recreation by the author (a value removed) is undone, and the lost value is irreversible", async () => {
    const { rollback } = await verified(
      "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE u (m mood DEFAULT 'ok');",
      `ALTER TYPE mood RENAME TO mood_old;
       CREATE TYPE mood AS ENUM ('sad', 'happy');
       ALTER TABLE u ALTER COLUMN m DROP DEFAULT;
       ALTER TABLE u ALTER COLUMN m TYPE mood USING m::text::mood;
       ALTER TABLE u ALTER COLUMN m SET DEFAULT 'sad';
       DROP TYPE mood_old;`,
    );
    expect(rollback.irreversible.map((p) => p.reason)).toEqual([
      "converts `u.m` to an enum without 'ok': rows that held those values cannot be told apart afterwards",
    ]);
  });

  it("CREATE OR REPLACE view and function restore the previous definition; new ones are dropped", async () => {
    const { sql } = await verified(
      `CREATE TABLE t (a int, b int);
       CREATE VIEW v AS SELECT a FROM t;
       CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 1';`,
      `CREATE OR REPLACE VIEW v AS SELECT a, b FROM t;
       CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql AS 'SELECT x + 2';
       CREATE VIEW w AS SELECT b FROM v;
       CREATE MATERIALIZED VIEW mv AS SELECT count(*) AS n FROM t;`,
    );
    expect(sql).toContain("DROP MATERIALIZED VIEW mv");
    expect(sql).toContain("DROP VIEW w");
    expect(sql.find((s) => s.includes("FUNCTION public.f"))).toContain("SELECT x + 1");
  });

  it("views depending on a dropped column come back after it", async () => {
    await verified(
      "CREATE TABLE t (a int, b int); CREATE VIEW v AS SELECT a, b FROM t; CREATE VIEW w AS SELECT b FROM v;",
      "ALTER TABLE t DROP COLUMN b CASCADE;",
    );
  });

  it("functions, triggers, sequences, policies and row level security", async () => {
    await verified(
      "CREATE TABLE t (a int PRIMARY KEY, owner text);",
      `CREATE SEQUENCE counter START 10 INCREMENT 5;
       CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
       CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
       ALTER TABLE t ENABLE ROW LEVEL SECURITY;
       CREATE POLICY own_rows ON t USING (owner = current_user);`,
    );
    await verified(
      `CREATE TABLE t (a int PRIMARY KEY, owner text);
       CREATE SEQUENCE counter START 10 INCREMENT 5 OWNED BY t.a;
       CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
       CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
       ALTER TABLE t ENABLE ROW LEVEL SECURITY;
       CREATE POLICY own_rows ON t USING (owner = current_user);`,
      `DROP POLICY own_rows ON t;
       ALTER TABLE t DISABLE ROW LEVEL SECURITY;
       DROP TRIGGER t_touch ON t;
       DROP FUNCTION touch();
       ALTER SEQUENCE counter INCREMENT 1;
       ALTER TABLE t DISABLE TRIGGER ALL;`,
    );
  });

  it("extensions, schemas, comments and grants", async () => {
    await verified(
      "CREATE TABLE t (a int); COMMENT ON TABLE t IS 'before'; CREATE ROLE reader;",
      `CREATE EXTENSION IF NOT EXISTS pg_trgm;
       CREATE SCHEMA audit;
       CREATE TABLE audit.log (id int GENERATED ALWAYS AS IDENTITY, doubled int GENERATED ALWAYS AS (id * 2) STORED);
       COMMENT ON TABLE t IS 'after';
       COMMENT ON COLUMN t.a IS 'the a';
       GRANT SELECT, INSERT ON t TO reader;
       GRANT UPDATE (a) ON t TO reader;`,
    ).finally(() => session.exec("DROP ROLE IF EXISTS reader"));
  });

  it("a trigger on a migration tool's bookkeeping table (outside the snapshot) is dropped before its function", async () => {
    const { sql } = await verified(
      "CREATE TABLE __diesel_schema_migrations (version varchar(50) PRIMARY KEY);",
      `CREATE FUNCTION forbid() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
       CREATE TRIGGER forbid BEFORE INSERT ON __diesel_schema_migrations FOR EACH ROW EXECUTE FUNCTION forbid();`,
    );
    expect(sql).toEqual(["DROP TRIGGER forbid ON __diesel_schema_migrations", "DROP FUNCTION forbid()"]);
  });

  it("partitioned tables come back with their partitions", async () => {
    await verified(
      `CREATE TABLE events (id int, at date NOT NULL) PARTITION BY RANGE (at);
       CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
       CREATE INDEX ix_events_at ON events (at);`,
      "DROP TABLE events;",
    );
  });
});
