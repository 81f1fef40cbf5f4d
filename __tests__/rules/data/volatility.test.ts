import { describe, expect, it } from "vitest";
import {
  catalogVolatility,
  createdFunctionVolatility,
  expressionVolatility,
} from "../../../src/rules/data/volatility.js";
import { loadParser, parseSql } from "../../../src/sql/parse.js";

await loadParser();

/** The DEFAULT expression of `SELECT <expr>`. */
function expr(sql: string) {
  const ast = parseSql(`SELECT ${sql};`, "x.sql").statements[0]?.ast as {
    SelectStmt: { targetList: { ResTarget: { val: never } }[] };
  };
  return ast.SelectStmt.targetList[0]?.ResTarget.val;
}

describe("function volatility from pg_proc", () => {
  it("knows PostgreSQL's own classification, including common extensions", () => {
    expect(catalogVolatility("random")).toBe("volatile");
    expect(catalogVolatility("gen_random_uuid")).toBe("volatile");
    expect(catalogVolatility("clock_timestamp")).toBe("volatile");
    expect(catalogVolatility("nextval")).toBe("volatile");
    expect(catalogVolatility("uuid_generate_v4")).toBe("volatile");
    expect(catalogVolatility("now")).toBe("stable");
    expect(catalogVolatility("lower")).toBe("immutable");
    expect(catalogVolatility("NOW")).toBe("stable");
    expect(catalogVolatility("surely_not_a_builtin")).toBeUndefined();
  });

  it("rates an expression by its most volatile call; unknown functions are volatile", () => {
    expect(expressionVolatility(expr("1 + 2"))).toEqual({ volatility: "immutable", volatileCalls: [] });
    expect(expressionVolatility(expr("now() + interval '1 day'")).volatility).toBe("stable");
    expect(expressionVolatility(expr("CURRENT_TIMESTAMP")).volatility).toBe("stable");
    expect(expressionVolatility(expr("lower(md5(random()::text))"))).toEqual({
      volatility: "volatile",
      volatileCalls: ["random()"],
    });
    expect(expressionVolatility(expr("my_fn()")).volatileCalls).toEqual(["my_fn()"]);
    expect(expressionVolatility(expr("my_fn()"), new Map([["my_fn", "immutable"]])).volatility).toBe("immutable");
  });

  it("reads the volatility declared by CREATE FUNCTION (VOLATILE when omitted)", () => {
    const { statements } = parseSql(
      [
        "CREATE FUNCTION a() RETURNS int LANGUAGE sql IMMUTABLE AS 'select 1';",
        "CREATE OR REPLACE FUNCTION s.b() RETURNS int LANGUAGE sql STABLE AS 'select 1';",
        "CREATE FUNCTION c() RETURNS int LANGUAGE plpgsql AS 'begin return 1; end';",
      ].join("\n"),
      "x.sql",
    );
    expect(Object.fromEntries(createdFunctionVolatility(statements))).toEqual({
      a: "immutable",
      b: "stable",
      c: "volatile",
    });
  });

  it("rates an inlinable SQL function (SELECT expr / RETURN expr) by its body", () => {
    const { statements } = parseSql(
      [
        "CREATE FUNCTION constant() RETURNS int LANGUAGE sql AS 'select 1';",
        "CREATE FUNCTION declared() RETURNS int LANGUAGE sql VOLATILE AS 'select 1';",
        "CREATE FUNCTION stamped() RETURNS timestamptz LANGUAGE sql RETURN now();",
        "CREATE FUNCTION random_text() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;",
        "CREATE FUNCTION nested() RETURNS int LANGUAGE sql AS 'select constant() + 1';",
        "CREATE FUNCTION definer() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'select 1';",
        "CREATE FUNCTION with_setting() RETURNS int LANGUAGE sql SET search_path = app AS 'select 1';",
        "CREATE FUNCTION from_table() RETURNS int LANGUAGE sql AS 'select id from t';",
        "CREATE FUNCTION rows() RETURNS SETOF int LANGUAGE sql AS 'select 1';",
      ].join("\n"),
      "x.sql",
    );
    expect(Object.fromEntries(createdFunctionVolatility(statements))).toEqual({
      constant: "immutable",
      declared: "immutable",
      stamped: "stable",
      random_text: "volatile",
      nested: "immutable",
      definer: "volatile",
      with_setting: "volatile",
      from_table: "volatile",
      rows: "volatile",
    });
  });
});
