/**
 * add-column-volatile-default and add-generated-column agree with PostgreSQL:
 * each ADD COLUMN is run on the embedded PostgreSQL (PGlite 18) against a
 * table with rows, and the rules must fire exactly when the table's
 * relfilenode changes (the table was rewritten).
 */
import { PGlite } from "@electric-sql/pglite";
import { uuid_ossp } from "@electric-sql/pglite/contrib/uuid_ossp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lint } from "../helpers/lint.js";

const FUNCTIONS = [
  "CREATE FUNCTION pure_code() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'x' $$;",
  "CREATE FUNCTION session_code() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_user::text $$;",
  "CREATE FUNCTION any_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;",
  "CREATE FUNCTION declared_volatile_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'x' $$;",
  "CREATE FUNCTION random_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;",
  "CREATE FUNCTION returned_code() RETURNS text LANGUAGE sql RETURN 'x' || random()::text;",
  "CREATE FUNCTION definer_code() RETURNS text LANGUAGE sql SECURITY DEFINER AS $$ SELECT 'x' $$;",
  "CREATE FUNCTION plpgsql_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'x'; END $$;",
].join("\n");

const COLUMNS = [
  "double precision DEFAULT random()",
  "uuid DEFAULT gen_random_uuid()",
  "uuid DEFAULT uuid_generate_v4()",
  "timestamptz DEFAULT clock_timestamp()",
  "bigint DEFAULT nextval('counter')",
  "int DEFAULT (random() * 10)::int",
  "timestamptz NOT NULL DEFAULT now()",
  "timestamptz DEFAULT CURRENT_TIMESTAMP",
  "text DEFAULT (now())::text",
  "boolean NOT NULL DEFAULT false",
  "jsonb DEFAULT '{}'::jsonb",
  "text DEFAULT lower('X')",
  "text DEFAULT current_user",
  "int DEFAULT NULL",
  "text DEFAULT pure_code()",
  "text DEFAULT session_code()",
  "text DEFAULT any_code()",
  "text DEFAULT declared_volatile_code()",
  "text DEFAULT random_code()",
  "text DEFAULT returned_code()",
  "text DEFAULT definer_code()",
  "text DEFAULT plpgsql_code()",
  "serial",
  "bigint GENERATED ALWAYS AS IDENTITY",
  "int GENERATED ALWAYS AS (id * 2) STORED",
  "int GENERATED ALWAYS AS (id * 2) VIRTUAL",
  "int",
];

let db: PGlite;

beforeAll(async () => {
  db = await PGlite.create({ extensions: { uuid_ossp } });
  await db.exec(`CREATE EXTENSION "uuid-ossp"; CREATE SEQUENCE counter; ${FUNCTIONS}`);
});

afterAll(async () => {
  await db?.close();
});

async function filenode(): Promise<number> {
  const { rows } = await db.query<{ node: number }>("SELECT pg_relation_filenode('t') AS node");
  return rows[0]?.node ?? 0;
}

describe("ADD COLUMN rewrites, as PostgreSQL 18 does them", () => {
  it.each(COLUMNS)("ADD COLUMN c %s", async (column) => {
    await db.exec("DROP TABLE IF EXISTS t; CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 100);");
    const statement = `ALTER TABLE t ADD COLUMN c ${column};`;
    const before = await filenode();
    await db.exec(statement);
    const rewritten = (await filenode()) !== before;
    const findings = lint(`${FUNCTIONS}\n${statement}`, { pgVersion: 18 }).filter(
      (f) => f.rule === "add-column-volatile-default" || f.rule === "add-generated-column",
    );
    expect(findings.length > 0).toBe(rewritten);
  });
});
