/**
 * Function volatility as PostgreSQL itself declares it (pg_proc.provolatile),
 * dumped by scripts/gen-function-volatility.ts. Decides whether an
 * `ADD COLUMN … DEFAULT expr` can be stored once as the column's "missing
 * value" (PostgreSQL 11+, non-volatile expression) or forces a table rewrite.
 */
import type { Node } from "@pgsql/types";
import { as, constValue, nameList, walk } from "../../sql/ast.js";
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
 */
export function createdFunctionVolatility(statements: readonly Statement[]): Map<string, Volatility> {
  const functions = new Map<string, Volatility>();
  for (const statement of statements) {
    const create = as(statement.ast, "CreateFunctionStmt");
    if (!create || create.is_procedure) continue;
    const name = (nameList(create.funcname).at(-1) ?? "").toLowerCase();
    let volatility: Volatility = "volatile";
    for (const option of create.options ?? []) {
      const element = as(option, "DefElem");
      const value = element?.defname === "volatility" ? constValue(element.arg) : undefined;
      if (value === "immutable" || value === "stable" || value === "volatile") volatility = value;
    }
    functions.set(name, volatility);
  }
  return functions;
}
