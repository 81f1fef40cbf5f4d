import type { TypeName } from "@pgsql/types";
import { alterCommands, as, displayTable, tableKey, typeBase, typeMods, typeNameString } from "../../sql/ast.js";
import type { RuleHit, StatementRule } from "../types.js";

/**
 * `ALTER COLUMN … TYPE` to a type that cannot hold every value of the old
 * one: the ALTER fails on the first value that does not fit, or (with an
 * explicit USING cast, or for numeric scale and dates) silently rounds or cuts.
 *
 * The old type comes from the context (CREATE TABLE / ADD COLUMN / ALTER TYPE
 * seen earlier). When it is unknown, only targets that narrow from any
 * plausible source are reported, as "possibly" (warning): smallint, integer,
 * real, date, time, and varchar(n)/char(n) with n under 255. Numeric and
 * timestamp precisions are not guessed, since the same target can be a widening.
 */
export const narrowingTypeChange: StatementRule = {
  kind: "statement",
  meta: {
    id: "narrowing-type-change",
    category: "data-loss",
    severity: "error",
    enabledByDefault: true,
    summary: "column type change that can fail or truncate (narrower length, precision, range or scale)",
    lock: "AccessExclusiveLock",
  },
  statementKinds: ["AlterTableStmt"],
  check(statement, context) {
    const alter = as(statement.ast, "AlterTableStmt");
    if (alter?.objtype !== "OBJECT_TABLE") return [];
    const table = tableKey(alter.relation);
    const hits: RuleHit[] = [];
    for (const cmd of alterCommands(alter)) {
      const target = as(cmd?.def, "ColumnDef")?.typeName;
      if (cmd?.subtype !== "AT_AlterColumnType" || !cmd.name || !target) continue;
      const column = `\`${displayTable(alter.relation)}.${cmd.name}\``;
      const known = context.columnTypes.get(`${table}.${cmd.name}`);
      if (known) {
        const reason = narrowing(describe(known), describe(target));
        if (reason)
          hits.push({
            message: `changes ${column} from ${readable(known)} to ${readable(target)}: ${reason}`,
            fix: fixFor(describe(target)),
          });
        continue;
      }
      if (context.isNewTable(alter.relation) || context.created.columns.has(`${table}.${cmd.name}`)) continue;
      const guess = possiblyNarrowing(describe(target));
      if (guess)
        hits.push({
          message: `changes ${column} to ${readable(target)}, possibly narrowing: ${guess}`,
          fix: fixFor(describe(target)),
          severity: "warning",
        });
    }
    return hits;
  },
};

type Family = "string" | "integer" | "numeric" | "float" | "datetime" | "other";

interface TypeInfo {
  base: string;
  family: Family;
  /** Characters for strings (Infinity when unlimited). */
  length: number;
  /** Numeric precision/scale (undefined precision = unconstrained numeric). */
  precision?: number;
  scale: number;
  /** Integer rank (int2 1, int4 2, int8 3), or float size. */
  rank: number;
  /** Fractional-second precision of time types (6 by default). */
  fraction: number;
  arrayDims: number;
}

const ALIASES: Record<string, string> = {
  smallserial: "int2",
  serial2: "int2",
  serial: "int4",
  serial4: "int4",
  bigserial: "int8",
  serial8: "int8",
  smallint: "int2",
  integer: "int4",
  int: "int4",
  bigint: "int8",
  decimal: "numeric",
  real: "float4",
  float: "float8",
  "double precision": "float8",
  boolean: "bool",
  character: "bpchar",
  char: "bpchar",
};
const INTEGER_RANK: Record<string, number> = { int2: 1, int4: 2, int8: 3 };
/** Decimal digits each integer type can need. */
const INTEGER_DIGITS: Record<number, number> = { 1: 5, 2: 10, 3: 19 };
const INTEGER_NAMES: Record<number, string> = { 1: "smallint", 2: "integer", 3: "bigint" };
const STRING_TYPES = new Set(["text", "varchar", "bpchar", "citext", "name"]);
const DATETIME_TYPES = new Set(["timestamptz", "timestamp", "date", "time", "timetz", "interval"]);
/** Below this, a varchar(n)/char(n) target with an unknown source is reported as possibly narrowing. */
const COMMON_STRING_LIMIT = 255;

function describe(typeName: TypeName): TypeInfo {
  const raw = typeBase(typeName);
  const base = ALIASES[raw] ?? raw;
  const mods = typeMods(typeName);
  const info: TypeInfo = {
    base,
    family: "other",
    length: Number.POSITIVE_INFINITY,
    scale: 0,
    rank: 0,
    fraction: 6,
    arrayDims: typeName.arrayBounds?.length ?? 0,
  };
  if (STRING_TYPES.has(base)) {
    info.family = "string";
    if (base === "name") info.length = 63;
    else if ((base === "varchar" || base === "bpchar") && mods[0] !== undefined) info.length = mods[0];
  } else if (base in INTEGER_RANK) {
    info.family = "integer";
    info.rank = INTEGER_RANK[base] ?? 0;
  } else if (base === "numeric") {
    info.family = "numeric";
    info.precision = mods[0];
    info.scale = mods[1] ?? 0;
  } else if (base === "float4" || base === "float8") {
    info.family = "float";
    info.rank = base === "float4" ? 1 : 2;
  } else if (DATETIME_TYPES.has(base)) {
    info.family = "datetime";
    // interval's first modifier is its field mask; the precision comes last.
    const precision = base === "interval" ? (mods.length > 1 ? mods.at(-1) : undefined) : mods[0];
    if (precision !== undefined) info.fraction = precision;
  }
  return info;
}

/** Why a change from `from` to `to` can fail or lose information, or null when every old value fits. */
function narrowing(from: TypeInfo, to: TypeInfo): string | null {
  if (from.arrayDims !== to.arrayDims) return null;
  if (from.family === "string" && to.family === "string") {
    if (to.length >= from.length) return null;
    return `values longer than ${to.length} characters make the ALTER fail (a USING cast cuts them silently instead)`;
  }
  if (to.family === "integer") {
    if (from.family === "integer" && to.rank < from.rank)
      return `values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail`;
    if (from.family === "numeric" || from.family === "float")
      return `fractions are rounded away and values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail`;
    return null;
  }
  if (to.family === "numeric" && to.precision !== undefined) {
    const integerDigits = to.precision - to.scale;
    if (from.family === "integer" && integerDigits < (INTEGER_DIGITS[from.rank] ?? 0))
      return `values with more than ${integerDigits} integer digits make the ALTER fail`;
    if (from.family === "float") return `values are rounded to ${to.scale} decimals and large ones make the ALTER fail`;
    if (from.family === "numeric") {
      if (from.precision === undefined)
        return `values are rounded to ${to.scale} decimals and ones with more than ${integerDigits} integer digits make the ALTER fail`;
      if (to.scale < from.scale)
        return `the scale drops from ${from.scale} to ${to.scale}: every value is silently rounded`;
      if (integerDigits < from.precision - from.scale)
        return `values with more than ${integerDigits} integer digits make the ALTER fail`;
    }
    return null;
  }
  if (to.family === "float") {
    if (from.family === "float" && to.rank < from.rank) return "values keep only about 6 significant digits";
    if (from.family === "numeric" && (to.rank === 1 || from.precision === undefined || from.precision > 15))
      return "exact decimals become approximate floating-point values";
    if (from.family === "integer" && (from.rank === 3 || (from.rank === 2 && to.rank === 1)))
      return "large integers lose their last digits";
    return null;
  }
  if (from.family === "datetime" && to.family === "datetime") {
    const fromTimestamp = from.base === "timestamp" || from.base === "timestamptz";
    if (fromTimestamp && to.base === "date") return "the time of day is dropped from every value";
    if (fromTimestamp && (to.base === "time" || to.base === "timetz")) return "the date is dropped from every value";
    if (from.base === to.base || (fromTimestamp && (to.base === "timestamp" || to.base === "timestamptz")))
      return to.fraction < from.fraction ? `fractional seconds are rounded to ${to.fraction} digits` : null;
  }
  return null;
}

/** For an unknown old type: targets that are narrower than any likely source. */
function possiblyNarrowing(to: TypeInfo): string | null {
  if (to.arrayDims > 0) return null;
  if (to.family === "string" && to.length < COMMON_STRING_LIMIT)
    return `if it was text or a longer varchar, values longer than ${to.length} characters make the ALTER fail (a USING cast cuts them silently)`;
  if (to.family === "integer" && to.rank < 3) {
    const wider = to.rank === 1 ? "integer, bigint" : "bigint";
    return `if it was ${wider}, numeric or text, values outside the ${INTEGER_NAMES[to.rank]} range make the ALTER fail and fractions are rounded`;
  }
  if (to.base === "float4") return "if it was double precision or numeric, values keep only about 6 significant digits";
  if (to.base === "date") return "if it was a timestamp, the time of day is dropped from every value";
  if (to.base === "time" || to.base === "timetz") return "if it was a timestamp, the date is dropped from every value";
  return null;
}

/** SQL spellings for PostgreSQL's internal type names, for messages: `int8` → `bigint`. */
const READABLE: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bpchar: "char",
  bool: "boolean",
};

function readable(typeName: TypeName): string {
  const written = typeNameString(typeName);
  const base = typeBase(typeName);
  return READABLE[base] ? written.replace(base, READABLE[base]) : written;
}

function fixFor(to: TypeInfo): string {
  if (to.family === "string")
    return "keep the wider type and add CHECK (char_length(col) <= n) NOT VALID, then VALIDATE it; or check max(char_length(col)) before narrowing";
  if (to.family === "integer" || to.family === "numeric" || to.family === "float")
    return "check the data first (min/max, scale) and keep the wider type unless it truly never exceeds the new range";
  return "add a new column of the new type, backfill it in batches, switch readers, then drop the old column";
}
