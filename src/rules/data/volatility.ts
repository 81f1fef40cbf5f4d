/**
 * Function volatility as PostgreSQL itself declares it (pg_proc.provolatile),
 * dumped by scripts/gen-function-volatility.ts. Decides whether an
 * `ADD COLUMN … DEFAULT expr` can be stored once as the column's "missing
 * value" (PostgreSQL 11+, non-volatile expression) or forces a table rewrite.
 */
import type { CreateFunctionStmt, Node } from "@pgsql/types";
import { as, constValue, nameList, str, walk } from "../../sql/ast.js";
import { parseSql } from "../../sql/parse.js";
import type { Statement } from "../../types.js";
import catalog from "./function-volatility.json" with { type: "json" };

export type Volatility = "immutable" | "stable" | "volatile";

const RANK: Record<Volatility, number> = { immutable: 0, stable: 1, volatile: 2 };
const CATALOG = new Map(Object.entries(catalog.functions as Record<string, Volatility>));

/** The PostgreSQL version the catalog was dumped from, e.g. `18.6`. */
export const CATALOG_VERSION: string = catalog.postgres;

/** Volatility of a built-in or common-extension function by name; undefined when unknown. */
export function catalogVolatility(name: string): Volatility | undefined {
  return CATALOG.get(name.toLowerCase());
}

export interface ExpressionVolatility {
  volatility: Volatility;
  /** The calls that make it volatile (unknown functions count: CREATE FUNCTION defaults to VOLATILE). */
  volatileCalls: string[];
}

/**
 * How volatile an expression is: the most volatile function it calls.
 * `userFunctions` are functions created earlier in the migration, which win
 * over the catalog (a user function may shadow a built-in name).
 * SQL value functions (CURRENT_TIMESTAMP, CURRENT_USER …) are stable;
 * operators and casts of built-in types are immutable or stable.
 */
export function expressionVolatility(
  expr: Node | undefined,
  userFunctions: ReadonlyMap<string, Volatility> = new Map(),
): ExpressionVolatility {
  let volatility: Volatility = "immutable";
  const volatileCalls: string[] = [];
  const raise = (level: Volatility) => {
    if (RANK[level] > RANK[volatility]) volatility = level;
  };
  walk(expr === undefined ? [] : [expr], (tag, value) => {
    if (tag === "SQLValueFunction") raise("stable");
    if (tag !== "FuncCall") return;
    const name = (nameList((value as { funcname?: Node[] }).funcname).at(-1) ?? "").toLowerCase();
    const level = userFunctions.get(name) ?? catalogVolatility(name) ?? "volatile";
    raise(level);
    if (level === "volatile" && !volatileCalls.includes(`${name}()`)) volatileCalls.push(`${name}()`);
  });
  return { volatility, volatileCalls };
}

/**
 * Volatility of the functions created (CREATE [OR REPLACE] FUNCTION) by the
 * given statements, by unqualified lower-case name; the last definition wins.
 * A function is VOLATILE unless declared otherwise, except that PostgreSQL
 * inlines a simple SQL function (`SELECT expr` / `RETURN expr`, no SECURITY
 * DEFINER, no SET) before it checks a default, so its body's volatility counts.
 */
export function createdFunctionVolatility(statements: readonly Statement[]): Map<string, Volatility> {
  const functions = new Map<string, Volatility>();
  for (const statement of statements) {
    const create = as(statement.ast, "CreateFunctionStmt");
    if (!create || create.is_procedure) continue;
    const name = (nameList(create.funcname).at(-1) ?? "").toLowerCase();
    const declared = option(create, "volatility");
    if (declared === "immutable" || declared === "stable") {
      functions.set(name, declared);
      continue;
    }
    const body = inlinedBody(create);
    functions.set(name, body ? expressionVolatility(body, functions).volatility : "volatile");
  }
  return functions;
}

function option(create: CreateFunctionStmt, name: string): Node | string | number | boolean | null | undefined {
  const element = (create.options ?? []).map((o) => as(o, "DefElem")).find((e) => e?.defname === name);
  if (!element) return undefined;
  return constValue(element.arg) ?? as(element.arg, "Boolean")?.boolval ?? element.arg;
}

/** The expression PostgreSQL would inline for a call of this function, if it inlines it. */
function inlinedBody(create: CreateFunctionStmt): Node | undefined {
  if (option(create, "language") !== "sql" || option(create, "security") === true) return undefined;
  if (option(create, "set") !== undefined || create.returnType?.setof) return undefined;
  const returned = as(create.sql_body, "ReturnStmt");
  if (returned) return returned.returnval;
  const source = as(option(create, "as"), "List")?.items?.map(str);
  if (source?.length !== 1) return undefined;
  const parsed = parseSql(source[0] ?? "", "function body").statements;
  const select = parsed.length === 1 ? as(parsed[0]?.ast, "SelectStmt") : undefined;
  if (select?.targetList?.length !== 1 || (select.op && select.op !== "SETOP_NONE")) return undefined;
  const clauses = [
    select.distinctClause,
    select.intoClause,
    select.fromClause,
    select.whereClause,
    select.groupClause,
    select.havingClause,
    select.windowClause,
    select.valuesLists,
    select.sortClause,
    select.limitOffset,
    select.limitCount,
    select.lockingClause,
    select.withClause,
  ];
  if (clauses.some((clause) => clause !== undefined)) return undefined;
  return as(select.targetList[0], "ResTarget")?.val;
}
