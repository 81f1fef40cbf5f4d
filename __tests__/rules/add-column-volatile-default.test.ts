import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "add-column-volatile-default";

describe(RULE, () => {
  it.each([
    ["random()", "double precision DEFAULT random()"],
    ["gen_random_uuid()", "uuid DEFAULT gen_random_uuid()"],
    ["clock_timestamp()", "timestamptz DEFAULT clock_timestamp()"],
    ["nextval()", "bigint DEFAULT nextval('orders_seq')"],
    ["uuid_generate_v4()", "uuid NOT NULL DEFAULT uuid_generate_v4()"],
    ["uuid_generate_v4()", "uuid DEFAULT extensions.uuid_generate_v4()"],
    ["random()", "int DEFAULT (random() * 100)::int"],
  ])("fires on a volatile default calling %s", (call, column) => {
    const findings = lintRule(RULE, `ALTER TABLE orders ADD COLUMN c ${column};`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`orders.c`");
    expect(findings[0]?.message).toContain(call);
    expect(findings[0]?.message).toContain("rewrites the whole table");
    expect(findings[0]?.fix).toMatch(/without a default.*backfill/);
  });

  it("reports one finding per ALTER TABLE (one rewrite), naming the columns and calls", () => {
    const findings = lintRule(
      RULE,
      "ALTER TABLE orders ADD COLUMN a uuid DEFAULT gen_random_uuid(), ADD COLUMN b float DEFAULT random(), ADD COLUMN c int DEFAULT 1;",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("columns `orders.a`, `orders.b`");
    expect(findings[0]?.message).toContain("gen_random_uuid(), random()");
  });

  it("treats an unknown (user) function as volatile, as CREATE FUNCTION defaults to VOLATILE", () => {
    const findings = lintRule(RULE, "ALTER TABLE orders ADD COLUMN code text DEFAULT make_order_code();");
    expect(findings[0]?.message).toContain("make_order_code()");
  });

  it("uses the declared volatility of a function created earlier in the migration", () => {
    const create = (volatility: string) =>
      `CREATE FUNCTION order_code() RETURNS text LANGUAGE plpgsql ${volatility} AS $$ BEGIN RETURN 'x'; END $$;\nALTER TABLE orders ADD COLUMN code text DEFAULT order_code();`;
    expect(lintRule(RULE, create("IMMUTABLE"))).toEqual([]);
    expect(lintRule(RULE, create("STABLE"))).toEqual([]);
    expect(lintRule(RULE, create(""))).toHaveLength(1);
  });

  it("judges an inlinable SQL function created earlier by its body, as PostgreSQL inlines it", () => {
    const create = (body: string) =>
      `CREATE FUNCTION order_code() RETURNS text LANGUAGE sql AS $$ ${body} $$;\nALTER TABLE orders ADD COLUMN code text DEFAULT order_code();`;
    expect(lintRule(RULE, create("SELECT 'x'"))).toEqual([]);
    expect(lintRule(RULE, create("SELECT md5(random()::text)"))).toHaveLength(1);
    expect(lintRule(RULE, create("SELECT code FROM codes LIMIT 1"))).toHaveLength(1);
  });

  it.each([
    "timestamptz DEFAULT now()",
    "timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP",
    "boolean NOT NULL DEFAULT false",
    "text DEFAULT 'pending'::text",
    "jsonb DEFAULT '{}'::jsonb",
    "text DEFAULT lower('X')",
    "text DEFAULT (now())::text",
    "int DEFAULT NULL",
    "text DEFAULT current_user",
  ])("does not fire on a non-volatile default on PostgreSQL 11+: %s", (column) => {
    expect(lintRule(RULE, `ALTER TABLE orders ADD COLUMN c ${column};`)).toEqual([]);
  });

  it("before PostgreSQL 11 any non-NULL default rewrites", () => {
    const findings = lintRule(RULE, "ALTER TABLE orders ADD COLUMN active boolean NOT NULL DEFAULT true;", {
      pgVersion: 10,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("before PostgreSQL 11");
    expect(lintRule(RULE, "ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;", { pgVersion: 10 })).toEqual([]);
  });

  it("does not fire on a table created earlier in the migration", () => {
    const sql = "CREATE TABLE orders (id int);\nALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("leaves serial, identity and generated columns to add-generated-column", () => {
    expect(lintRule(RULE, "ALTER TABLE orders ADD COLUMN n bigserial;")).toEqual([]);
    expect(lintRule(RULE, "ALTER TABLE orders ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;")).toEqual([]);
  });
});
