import { v as children, x as evaluate, y as lastName, z as sqlalchemyTypeToPg, B as dottedName, Q as QuoteUtils, C as literalContentStart, D as parseSql, E as parseIgnoreDirectives, G as bindImport, H as assignmentParts, I as unwrapParentheses, S as Scope, P as PySource, J as COL_SPEC, K as excludeMatcher, M as readText, N as FILE_START$1 } from './cli-main-Btx-xaSS.js';
export { O as pgTypeToSqlalchemy, R as sqlalchemyTypeTextToPg } from './cli-main-Btx-xaSS.js';
import { createHash } from 'node:crypto';
import 'node:util';
import 'node:fs/promises';
import 'node:path';
import 'node:path/posix';
import 'process';
import 'buffer';
import 'node:url';
import 'node:fs';
import 'node:child_process';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:module';
import 'node:zlib';
import 'node:worker_threads';
import './version-DKITOyyo.js';

function compareFileOrder(a, b) {
  const left = a.split("/");
  const right = b.split("/");
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    const xIsFile = i === left.length - 1;
    const yIsFile = i === right.length - 1;
    if (xIsFile !== yIsFile) return xIsFile ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
function alembicUpgradeOrder(migrations) {
  const inFileOrder = [...migrations].sort((a, b) => compareFileOrder(a.path, b.path));
  const byId = /* @__PURE__ */ new Map();
  for (const migration of inFileOrder) if (!byId.has(migration.id)) byId.set(migration.id, migration);
  const revisions = [...byId.values()];
  const labels = /* @__PURE__ */ new Map();
  for (const migration of revisions) for (const label of migration.branchLabels ?? []) labels.set(label, migration);
  const resolve = (id) => {
    const exact = byId.get(id) ?? labels.get(id);
    if (exact || id.length < 4) return exact;
    const matches = [...byId.keys()].filter((known2) => known2.startsWith(id));
    return matches.length === 1 ? byId.get(matches[0]) : void 0;
  };
  const known = (list, self) => [...new Set(list.map(resolve))].filter((m) => m !== void 0 && m !== self);
  const versionedDown = new Map(revisions.map((m) => [m, known(m.parents, m)]));
  const dependencies = new Map(revisions.map((m) => [m, known(m.dependsOn ?? [], m)]));
  const walk = (start, next) => {
    const seen = /* @__PURE__ */ new Set();
    const stack = [...start];
    while (stack.length > 0) {
      const node = stack.pop();
      if (seen.has(node)) continue;
      seen.add(node);
      stack.push(...next(node));
    }
    return seen;
  };
  const normalizedDown = /* @__PURE__ */ new Map();
  for (const migration of revisions) {
    const deps = new Set(dependencies.get(migration));
    if (deps.size > 0) {
      for (const ancestor of walk([migration], (m) => versionedDown.get(m) ?? [])) {
        if (ancestor !== migration) for (const dep of dependencies.get(ancestor) ?? []) deps.delete(dep);
      }
    }
    normalizedDown.set(migration, [.../* @__PURE__ */ new Set([...versionedDown.get(migration) ?? [], ...deps])]);
  }
  const down = (m) => normalizedDown.get(m) ?? [];
  if (hasCycle(revisions, down)) return parentsFirst(inFileOrder, down);
  const referenced = new Set(revisions.flatMap((m) => versionedDown.get(m) ?? []));
  const currentHeads = revisions.filter((m) => !referenced.has(m));
  const ancestors = currentHeads.map((head) => walk([head], down));
  const todo = new Set(revisions);
  const output = [];
  let candidateIndex = 0;
  while (currentHeads.length > 0) {
    const candidate = currentHeads[candidateIndex];
    const dependent = ancestors.findIndex((set, index) => index !== candidateIndex && set.has(candidate));
    if (dependent !== -1) {
      candidateIndex = dependent;
      continue;
    }
    if (todo.delete(candidate)) output.push(candidate);
    const headsToAdd = down(candidate).filter((m) => todo.has(m) && !currentHeads.includes(m));
    if (headsToAdd.length === 0) {
      currentHeads.splice(candidateIndex, 1);
      ancestors.splice(candidateIndex, 1);
      candidateIndex = Math.max(candidateIndex - 1, 0);
    } else {
      currentHeads[candidateIndex] = headsToAdd[0];
      currentHeads.push(...headsToAdd.slice(1));
      ancestors[candidateIndex] = walk([headsToAdd[0]], down);
      ancestors.push(...headsToAdd.slice(1).map((head) => walk([head], down)));
    }
  }
  const ordered = output.reverse();
  const placed = new Set(ordered);
  return [...ordered, ...inFileOrder.filter((m) => !placed.has(m))];
}
function hasCycle(revisions, down) {
  const state = /* @__PURE__ */ new Map();
  const visit = (start) => {
    const stack = [{ node: start, next: 0 }];
    state.set(start, "active");
    while (stack.length > 0) {
      const frame = stack.at(-1);
      const children = down(frame.node);
      if (frame.next >= children.length) {
        state.set(frame.node, "done");
        stack.pop();
        continue;
      }
      const child = children[frame.next++];
      const seen = state.get(child);
      if (seen === "active") return true;
      if (seen === void 0) {
        state.set(child, "active");
        stack.push({ node: child, next: 0 });
      }
    }
    return false;
  };
  return revisions.some((m) => !state.has(m) && visit(m));
}
function parentsFirst(inFileOrder, down) {
  const ordered = [];
  const placed = /* @__PURE__ */ new Set();
  let next;
  do {
    next = inFileOrder.find((m) => !placed.has(m) && down(m).every((p) => placed.has(p)));
    if (next) {
      ordered.push(next);
      placed.add(next);
    }
  } while (next);
  return [...ordered, ...inFileOrder.filter((m) => !placed.has(m))];
}

const MAX_INLINE_DEPTH = 4;
function dialectTruth(node, source, scope, depth = 0) {
  if (depth > MAX_INLINE_DEPTH) return void 0;
  const parts = children(node);
  switch (node.name) {
    case "ParenthesizedExpression": {
      const inner = parts.find((p) => p.name !== "(" && p.name !== ")");
      return inner ? dialectTruth(inner, source, scope, depth) : void 0;
    }
    case "UnaryExpression": {
      const operand = parts[1];
      if (parts[0]?.name !== "not" || !operand) return void 0;
      const value = dialectTruth(operand, source, scope, depth);
      return value === void 0 ? void 0 : !value;
    }
    case "VariableName": {
      const value = scope.get(source.slice(node));
      return value?.kind === "bool" ? value.value : void 0;
    }
    case "CallExpression": {
      const value = evaluate(node, source, scope);
      if (value.kind === "call" && lastName(value) === "is_offline_mode") return false;
      if (value.kind !== "call" || value.callee.kind !== "function" || value.args.length > 0) return void 0;
      const body = value.callee.node.getChild("Body");
      const statements = body ? children(body).filter((s) => s.name !== ":" && s.name !== "Comment") : [];
      const last = statements.at(-1);
      const onlyReturn = statements.every(
        (s, i) => s === last || i === 0 && s.name === "ExpressionStatement" && s.firstChild?.name === "String"
      );
      const returned = last?.name === "ReturnStatement" ? children(last).find((c) => c.name !== "return") : void 0;
      return onlyReturn && returned ? dialectTruth(returned, source, value.callee.scope, depth + 1) : void 0;
    }
    case "BinaryExpression": {
      const [left, operator, right] = parts;
      if (!left || !operator || !right) return void 0;
      const op = source.slice(operator);
      if (op === "and" || op === "or") {
        const a = dialectTruth(left, source, scope, depth);
        const b = dialectTruth(right, source, scope, depth);
        if (op === "and") return a === false || b === false ? false : a && b ? true : void 0;
        return a === true || b === true ? true : a === false && b === false ? false : void 0;
      }
      const negated = op === "!=" || op === "not in" || parts.length > 3 && source.slice(parts[2]) === "in";
      const l = returnedDialect(evaluate(left, source, scope), source);
      const r = returnedDialect(evaluate(parts.at(-1), source, scope), source);
      const other = l.kind === "dialect" ? r : r.kind === "dialect" ? l : void 0;
      if (!other || !["==", "!=", "in", "not in", "is", "not"].includes(op)) return void 0;
      const names = other.kind === "str" ? [other.value] : other.kind === "seq" ? other.items.map((i) => i.kind === "str" ? i.value : "") : void 0;
      if (!names) return void 0;
      const isPostgres = names.some((n) => n === "postgresql" || n === "postgres");
      return negated ? !isPostgres : isPostgres;
    }
    case "MemberExpression":
      return source.slice(node).endsWith(".as_sql") ? false : void 0;
    default:
      return void 0;
  }
}
function conditionTruth(node, source, scope) {
  const truth = dialectTruth(node, source, scope);
  if (truth !== void 0 || !LITERALS.has(node.name)) return truth;
  return literalTruth(evaluate(node, source, scope));
}
const LITERALS = /* @__PURE__ */ new Set(["Boolean", "None", "Number", "String"]);
function literalTruth(value) {
  switch (value.kind) {
    case "bool":
      return value.value;
    case "none":
      return false;
    case "num":
      return value.value !== 0;
    case "str":
      return value.value.length > 0;
    default:
      return void 0;
  }
}
function returnedDialect(value, source) {
  if (value.kind !== "call" || value.callee.kind !== "function" || value.args.length > 0) return value;
  const body = value.callee.node.getChild("Body");
  const statements = body ? children(body).filter((s) => s.name !== ":") : [];
  const only = statements.length === 1 ? statements[0] : void 0;
  const returned = only?.name === "ReturnStatement" ? children(only).find((c) => c.name !== "return") : void 0;
  if (!returned) return value;
  const result = evaluate(returned, source, value.callee.scope);
  return result.kind === "dialect" ? result : value;
}

const MAX_IDENTIFIER_LENGTH = 63;
function truncatedConventionName(name) {
  const codePoints = Array.from(name);
  if (codePoints.length <= MAX_IDENTIFIER_LENGTH) return name;
  const digest = createHash("md5").update(name, "utf8").digest("hex");
  return `${codePoints.slice(0, MAX_IDENTIFIER_LENGTH - 8).join("")}_${digest.slice(-4)}`;
}

class Unanalyzable extends Error {
}
const SIGNATURES = {
  create_table: ["table_name"],
  drop_table: ["table_name"],
  add_column: ["table_name", "column"],
  drop_column: ["table_name", "column_name"],
  alter_column: ["table_name", "column_name"],
  create_index: ["index_name", "table_name", "columns", "schema", "unique"],
  drop_index: ["index_name", "table_name", "schema"],
  create_unique_constraint: ["constraint_name", "table_name", "columns", "schema"],
  create_foreign_key: [
    "constraint_name",
    "source_table",
    "referent_table",
    "local_cols",
    "remote_cols",
    "onupdate",
    "ondelete",
    "deferrable",
    "initially",
    "match",
    "source_schema",
    "referent_schema"
  ],
  create_check_constraint: ["constraint_name", "table_name", "condition", "schema"],
  create_primary_key: ["constraint_name", "table_name", "columns", "schema"],
  drop_constraint: ["constraint_name", "table_name", "type_", "schema"],
  rename_table: ["old_table_name", "new_table_name", "schema"],
  execute: ["sqltext"],
  bulk_insert: ["table", "rows", "multiinsert"],
  create_table_comment: ["table_name", "comment"],
  drop_table_comment: ["table_name"],
  create_exclude_constraint: ["constraint_name", "table_name"]
};
const RENDERED_OPERATIONS = new Set(Object.keys(SIGNATURES));
const TABLE_PARAMS = /* @__PURE__ */ new Set(["table_name", "source_table"]);
class Args {
  constructor(method, call, batch) {
    this.method = method;
    this.call = call;
    const signature = SIGNATURES[method] ?? [];
    this.names = batch ? signature.filter((n) => !TABLE_PARAMS.has(n)) : signature;
  }
  method;
  call;
  names;
  get(name) {
    const index = this.names.indexOf(name);
    return this.call.kwargs.get(name) ?? (index === -1 ? void 0 : this.call.args[index]);
  }
  /** Positional arguments past the named ones (`create_table`'s columns). */
  rest() {
    return this.call.args.slice(this.names.length);
  }
  has(name) {
    return this.get(name) !== void 0;
  }
  string(name) {
    const value = this.get(name);
    const text = value ? identifierValue(value) : void 0;
    if (value?.kind === "none")
      throw new Unanalyzable(`op.${this.method} with \`${name}\` None (Alembic needs a name here)`);
    if (text === void 0) {
      throw new Unanalyzable(`\`${name}\` of op.${this.method} is not a literal (${describe(value)})`);
    }
    return text;
  }
  optionalString(name) {
    const value = this.get(name);
    if (!value || value.kind === "none") return void 0;
    return this.string(name);
  }
  flag(name) {
    const value = this.get(name);
    return value?.kind === "bool" && value.value;
  }
}
function describe(value) {
  if (!value) return "missing";
  if (value.kind === "unknown") return `${value.why}: ${value.text.slice(0, 60)}`;
  return dottedName(value) || value.kind;
}
function identifierValue(value) {
  if (value.kind === "str") return value.value;
  if (value.kind !== "call" || !value.args[0]) return void 0;
  const name = lastName(value);
  if (name === "quoted_name") return identifierValue(value.args[0]);
  if (name !== "f" && name !== "conv") return void 0;
  const inner = identifierValue(value.args[0]);
  return inner === void 0 ? void 0 : truncatedConventionName(inner);
}
const ident = (name) => QuoteUtils.quoteIdentifier(name);
const literal = (text) => QuoteUtils.escape(text);
function table(name, schema) {
  return schema ? QuoteUtils.quoteQualifiedIdentifier(schema, name) : ident(name);
}
function columnList(names) {
  return names.map(ident).join(", ");
}
function stringList$1(value, what) {
  if (!value) throw new Unanalyzable(`${what} is missing`);
  if (value.kind === "str") return [value.value];
  if (value.kind === "seq") {
    return value.items.map((item) => {
      const text = identifierValue(item);
      if (text === void 0) throw new Unanalyzable(`${what} holds a non-literal (${describe(item)})`);
      return text;
    });
  }
  throw new Unanalyzable(`${what} is not a literal list (${describe(value)})`);
}
function sqlFragment(value) {
  if (!value) return void 0;
  if (value.kind === "str") return value.value;
  if (value.kind === "call" && ["text", "literal_column", "DDL"].includes(lastName(value)) && value.args[0]?.kind === "str") {
    return value.args[0].value;
  }
  if (value.kind === "call" && value.callee.kind === "member" && value.callee.name === "bindparams") {
    return sqlFragment(value.callee.object);
  }
  return void 0;
}
function serverDefault(value) {
  if (value.kind === "str") return literal(value.value);
  const clause = callTo(value, "DefaultClause");
  if (clause?.args[0]) return serverDefault(clause.args[0]);
  const fragment = sqlFragment(value);
  if (fragment !== void 0) return fragment;
  if (value.kind === "num") return value.text;
  if (value.kind === "bool") return value.value ? "true" : "false";
  if (value.kind === "call") {
    const name = dottedName(value);
    const fn = /(?:^|\.)func\.(.+)$/.exec(name);
    if (fn) {
      const args = value.args.map(serverDefault);
      return `${fn[1]}(${args.join(", ")})`;
    }
    const last = lastName(value);
    if (last === "true" || last === "false") return last;
    if (last === "null") return "NULL";
    if (last === "literal" && value.args[0]) return serverDefault(value.args[0]);
  }
  throw new Unanalyzable(`server_default is not a literal (${describe(value)})`);
}
function kwString(call, name) {
  const value = call.kwargs.get(name);
  return value?.kind === "str" ? value.value : void 0;
}
function kwName(call) {
  const value = call.kwargs.get("name");
  return value ? identifierValue(value) : void 0;
}
function kwBool(call, name) {
  const value = call.kwargs.get(name);
  return value?.kind === "bool" ? value.value : void 0;
}
function callTo(value, ...names) {
  return value?.kind === "call" && names.includes(lastName(value)) ? value : void 0;
}
function splitTarget(target) {
  const parts = target.split(".");
  const column = parts.pop() ?? "";
  const tableName = parts.pop() ?? "";
  const schema = parts.length > 0 ? parts.join(".") : void 0;
  return { table: tableName, column, ...schema ? { schema } : {} };
}
function fkOptions(call) {
  const options = {};
  const ondelete = kwString(call, "ondelete");
  const onupdate = kwString(call, "onupdate");
  const deferrable2 = kwBool(call, "deferrable");
  const initially = kwString(call, "initially");
  const match = kwString(call, "match");
  if (ondelete) options.ondelete = ondelete;
  if (onupdate) options.onupdate = onupdate;
  if (deferrable2 !== void 0) options.deferrable = deferrable2;
  if (initially) options.initially = initially;
  if (match) options.match = match;
  return options;
}
function readColumn(value, approximations) {
  const column = callTo(value, "Column", "column");
  if (!column) throw new Unanalyzable(`a column that is not a literal sa.Column(...) (${describe(value)})`);
  return readColumnCall(column, approximations);
}
function readColumnCall(value, approximations) {
  if (value.spread) throw new Unanalyzable("sa.Column(...) with *args/**kwargs");
  const [first, ...rest] = value.args;
  const name = first ? identifierValue(first) : kwName(value);
  if (name === void 0) throw new Unanalyzable("sa.Column without a literal name");
  const foreignKeys = [];
  let typeValue = value.kwargs.get("type_");
  let identity;
  let computed;
  let sequence;
  const checks = [];
  for (const item of first && identifierValue(first) !== void 0 ? rest : value.args) {
    const fkCall = callTo(item, "ForeignKey");
    const identityCall = callTo(item, "Identity");
    const computedCall = callTo(item, "Computed");
    const checkCall = callTo(item, "CheckConstraint");
    if (fkCall && kwBool(fkCall, "use_alter")) ; else if (fkCall) {
      const target = fkCall.args[0]?.kind === "str" ? fkCall.args[0].value : void 0;
      if (!target) throw new Unanalyzable("sa.ForeignKey with a non-literal target");
      const parsed = splitTarget(target);
      const fkName = kwName(fkCall);
      foreignKeys.push({
        columns: [name],
        refTable: parsed.table,
        refColumns: [parsed.column],
        ...parsed.schema ? { refSchema: parsed.schema } : {},
        ...fkName ? { name: fkName } : {},
        ...fkOptions(fkCall)
      });
    } else if (identityCall) {
      identity = kwBool(identityCall, "always") ? "GENERATED ALWAYS AS IDENTITY" : "GENERATED BY DEFAULT AS IDENTITY";
    } else if (computedCall) {
      const expression = sqlFragment(computedCall.args[0]);
      if (expression === void 0) throw new Unanalyzable("sa.Computed with a non-literal expression");
      computed = `GENERATED ALWAYS AS (${expression}) STORED`;
    } else if (checkCall) {
      const condition = sqlFragment(checkCall.args[0] ?? checkCall.kwargs.get("sqltext"));
      if (condition === void 0) throw new Unanalyzable("CheckConstraint with a SQLAlchemy expression");
      checks.push(`${constraintPrefix(kwName(checkCall))}CHECK (${condition})`);
    } else if (callTo(item, "Sequence")) {
      sequence = { optional: kwBool(item, "optional") ?? false };
    } else if (callTo(item, "FetchedValue")) ; else if (!typeValue) {
      typeValue = item;
    }
  }
  const type = columnType(typeValue, name, foreignKeys.length > 0, approximations);
  const primaryKey = kwBool(value, "primary_key") ?? false;
  const server = value.kwargs.get("server_default");
  const comment = kwString(value, "comment");
  const autoincrementValue = value.kwargs.get("autoincrement");
  const autoincrement = autoincrementValue?.kind === "bool" ? autoincrementValue.value : autoincrementValue?.kind === "str" && autoincrementValue.value === "ignore_fk" ? "ignore_fk" : void 0;
  const clientDefault = value.kwargs.get("default");
  const column = {
    name,
    type,
    nullable: kwBool(value, "nullable") ?? !primaryKey,
    nullableGiven: kwBool(value, "nullable") !== void 0,
    clientDefault: clientDefault !== void 0 && clientDefault.kind !== "none" && !callTo(clientDefault, "Sequence"),
    ...sequence ? { sequence } : {},
    primaryKey,
    unique: kwBool(value, "unique") ?? false,
    index: kwBool(value, "index") ?? false,
    foreignKeys,
    checks
  };
  if (server && server.kind !== "none" && !callTo(server, "FetchedValue")) column.default = serverDefault(server);
  if (comment !== void 0) column.comment = comment;
  if (identity) column.identity = identity;
  if (computed) column.computed = computed;
  if (autoincrement !== void 0) column.autoincrement = autoincrement;
  return column;
}
function columnType(value, column, hasForeignKey, approximations) {
  if (!value) {
    approximations.push(
      `column \`${column}\` has no type${hasForeignKey ? " (taken from its foreign key target at run time)" : ""}; rendered as INTEGER`
    );
    return { sql: "INTEGER" };
  }
  const mapped = sqlalchemyTypeToPg(value);
  if (mapped) {
    if (mapped.approximation) approximations.push(`column type \`${dottedName(value)}\` is ${mapped.approximation}`);
    return mapped;
  }
  approximations.push(
    `column type \`${dottedName(value) || describe(value)}\` is not a SQLAlchemy type db-migrate knows; rendered as TEXT`
  );
  return { sql: "TEXT" };
}
const SERIAL = { INTEGER: "SERIAL", BIGINT: "BIGSERIAL", SMALLINT: "SMALLSERIAL" };
function serialColumn(columns, primaryKey) {
  const keyColumns = primaryKey.map((name) => columns.find((c) => c.name === name));
  let chosen;
  if (keyColumns.length === 1) {
    const column = keyColumns[0];
    if (!column || column.autoincrement === false) return void 0;
    if (column.autoincrement !== true && !autoincrementCandidate(column)) return void 0;
    chosen = column;
  } else {
    chosen = keyColumns.find((c) => c?.autoincrement === true);
  }
  if (!chosen || !SERIAL[chosen.type.sql] || chosen.identity || chosen.computed) return void 0;
  if (chosen.clientDefault || chosen.sequence && !chosen.sequence.optional) return void 0;
  return chosen;
}
function autoincrementCandidate(column) {
  if (column.clientDefault || column.default !== void 0) return false;
  return column.foreignKeys.length === 0 || column.autoincrement === "ignore_fk";
}
function columnSql(column, serial) {
  const parts = [ident(column.name), serial ? SERIAL[column.type.sql] : column.type.sql];
  if (column.identity) parts.push(column.identity);
  if (column.computed) parts.push(column.computed);
  if (column.default !== void 0) parts.push(`DEFAULT ${column.default}`);
  if (!column.nullable) parts.push("NOT NULL");
  return parts.join(" ");
}
function foreignKeySql(fk) {
  const parts = [
    `${fk.name ? `CONSTRAINT ${ident(fk.name)} ` : ""}FOREIGN KEY(${columnList(fk.columns)}) REFERENCES ${table(fk.refTable, fk.refSchema)} (${columnList(fk.refColumns)})`
  ];
  if (fk.match) parts.push(`MATCH ${fk.match}`);
  if (fk.ondelete) parts.push(`ON DELETE ${fk.ondelete}`);
  if (fk.onupdate) parts.push(`ON UPDATE ${fk.onupdate}`);
  if (fk.deferrable !== void 0) parts.push(fk.deferrable ? "DEFERRABLE" : "NOT DEFERRABLE");
  if (fk.initially) parts.push(`INITIALLY ${fk.initially}`);
  if (fk.notValid) parts.push("NOT VALID");
  return parts.join(" ");
}
function constraintPrefix(name) {
  return name ? `CONSTRAINT ${ident(name)} ` : "";
}
function deferrable(call) {
  const parts = [];
  const value = kwBool(call, "deferrable");
  if (value !== void 0) parts.push(value ? " DEFERRABLE" : " NOT DEFERRABLE");
  const initially = kwString(call, "initially");
  if (initially) parts.push(` INITIALLY ${initially}`);
  return parts.join("");
}
function enumStatements(type, seen, approximations) {
  const info = type.enum;
  if (!info?.createType || seen.has(type.sql)) return [];
  seen.add(type.sql);
  if (info.values === null) {
    approximations.push(`enum type ${type.sql} takes its values from a Python Enum class; created here without values`);
  }
  return [`CREATE TYPE ${type.sql} AS ENUM (${(info.values ?? []).map(literal).join(", ")})`];
}
function indexColumns(value, what) {
  if (!value) throw new Unanalyzable(`${what} is missing`);
  const items = value.kind === "seq" ? value.items : [value];
  return items.map((item) => {
    const name = identifierValue(item);
    if (name !== void 0) return /^[\w$]+$/.test(name) ? ident(name) : name;
    const fragment = sqlFragment(item);
    if (fragment !== void 0) return fragment;
    throw new Unanalyzable(`${what} holds a SQLAlchemy expression (${describe(item)})`);
  });
}
function createIndexSql(spec) {
  const { call } = spec;
  const using = kwString(call, "postgresql_using");
  const where = sqlFragment(call.kwargs.get("postgresql_where"));
  if (call.kwargs.has("postgresql_where") && where === void 0) {
    throw new Unanalyzable("postgresql_where is a SQLAlchemy expression, not SQL text");
  }
  const include = call.kwargs.get("postgresql_include");
  const ops = call.kwargs.get("postgresql_ops");
  const opsByColumn = /* @__PURE__ */ new Map();
  if (ops?.kind === "dict") {
    for (const entry of ops.entries) {
      if (entry.key.kind === "str" && entry.value.kind === "str")
        opsByColumn.set(ident(entry.key.value), entry.value.value);
    }
  }
  const columns = spec.columns.map((c) => opsByColumn.has(c) ? `${c} ${opsByColumn.get(c)}` : c);
  const parts = [
    `CREATE ${spec.unique ? "UNIQUE " : ""}INDEX${kwBool(call, "postgresql_concurrently") ? " CONCURRENTLY" : ""}${kwBool(call, "if_not_exists") ? " IF NOT EXISTS" : ""} ${ident(spec.name)} ON ${table(spec.table, spec.schema)}`
  ];
  if (using) parts.push(`USING ${using}`);
  parts.push(`(${columns.join(", ")})`);
  if (include) parts.push(`INCLUDE (${columnList(stringList$1(include, "postgresql_include"))})`);
  if (kwBool(call, "postgresql_nulls_not_distinct")) parts.push("NULLS NOT DISTINCT");
  const withOptions = call.kwargs.get("postgresql_with");
  if (withOptions?.kind === "dict" && withOptions.entries.length > 0) {
    const options = withOptions.entries.map(
      (e) => `${e.key.kind === "str" ? e.key.value : "?"} = ${e.value.kind === "str" ? e.value.value : e.value.kind === "num" ? e.value.text : "?"}`
    );
    parts.push(`WITH (${options.join(", ")})`);
  }
  if (where !== void 0) parts.push(`WHERE ${where}`);
  return parts.join(" ");
}
function renderCreateTable(args, approximations, memo) {
  if (args.call.spread) throw new Unanalyzable("op.create_table with *columns built at run time");
  const name = args.string("table_name");
  const schema = args.optionalString("schema");
  const columns = [];
  const constraints = [];
  const after = [];
  const explicitKey = [];
  let primaryKeyName;
  const indexes = [];
  for (const item of args.rest()) {
    const kind = lastName(item);
    if (item.kind !== "call") throw new Unanalyzable(`op.create_table item \`${describe(item)}\``);
    if (kind === "Column") {
      columns.push(readColumnCall(item, approximations));
    } else if (kind === "PrimaryKeyConstraint") {
      explicitKey.push(...stringList$1({ kind: "seq", items: item.args }, "PrimaryKeyConstraint columns"));
      primaryKeyName = kwName(item);
    } else if (kind === "ForeignKeyConstraint") {
      if (kwBool(item, "use_alter")) continue;
      const refColumns = stringList$1(item.args[1] ?? item.kwargs.get("refcolumns"), "ForeignKeyConstraint refcolumns");
      const targets = refColumns.map(splitTarget);
      const first = targets[0];
      if (!first) throw new Unanalyzable("ForeignKeyConstraint without referenced columns");
      const fkName = kwName(item);
      constraints.push(
        foreignKeySql({
          columns: stringList$1(item.args[0] ?? item.kwargs.get("columns"), "ForeignKeyConstraint columns"),
          refTable: first.table,
          refColumns: targets.map((t) => t.column),
          ...first.schema ? { refSchema: first.schema } : {},
          ...fkName ? { name: fkName } : {},
          ...fkOptions(item)
        })
      );
    } else if (kind === "UniqueConstraint") {
      const columnsOf = stringList$1({ kind: "seq", items: item.args }, "UniqueConstraint columns");
      const nulls = kwBool(item, "postgresql_nulls_not_distinct") ? " NULLS NOT DISTINCT" : "";
      constraints.push(`${constraintPrefix(kwName(item))}UNIQUE${nulls} (${columnList(columnsOf)})${deferrable(item)}`);
    } else if (kind === "CheckConstraint") {
      const condition = sqlFragment(item.args[0] ?? item.kwargs.get("sqltext"));
      if (condition === void 0) throw new Unanalyzable("CheckConstraint with a SQLAlchemy expression");
      constraints.push(`${constraintPrefix(kwName(item))}CHECK (${condition})`);
    } else if (kind === "Index") {
      const [indexName, ...indexColumnsArgs] = item.args;
      const text = indexName ? identifierValue(indexName) : void 0;
      if (text === void 0) throw new Unanalyzable("sa.Index without a literal name");
      indexes.push({
        name: text,
        table: name,
        columns: indexColumns({ kind: "seq", items: indexColumnsArgs }, "sa.Index columns"),
        unique: kwBool(item, "unique") ?? false,
        call: item,
        ...schema ? { schema } : {}
      });
    } else {
      throw new Unanalyzable(`op.create_table item \`${kind || describe(item)}\``);
    }
  }
  const flagged = columns.filter((c) => c.primaryKey).map((c) => c.name);
  const primaryKey = explicitKey.length > 0 ? [...new Set(explicitKey)] : flagged;
  for (const column of columns) {
    if (explicitKey.includes(column.name) && !column.nullableGiven) column.nullable = false;
  }
  const serial = serialColumn(columns, primaryKey);
  if (explicitKey.length === 0 && serial)
    primaryKey.sort((a, b) => Number(b === serial.name) - Number(a === serial.name));
  const before = columns.flatMap((c) => enumStatements(c.type, memo.enums, approximations));
  const lines = columns.map((c) => columnSql(c, c === serial));
  if (primaryKey.length > 0) lines.push(`${constraintPrefix(primaryKeyName)}PRIMARY KEY (${columnList(primaryKey)})`);
  for (const column of columns) {
    if (column.unique && !column.index) lines.push(`UNIQUE (${ident(column.name)})`);
    for (const fk of column.foreignKeys) lines.push(foreignKeySql(fk));
    lines.push(...column.checks);
  }
  lines.push(...constraints);
  const partition = args.call.kwargs.get("postgresql_partition_by");
  const ifNotExists = args.flag("if_not_exists") ? "IF NOT EXISTS " : "";
  let create = `CREATE TABLE ${ifNotExists}${table(name, schema)} (
    ${lines.join(",\n    ")}
)`;
  if (partition?.kind === "str") create += ` PARTITION BY ${partition.value}`;
  for (const column of columns) {
    if (column.index) {
      after.push(
        `CREATE ${column.unique ? "UNIQUE " : ""}INDEX ${ident(truncatedConventionName(`ix_${schema ? `${schema}_` : ""}${name}_${column.name}`))} ON ${table(name, schema)} (${ident(column.name)})`
      );
    }
  }
  after.push(...indexes.map(createIndexSql));
  const comment = args.call.kwargs.get("comment");
  if (comment?.kind === "str") after.push(`COMMENT ON TABLE ${table(name, schema)} IS ${literal(comment.value)}`);
  for (const column of columns) {
    if (column.comment !== void 0) {
      after.push(`COMMENT ON COLUMN ${table(name, schema)}.${ident(column.name)} IS ${literal(column.comment)}`);
    }
  }
  return [...before, create, ...after];
}
function renderAddColumn(args, target, approximations) {
  const column = readColumn(args.get("column") ?? { kind: "none" }, approximations);
  const tableSql = table(target.name, target.schema);
  const ifNotExists = args.flag("if_not_exists") ? "IF NOT EXISTS " : "";
  const statements = [`ALTER TABLE ${tableSql} ADD COLUMN ${ifNotExists}${columnSql(column, false)}`];
  if (column.unique && !column.index) statements.push(`ALTER TABLE ${tableSql} ADD UNIQUE (${ident(column.name)})`);
  for (const fk of column.foreignKeys) statements.push(`ALTER TABLE ${tableSql} ADD ${foreignKeySql(fk)}`);
  for (const check of column.checks) statements.push(`ALTER TABLE ${tableSql} ADD ${check}`);
  if (column.index) {
    statements.push(
      `CREATE ${column.unique ? "UNIQUE " : ""}INDEX ${ident(truncatedConventionName(`ix_${target.name}_${column.name}`))} ON ${tableSql} (${ident(column.name)})`
    );
  }
  if (column.comment !== void 0) {
    statements.push(`COMMENT ON COLUMN ${tableSql}.${ident(column.name)} IS ${literal(column.comment)}`);
  }
  return statements;
}
function renderAlterColumn(args, target, approximations) {
  const column = args.string("column_name");
  const tableSql = table(target.name, target.schema);
  const alter = `ALTER TABLE ${tableSql} ALTER COLUMN ${ident(column)}`;
  const statements = [];
  const type = args.get("type_");
  if (type && type.kind !== "none") {
    const mapped = columnType(type, column, false, approximations);
    const using = sqlFragment(args.get("postgresql_using"));
    if (args.has("postgresql_using") && using === void 0) throw new Unanalyzable("postgresql_using is not SQL text");
    statements.push(`${alter} TYPE ${mapped.sql}${using !== void 0 ? ` USING ${using}` : ""}`);
  }
  const nullable = args.get("nullable");
  if (nullable?.kind === "bool") statements.push(`${alter} ${nullable.value ? "DROP" : "SET"} NOT NULL`);
  else if (nullable && nullable.kind !== "none")
    throw new Unanalyzable(`nullable is not a literal (${describe(nullable)})`);
  const server = args.get("server_default");
  if (server && !(server.kind === "bool" && !server.value)) {
    statements.push(server.kind === "none" ? `${alter} DROP DEFAULT` : `${alter} SET DEFAULT ${serverDefault(server)}`);
  }
  const comment = args.get("comment");
  if (comment && !(comment.kind === "bool" && !comment.value)) {
    const text = comment.kind === "str" ? literal(comment.value) : comment.kind === "none" ? "NULL" : void 0;
    if (text === void 0) throw new Unanalyzable("comment is not a literal");
    statements.push(`COMMENT ON COLUMN ${tableSql}.${ident(column)} IS ${text}`);
  }
  const newName = args.optionalString("new_column_name");
  if (newName !== void 0) statements.push(`ALTER TABLE ${tableSql} RENAME ${ident(column)} TO ${ident(newName)}`);
  return statements;
}
function renderOperation(method, call, batch, memo = { enums: /* @__PURE__ */ new Set() }) {
  if (!RENDERED_OPERATIONS.has(method) || method === "execute" || method === "bulk_insert") {
    throw new Unanalyzable(`op.${method}`);
  }
  if (batch?.recreate === "always") {
    throw new Unanalyzable(`batch_alter_table(recreate="always") copies the table; op.${method} inside it`);
  }
  const approximations = [];
  const args = new Args(method, call, batch !== void 0);
  const schema = batch ? batch.schema : args.optionalString(method === "create_foreign_key" ? "source_schema" : "schema");
  const target = (param) => {
    const name = batch ? batch.table : args.string(param);
    return { name, ...schema ? { schema } : {} };
  };
  const tableSql = (param) => {
    const t = target(param);
    return table(t.name, t.schema);
  };
  const ifExists = args.flag("if_exists") ? "IF EXISTS " : "";
  const sql = [];
  switch (method) {
    case "create_table":
      sql.push(...renderCreateTable(args, approximations, memo));
      break;
    case "drop_table":
      sql.push(`DROP TABLE ${ifExists}${table(args.string("table_name"), schema)}`);
      break;
    case "add_column":
      sql.push(...renderAddColumn(args, target("table_name"), approximations));
      break;
    case "drop_column":
      sql.push(`ALTER TABLE ${tableSql("table_name")} DROP COLUMN ${ifExists}${ident(args.string("column_name"))}`);
      break;
    case "alter_column":
      sql.push(...renderAlterColumn(args, target("table_name"), approximations));
      break;
    case "create_index": {
      const t = target("table_name");
      const columns = indexColumns(args.get("columns"), "create_index columns");
      const name = args.optionalString("index_name") ?? truncatedConventionName(`ix_${t.name}_${columns[0]?.replace(/\W/g, "") ?? ""}`);
      sql.push(
        createIndexSql({
          name,
          table: t.name,
          columns,
          unique: args.flag("unique"),
          call,
          ...t.schema ? { schema: t.schema } : {}
        })
      );
      break;
    }
    case "drop_index": {
      const concurrently = kwBool(call, "postgresql_concurrently") ? "CONCURRENTLY " : "";
      sql.push(`DROP INDEX ${concurrently}${ifExists}${table(args.string("index_name"), schema)}`);
      break;
    }
    case "create_unique_constraint": {
      const columns = stringList$1(args.get("columns"), "create_unique_constraint columns");
      const nulls = kwBool(call, "postgresql_nulls_not_distinct") ? " NULLS NOT DISTINCT" : "";
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}UNIQUE${nulls} (${columnList(columns)})${deferrable(call)}`
      );
      break;
    }
    case "create_foreign_key": {
      const name = args.optionalString("constraint_name");
      const refSchema = args.optionalString("referent_schema");
      const options = fkOptions(call);
      for (const key of ["onupdate", "ondelete", "initially", "match"]) {
        const value = args.get(key);
        if (value?.kind === "str") options[key] = value.value;
      }
      sql.push(
        `ALTER TABLE ${tableSql("source_table")} ADD ${foreignKeySql({
          columns: stringList$1(args.get("local_cols"), "local_cols"),
          refTable: args.string("referent_table"),
          refColumns: stringList$1(args.get("remote_cols"), "remote_cols"),
          notValid: kwBool(call, "postgresql_not_valid") ?? false,
          ...refSchema ? { refSchema } : {},
          ...name ? { name } : {},
          ...options
        })}`
      );
      break;
    }
    case "create_check_constraint": {
      const condition = sqlFragment(args.get("condition"));
      if (condition === void 0)
        throw new Unanalyzable("create_check_constraint with a SQLAlchemy expression condition");
      const notValid = kwBool(call, "postgresql_not_valid") ? " NOT VALID" : "";
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}CHECK (${condition})${notValid}`
      );
      break;
    }
    case "create_primary_key": {
      const columns = stringList$1(args.get("columns"), "create_primary_key columns");
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}PRIMARY KEY (${columnList(columns)})`
      );
      break;
    }
    case "drop_constraint":
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} DROP CONSTRAINT ${ifExists}${ident(args.string("constraint_name"))}`
      );
      break;
    case "rename_table":
      sql.push(
        `ALTER TABLE ${table(args.string("old_table_name"), schema)} RENAME TO ${ident(args.string("new_table_name"))}`
      );
      break;
    case "create_table_comment": {
      const comment = args.get("comment");
      if (comment?.kind !== "str") throw new Unanalyzable("create_table_comment with a non-literal comment");
      sql.push(`COMMENT ON TABLE ${tableSql("table_name")} IS ${literal(comment.value)}`);
      break;
    }
    case "drop_table_comment":
      sql.push(`COMMENT ON TABLE ${tableSql("table_name")} IS NULL`);
      break;
    case "create_exclude_constraint": {
      const elements = args.rest().map((element) => {
        if (element.kind !== "seq" || element.items.length !== 2) {
          throw new Unanalyzable("create_exclude_constraint element that is not a (column, operator) pair");
        }
        const [column, operator] = element.items;
        const columnSql2 = column ? identifierValue(column) ?? sqlFragment(column) : void 0;
        if (columnSql2 === void 0 || operator?.kind !== "str")
          throw new Unanalyzable("create_exclude_constraint element");
        return `${/^\w+$/.test(columnSql2) ? ident(columnSql2) : columnSql2} WITH ${operator.value}`;
      });
      const using = kwString(call, "using") ?? "gist";
      const where = sqlFragment(call.kwargs.get("where"));
      sql.push(
        `ALTER TABLE ${tableSql("table_name")} ADD ${constraintPrefix(args.optionalString("constraint_name"))}EXCLUDE USING ${using} (${elements.join(", ")})${where ? ` WHERE (${where})` : ""}`
      );
      break;
    }
  }
  return { sql, approximations };
}
function renderEnumDdl(enumCall, action, checkfirst) {
  const type = sqlalchemyTypeToPg(enumCall);
  if (!type?.enum)
    throw new Unanalyzable(`${dottedName(enumCall) || "type"}.${action}() on something that is not a named enum`);
  if (action === "drop") return `DROP TYPE ${checkfirst ? "IF EXISTS " : ""}${type.sql}`;
  if (type.enum.values === null) throw new Unanalyzable("enum .create() with values from a Python Enum class");
  return `CREATE TYPE ${type.sql} AS ENUM (${type.enum.values.map(literal).join(", ")})`;
}
function renderBulkInsert(call) {
  const args = new Args("bulk_insert", call, false);
  const tableValue = args.get("table");
  const tableCall = callTo(tableValue, "table", "Table");
  if (!tableCall) {
    throw new Unanalyzable(`op.bulk_insert into a table that is not a literal sa.table(...) (${describe(tableValue)})`);
  }
  const name = tableCall.args[0] ? identifierValue(tableCall.args[0]) : void 0;
  if (name === void 0) throw new Unanalyzable("op.bulk_insert table without a literal name");
  const schema = kwString(tableCall, "schema");
  const rows = args.get("rows");
  if (rows?.kind !== "seq") throw new Unanalyzable(`op.bulk_insert rows are not a literal list (${describe(rows)})`);
  if (rows.items.length === 0) return void 0;
  const columns = [];
  for (const row of rows.items) {
    if (row.kind !== "dict") throw new Unanalyzable("op.bulk_insert row that is not a literal dict");
    for (const entry of row.entries) {
      if (entry.key.kind !== "str") throw new Unanalyzable("op.bulk_insert row with a non-literal key");
      if (!columns.includes(entry.key.value)) columns.push(entry.key.value);
    }
  }
  const values = rows.items.map((row) => {
    const entries = row.kind === "dict" ? row.entries : [];
    return `(${columns.map((column) => {
      const value = entries.find((e) => e.key.kind === "str" && e.key.value === column)?.value;
      return value ? literalValue(value) : "DEFAULT";
    }).join(", ")})`;
  });
  return `INSERT INTO ${table(name, schema)} (${columnList(columns)}) VALUES ${values.join(", ")}`;
}
function literalValue(value) {
  switch (value.kind) {
    case "str":
      return literal(value.value);
    case "num":
      return value.text;
    case "bool":
      return value.value ? "true" : "false";
    case "none":
      return "NULL";
    default:
      throw new Unanalyzable(`op.bulk_insert value computed at run time (${describe(value)})`);
  }
}
function bindParamsToPositional(sql) {
  const numbers = /* @__PURE__ */ new Map();
  return sql.replace(/(?<![:\w\\]):(\w+)(?!:)/g, (_whole, name) => {
    if (!numbers.has(name)) numbers.set(name, numbers.size + 1);
    return `$${numbers.get(name)}`;
  }).replace(/\\:/g, ":");
}
function pyformatToPositional(sql) {
  let count = 0;
  const numbers = /* @__PURE__ */ new Map();
  return sql.replace(/%\((\w+)\)s|%s/g, (_whole, name) => {
    if (!name) return `$${++count}`;
    if (!numbers.has(name)) numbers.set(name, ++count);
    return `$${numbers.get(name)}`;
  }).replace(/%%/g, "%");
}
function renderCoreStatement(value) {
  const chain = [];
  let current = value;
  while (current?.kind === "call" && current.callee.kind === "member") {
    chain.unshift(current);
    current = current.callee.object;
  }
  const tableCall = callTo(current, "table", "Table");
  const tableName = tableCall?.args[0] ? identifierValue(tableCall.args[0]) : void 0;
  const [first, ...rest] = chain;
  if (!tableCall || tableName === void 0 || !first || first.callee.kind !== "member") return void 0;
  const schema = kwString(tableCall, "schema");
  const target = table(tableName, schema);
  const kind = first.callee.name;
  let parameter = 0;
  const valueSql = (item) => {
    if (item.kind === "str") return literal(item.value);
    if (item.kind === "num") return item.text;
    if (item.kind === "bool") return item.value ? "true" : "false";
    if (item.kind === "none") return "NULL";
    return `$${++parameter}`;
  };
  const assignments = [];
  let where = false;
  for (const step of [first, ...rest]) {
    const method = step.callee.kind === "member" ? step.callee.name : "";
    if (method === "values") {
      const dict = step.args[0];
      if (dict?.kind === "dict") {
        for (const entry of dict.entries) {
          if (entry.key.kind !== "str") return void 0;
          assignments.push([entry.key.value, valueSql(entry.value)]);
        }
      } else if (dict) {
        return void 0;
      }
      for (const [column, item] of step.kwargs) assignments.push([column, valueSql(item)]);
    } else if (method === "where" || method === "filter") {
      where = true;
    } else if (!["update", "insert", "delete", "select", "returning", "execution_options"].includes(method)) {
      return void 0;
    }
  }
  const condition = where ? ` WHERE $${++parameter}` : "";
  switch (kind) {
    case "update":
      if (assignments.length === 0) return void 0;
      return `UPDATE ${target} SET ${assignments.map(([c, v]) => `${ident(c)} = ${v}`).join(", ")}${condition}`;
    case "insert":
      if (assignments.length === 0) return void 0;
      return `INSERT INTO ${target} (${assignments.map(([c]) => ident(c)).join(", ")}) VALUES (${assignments.map(([, v]) => v).join(", ")})`;
    case "delete":
      return `DELETE FROM ${target}${condition}`;
    case "select":
      return `SELECT * FROM ${target}${condition}`;
    default:
      return void 0;
  }
}
const ENTITY_PARAMS = {
  PGExtension: ["schema", "signature"],
  PGFunction: ["schema", "signature", "definition"],
  PGProcedure: ["schema", "signature", "definition"],
  PGView: ["schema", "signature", "definition"],
  PGMaterializedView: ["schema", "signature", "definition", "with_data"],
  PGTrigger: ["schema", "signature", "on_entity", "definition", "is_constraint"],
  PGPolicy: ["schema", "signature", "on_entity", "definition"]
};
function renderEntity(method, entity) {
  const kind = lastName(entity);
  const params = ENTITY_PARAMS[kind];
  if (entity?.kind !== "call" || !params) {
    throw new Unanalyzable(`op.${method} of ${kind ? `an alembic_utils ${kind}` : describe(entity)}`);
  }
  const get = (name) => entity.kwargs.get(name) ?? entity.args[params.indexOf(name)];
  const text = (name) => {
    const value = get(name);
    if (value?.kind !== "str") throw new Unanalyzable(`${kind} with a non-literal ${name}`);
    return value.value;
  };
  const schema = ident(text("schema"));
  const signature = text("signature");
  const replace = method === "replace_entity";
  const create = replace ? "CREATE OR REPLACE" : "CREATE";
  const drop = method === "drop_entity";
  switch (kind) {
    case "PGExtension":
      return drop ? `DROP EXTENSION ${ident(signature)}` : `CREATE EXTENSION ${ident(signature)} WITH SCHEMA ${schema}`;
    case "PGFunction":
    case "PGProcedure": {
      const noun = kind === "PGFunction" ? "FUNCTION" : "PROCEDURE";
      return drop ? `DROP ${noun} ${schema}.${signature}` : `${create} ${noun} ${schema}.${signature} ${text("definition")}`;
    }
    case "PGView":
      return drop ? `DROP VIEW ${schema}.${signature}` : `${create} VIEW ${schema}.${signature} AS ${text("definition")}`;
    case "PGMaterializedView": {
      if (drop) return `DROP MATERIALIZED VIEW ${schema}.${signature}`;
      const withData = get("with_data");
      const data = withData?.kind === "bool" && !withData.value ? "WITH NO DATA" : "WITH DATA";
      return `CREATE MATERIALIZED VIEW ${schema}.${signature} AS ${text("definition")} ${data}`;
    }
    case "PGTrigger": {
      if (drop) return `DROP TRIGGER ${ident(signature)} ON ${text("on_entity")}`;
      const constraint = get("is_constraint");
      const prefix = replace ? "CREATE OR REPLACE" : "CREATE";
      return `${prefix}${constraint?.kind === "bool" && constraint.value ? " CONSTRAINT" : ""} TRIGGER ${ident(signature)} ${text("definition")}`;
    }
    default:
      if (drop) return `DROP POLICY ${ident(signature)} ON ${text("on_entity")}`;
      return `CREATE POLICY ${ident(signature)} ON ${text("on_entity")} ${text("definition")}`;
  }
}

const PARAMETERS = ["enum_schema", "enum_name", "new_values", "affected_columns", "enum_values_to_rename"];
const REFERENCE_FIELDS = ["table_name", "column_name", "table_schema", "column_type", "existing_server_default"];
const OPERATORS = [
  ["!=", "new_old_not_equals"],
  ["=", "new_old_equals"]
];
function argument(call, name) {
  return call.kwargs.get(name) ?? call.args[PARAMETERS.indexOf(name)];
}
function text(value, what) {
  if (value?.kind !== "str") throw new Unanalyzable(`op.sync_enum_values with a non-literal ${what}`);
  return value.value;
}
function strings(value, what) {
  if (value?.kind !== "seq") throw new Unanalyzable(`op.sync_enum_values with a non-literal ${what}`);
  return value.items.map((item) => text(item, what));
}
function reference(item, enumSchema) {
  if (item.kind === "seq") {
    const [table, column, type2] = item.items;
    return {
      table: text(table, "affected column"),
      column: text(column, "affected column"),
      schema: enumSchema,
      array: type2 !== void 0 && lastName(type2) === "ARRAY"
    };
  }
  if (item.kind !== "call" || lastName(item) !== "TableReference") {
    throw new Unanalyzable("op.sync_enum_values with an affected column that is not a literal TableReference");
  }
  const field = (name) => item.kwargs.get(name) ?? item.args[REFERENCE_FIELDS.indexOf(name)];
  const schema = field("table_schema");
  const type = field("column_type");
  const serverDefault = field("existing_server_default");
  return {
    table: text(field("table_name"), "table_name"),
    column: text(field("column_name"), "column_name"),
    schema: schema?.kind === "str" ? schema.value : schema?.kind === "none" ? "" : enumSchema,
    array: type !== void 0 && lastName(type) === "ARRAY",
    serverDefault: serverDefault?.kind === "str" ? serverDefault.value : null
  };
}
function renderSyncEnumValues(call) {
  const schema = text(argument(call, "enum_schema"), "enum_schema");
  const name = text(argument(call, "enum_name"), "enum_name");
  const values = strings(argument(call, "new_values"), "new_values");
  const affected = argument(call, "affected_columns");
  if (affected?.kind !== "seq") throw new Unanalyzable("op.sync_enum_values with non-literal affected_columns");
  const renames = argument(call, "enum_values_to_rename");
  const renamed = (renames?.kind === "seq" ? renames.items : []).map((pair) => {
    const [from, to] = pair.kind === "seq" ? pair.items : [];
    return [text(from, "enum_values_to_rename"), text(to, "enum_values_to_rename")];
  });
  const type = `${schema}.${name}`;
  const old = `${name}_old`;
  const approximations = [];
  const sql = [
    `ALTER TYPE ${type} RENAME TO ${old}`,
    `CREATE TYPE ${type} AS ENUM(${values.map((v) => `'${v}'`).join(", ")})`
  ];
  for (const [operator, fn] of OPERATORS) {
    const compared = renamed.length ? `CASE ${renamed.map(([from, to]) => `WHEN old_enum_val::text = '${from}' THEN '${to}'`).join(" ")} ELSE old_enum_val::text END` : "old_enum_val::text";
    sql.push(
      `CREATE FUNCTION ${fn}(new_enum_val ${type}, old_enum_val ${schema}.${old}) RETURNS boolean AS $$ SELECT new_enum_val::text ${operator} ${compared}; $$ LANGUAGE SQL IMMUTABLE`,
      `CREATE OPERATOR ${operator} (leftarg = ${type}, rightarg = ${schema}.${old}, procedure = ${fn})`
    );
  }
  for (const item of affected.items) {
    const ref = reference(item, schema);
    const table = ref.schema ? `${ref.schema}.${ref.table}` : ref.table;
    if (ref.serverDefault === void 0) {
      approximations.push(
        `op.sync_enum_values reads the default of ${table}.${ref.column} at run time; rendered as if it had none`
      );
    }
    if (ref.serverDefault) sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} DROP DEFAULT`);
    if (ref.array) {
      let cast = `${ref.column}::text[]`;
      for (const [from, to] of renamed) cast = `array_replace(${cast}, '${from}', '${to}')`;
      sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} TYPE ${type}[] USING ${cast}::${type}[]`);
    } else if (renamed.length) {
      const cases = renamed.map(([from, to]) => `WHEN ${ref.column}::text = '${from}' THEN '${to}'::${type}`).join(" ");
      sql.push(
        `ALTER TABLE ${table} ALTER COLUMN ${ref.column} TYPE ${type} USING CASE ${cases} ELSE ${ref.column}::text::${type} END`
      );
    } else {
      sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} TYPE ${type} USING ${ref.column}::text::${type}`);
    }
    if (ref.serverDefault) {
      let value = ref.serverDefault.includes("::") ? ref.serverDefault.slice(0, ref.serverDefault.indexOf("::")) : ref.serverDefault.slice(0, -1);
      for (const [from, to] of renamed)
        value = value.replaceAll(`'${from}'`, `'${to}'`).replaceAll(`"${from}"`, `"${to}"`);
      sql.push(`ALTER TABLE ${table} ALTER COLUMN ${ref.column} SET DEFAULT ${value}::${name}`);
    }
  }
  for (const [, fn] of OPERATORS) {
    sql.push(`DROP FUNCTION ${fn}(new_enum_val ${type}, old_enum_val ${schema}.${old}) CASCADE`);
  }
  sql.push(`DROP TYPE ${schema}.${old}`);
  return { sql, approximations };
}

const HANDLE_NOOPS = /* @__PURE__ */ new Set([
  "commit",
  "flush",
  "close",
  "rollback",
  "begin",
  "begin_nested",
  "connect",
  "expire_all",
  "expunge_all",
  "get_bind",
  "execution_options",
  "info"
]);
const OP_NOOPS = /* @__PURE__ */ new Set([
  "f",
  "get_bind",
  "get_context",
  "inline_literal",
  "implementation_for",
  "register_operation"
]);
class OperationRecorder {
  constructor(source, path, options, comments, touches) {
    this.source = source;
    this.path = path;
    this.options = options;
    this.comments = comments;
    this.touches = touches;
  }
  source;
  path;
  options;
  comments;
  touches;
  /** The body being read; set by the walker for `upgrade()` then `downgrade()`. */
  body;
  /** SQLAlchemy's memo for one migration run (upgrade or downgrade): enum types already created. */
  memo = { enums: /* @__PURE__ */ new Set() };
  approximations = /* @__PURE__ */ new Set();
  opCall(node, call, method, ctx) {
    if (OP_NOOPS.has(method)) {
      const handle = handleOf(call);
      return handle ? { kind: "handle", handle } : void 0;
    }
    if (method === "execute") {
      this.executeSql(node, call, `op.execute`, ctx, false);
      return void 0;
    }
    if (method === "create_entity" || method === "drop_entity" || method === "replace_entity") {
      const entity = call.args[0] ?? call.kwargs.get("entity");
      this.operation(node, call, `op.${method}`, ctx, () => ({
        sql: [renderEntity(method, entity)],
        approximations: []
      }));
      return void 0;
    }
    if (method === "sync_enum_values") {
      this.operation(node, call, "op.sync_enum_values", ctx, () => renderSyncEnumValues(call));
      return void 0;
    }
    if (method === "bulk_insert") {
      this.operation(node, call, "op.bulk_insert", ctx, () => {
        const sql = renderBulkInsert(call);
        return { sql: sql ? [sql] : [], approximations: [] };
      });
      return void 0;
    }
    if (!RENDERED_OPERATIONS.has(method)) {
      this.unanalyzed(node, ctx, `op.${method}`);
      return void 0;
    }
    this.operation(node, call, `op.${method}`, ctx, () => renderOperation(method, call, void 0, this.memo));
    if (method === "create_table") {
      return { ...call, callee: { kind: "ref", path: ["sqlalchemy", "table"] } };
    }
    return void 0;
  }
  batchCall(node, call, method, batch, ctx) {
    if (method === "f") return void 0;
    if (method === "execute") {
      this.executeSql(node, call, "batch_op.execute", ctx, false);
      return void 0;
    }
    if (!RENDERED_OPERATIONS.has(method)) {
      this.unanalyzed(node, ctx, `batch_op.${method}`);
      return void 0;
    }
    this.operation(node, call, `batch_op.${method}`, ctx, () => renderOperation(method, call, batch, this.memo), batch);
    return void 0;
  }
  handleCall(node, call, method, handle, ctx) {
    const label = handle === "session" ? "session" : "connection";
    if (HANDLE_NOOPS.has(method)) {
      return method === "connect" || method === "begin" ? { kind: "handle", handle } : void 0;
    }
    if (method === "execute" || method === "exec_driver_sql") {
      const text = sqlFragment(call.args[0]);
      const textCall = call.args[0]?.kind === "call" && ["text", "bindparams"].includes(lastName(call.args[0]));
      const core = renderCoreStatement(call.args[0]);
      if (text === void 0 && core === void 0 && handle === "session" && !textCall) {
        this.unanalyzed(node, ctx, `ORM session.execute(${dottedName(call.args[0]) || "expression"})`);
        return void 0;
      }
      this.executeSql(node, call, `${label}.${method}`, ctx, call.args.length > 1);
      return void 0;
    }
    this.unanalyzed(node, ctx, handle === "session" ? `ORM session.${method}` : `${label}.${method}`);
    return void 0;
  }
  /** `sa.Enum(...).create(op.get_bind())`, `postgresql.ENUM(...).drop(bind)`. */
  typeDdl(node, call, callee, ctx) {
    const bindArg = call.args[0] ?? call.kwargs.get("bind");
    if (!bindArg || !handleOf(bindArg)) {
      if (this.touches(node, ctx.scope)) this.unanalyzed(node, ctx, `call to \`${this.excerpt(node)}\``);
      return void 0;
    }
    const checkfirst = call.kwargs.get("checkfirst");
    const action = callee.name;
    this.operation(node, call, `${lastName(callee.object) || "type"}.${action}`, ctx, () => ({
      sql: [renderEnumDdl(callee.object, action, checkfirst?.kind === "bool" && checkfirst.value)],
      approximations: []
    }));
    return void 0;
  }
  executeSql(node, call, origin, ctx, driverParams) {
    const argument = call.args[0] ?? call.kwargs.get("sqltext") ?? call.kwargs.get("statement");
    const core = renderCoreStatement(argument);
    if (core !== void 0) {
      this.operation(node, call, origin, ctx, () => ({ sql: [core], approximations: [] }));
      return;
    }
    const fragment = sqlFragment(argument);
    if (fragment === void 0) {
      const inner = argument?.kind === "call" && ["text", "bindparams"].includes(lastName(argument)) ? textArgument(argument) : argument;
      const construct = inner?.kind === "unknown" ? `${origin} with ${inner.why}` : `${origin}(${sqlConstruct(argument)})`;
      this.unanalyzed(node, ctx, construct, call);
      return;
    }
    const sqlText = sqlForDriver(fragment, origin, argument, driverParams);
    const literalNode = argument?.kind === "str" ? argument.node : argument?.kind === "call" ? stringNode(argument) : void 0;
    const inside = literalNode && literalNode.from >= node.from && literalNode.to <= node.to ? literalNode : void 0;
    let lineOffset = 0;
    let firstColumn = 1;
    if (literalNode) {
      const start = this.source.position(literalContentStart(literalNode, this.source));
      lineOffset = start.line - 1;
      firstColumn = start.column;
    }
    const parsed = parseSql(sqlText, this.path, {
      lineOffset,
      ...this.options.templateVars ? { templateVars: this.options.templateVars } : {}
    });
    const span = this.source.span(node);
    const exactLines = inside !== void 0 && parsed.statements.length > 1;
    const statements = parsed.statements.map((statement) => {
      if (exactLines) {
        const onFirstLine = statement.span.line === lineOffset + 1;
        return {
          ...statement,
          span: {
            ...statement.span,
            column: onFirstLine ? statement.span.column + firstColumn - 1 : statement.span.column,
            endColumn: statement.span.endLine === lineOffset + 1 ? statement.span.endColumn + firstColumn - 1 : statement.span.endColumn
          }
        };
      }
      return { ...statement, span };
    });
    this.record(node, call, origin, ctx, statements, parsed.problems);
  }
  /** Renders one operation and records its statements, or records it as unanalysed. */
  operation(node, call, origin, ctx, render, batch) {
    let rendered;
    try {
      rendered = render();
    } catch (error) {
      if (!(error instanceof Unanalyzable)) throw error;
      this.unanalyzed(node, ctx, error.message, call, batch);
      return;
    }
    const span = this.source.span(node);
    const statements = [];
    const problems = [];
    for (const sql of rendered.sql) {
      const parsed = parseSql(
        sql,
        this.path,
        this.options.templateVars ? { templateVars: this.options.templateVars } : {}
      );
      statements.push(...parsed.statements.map((s) => ({ ...s, span })));
      problems.push(
        ...parsed.problems.map((p) => ({
          ...p,
          span,
          message: `${origin} renders to SQL PostgreSQL does not accept (${sql.slice(0, 80)}): ${p.message}`
        }))
      );
    }
    for (const approximation of rendered.approximations) {
      if (this.approximations.has(approximation)) continue;
      this.approximations.add(approximation);
      problems.push({
        rule: "unanalyzed-operation",
        severity: "info",
        path: this.path,
        span,
        message: `${origin}: ${approximation}; checks on columns of this type in this file are approximate`
      });
    }
    this.record(node, call, origin, ctx, statements, problems, batch);
  }
  record(node, call, origin, ctx, statements, problems, batch) {
    const span = this.source.span(node);
    const directives = [...ctx.ignores, ...this.directivesFor(span)];
    for (const statement of statements) {
      statement.origin = origin;
      statement.path = this.path;
      statement.ignores = [...directives, ...statement.ignores];
      if (ctx.autocommit) statement.autocommit = true;
      this.body.statements.push(statement);
    }
    this.body.problems.push(...problems);
    this.body.operations.push({
      origin,
      span,
      call,
      autocommit: ctx.autocommit,
      sql: statements.map((s) => s.sql),
      analyzed: true,
      ...batch ? { batch } : {}
    });
  }
  unanalyzed(node, ctx, construct, call, batch) {
    const span = this.source.span(node);
    if (this.body.operations.some((o) => !o.analyzed && o.span.line === span.line && o.construct === construct)) return;
    this.body.problems.push({
      rule: "unanalyzed-operation",
      severity: "info",
      path: this.path,
      span: { ...span, endLine: span.line, endColumn: span.column },
      message: `not analysed: ${construct}. db-migrate reads Alembic files without running them and cannot tell what SQL this runs`,
      fix: 'review it by hand, or write it as op.* calls or op.execute("<SQL>") so it can be checked'
    });
    this.body.operations.push({
      origin: construct,
      span,
      autocommit: ctx.autocommit,
      sql: [],
      analyzed: false,
      construct,
      ...call ? { call } : {},
      ...batch ? { batch } : {}
    });
  }
  /**
   * An `if` whose condition is known only at run time and whose branches reach
   * the database: the body is partially analysed and its replay stops here.
   */
  partial(node, condition, ctx) {
    const span = this.source.span(node);
    const reason = `\`if ${this.excerpt(condition)}\` depends on a value known only at run time`;
    this.body.partial = { line: span.line, reason };
    this.body.problems.push({
      rule: "unanalyzed-operation",
      severity: "info",
      path: this.path,
      span: { ...span, endLine: span.line, endColumn: span.column },
      message: `partially analysed: ${reason}; db-migrate does not guess which branch runs, so this revision's analysis and replay stop at line ${span.line}`,
      fix: "review the rest by hand, or decide the branch in SQL (e.g. a DO block or IF EXISTS) so it can be checked"
    });
    this.body.operations.push({
      origin: "if on a run-time value",
      span,
      autocommit: ctx.autocommit,
      sql: [],
      analyzed: false,
      construct: "if on a run-time value"
    });
  }
  /** `# db-migrate:ignore` on the call's lines or in the comment block right above it. */
  directivesFor(span) {
    const directives = [];
    for (let line = span.line; line <= span.endLine; line++) {
      const comment = this.comments.get(line);
      if (comment) directives.push(...parseIgnoreDirectives(comment, line));
    }
    return [...this.directivesAboveLine(span.line), ...directives];
  }
  directivesAbove(node) {
    return this.directivesAboveLine(this.source.position(node.from).line);
  }
  directivesAboveLine(line) {
    const directives = [];
    for (let above = line - 1; above >= 1; above--) {
      if (!this.source.lineText(above).trim().startsWith("#")) break;
      const comment = this.comments.get(above);
      if (comment) directives.push(...parseIgnoreDirectives(comment, above));
    }
    return directives;
  }
  excerpt(node) {
    const text = this.source.slice(node).replace(/\s+/g, " ").trim();
    return text.length > 60 ? `${text.slice(0, 57)}\u2026` : text;
  }
}
function handleOf(value) {
  if (!value) return void 0;
  if (value.kind === "handle") return value.handle === "batch" ? void 0 : value.handle;
  if (value.kind === "ref" && value.path.join(".") === "alembic.context") return "context";
  if (value.kind === "ref" && value.path.at(-2) === "db") {
    if (value.path.at(-1) === "session") return "session";
    if (value.path.at(-1) === "engine") return "bind";
  }
  if (value.kind === "member") {
    if (value.name === "connection" || value.name === "bind") return handleOf(value.object) ? "bind" : void 0;
    return void 0;
  }
  if (value.kind !== "call") return void 0;
  const name = dottedName(value.callee);
  if (name === "op.get_bind") return "bind";
  if (name === "op.get_context") return "context";
  const last = lastName(value);
  if (last === "Session" || last === "sessionmaker" || value.callee.kind === "call" && lastName(value.callee) === "sessionmaker") {
    return "session";
  }
  if (value.callee.kind === "member" && ["connect", "begin", "execution_options"].includes(value.callee.name)) {
    return handleOf(value.callee.object);
  }
  return void 0;
}
function sqlForDriver(sql, origin, argument, hasParams) {
  const toDriver = origin.endsWith("exec_driver_sql") || argument?.kind === "str" && origin.startsWith("connection.");
  if (toDriver) return hasParams ? pyformatToPositional(sql) : sql;
  return bindParamsToPositional(sql);
}
function textArgument(call) {
  if (call.callee.kind === "member" && call.callee.object.kind === "call") return textArgument(call.callee.object);
  return call.args[0];
}
function stringNode(call) {
  const inner = call.args[0];
  if (inner?.kind === "str") return inner.node;
  if (call.callee.kind === "member" && call.callee.object.kind === "call") return stringNode(call.callee.object);
  return void 0;
}
function sqlConstruct(value) {
  if (!value) return "no argument";
  const name = dottedName(value);
  if (value.kind === "call" && value.callee.kind === "member") {
    return `SQLAlchemy expression ${name.split(".").slice(-2).join(".")}(\u2026)`;
  }
  if (value.kind === "ref") return `variable \`${name}\``;
  return name ? `${name}(\u2026)` : value.kind;
}

const MAX_UNROLLED_ITEMS = 200;
const NO_DATABASE_MODULES = /* @__PURE__ */ new Set([
  "sqlalchemy",
  "alembic",
  "logging",
  "warnings",
  "time",
  "datetime",
  "json",
  "os",
  "sys",
  "re",
  "uuid",
  "textwrap",
  "pprint",
  "click",
  "rich",
  "typing"
]);
const REFLECTION = /* @__PURE__ */ new Set(["MetaData", "Table", "inspect", "reflect", "from_engine"]);
class BodyWalker {
  constructor(modules, operations) {
    this.modules = modules;
    this.operations = operations;
    this.source = modules.source;
  }
  modules;
  operations;
  touchCache = /* @__PURE__ */ new Map();
  source;
  readFunction(def) {
    this.operations.body = { found: def !== void 0, empty: true, statements: [], operations: [], problems: [] };
    this.operations.memo = { enums: /* @__PURE__ */ new Set() };
    const body = def?.getChild("Body");
    if (!def || !body) return this.operations.body;
    this.operations.body.span = this.source.span(def);
    this.operations.body.empty = isEmptyBody(body);
    this.walkBody(body, { scope: this.modules.moduleScope.child(), autocommit: false, ignores: [], depth: 0 });
    return this.operations.body;
  }
  walkBody(body, ctx) {
    for (const statement of children(body)) {
      if (this.operations.body.partial || this.statement(statement, ctx) === "return") return;
    }
  }
  statement(node, ctx) {
    switch (node.name) {
      case ":":
      case "Comment":
      case "PassStatement":
      case "BreakStatement":
      case "ContinueStatement":
      case "GlobalStatement":
      case "NonlocalStatement":
        return void 0;
      case "ImportStatement":
        bindImport(node, this.source, ctx.scope, this.modules.importer);
        return void 0;
      case "StatementGroup":
        for (const child of children(node)) {
          if (this.operations.body.partial) return void 0;
          if (this.statement(child, ctx) === "return") return "return";
        }
        return void 0;
      case "ExpressionStatement": {
        const expression = node.firstChild;
        if (!expression || expression.name === "String" || expression.name === "ContinuedString") return void 0;
        if (expression.name === "CallExpression") this.call(expression, ctx, true);
        else if (this.touchesDatabase(expression, ctx.scope))
          this.operations.unanalyzed(node, ctx, `expression \`${this.excerpt(node)}\``);
        return void 0;
      }
      case "AssignStatement":
        this.assignment(node, ctx);
        return void 0;
      case "UpdateStatement":
        if (this.touchesDatabase(node, ctx.scope))
          this.operations.unanalyzed(node, ctx, `augmented assignment \`${this.excerpt(node)}\``);
        return void 0;
      case "WithStatement":
        this.withStatement(node, ctx);
        return void 0;
      case "IfStatement":
        return this.ifStatement(node, ctx);
      case "ForStatement":
        this.forStatement(node, ctx);
        return void 0;
      case "TryStatement":
        for (const child of children(node)) if (child.name === "Body") this.walkBody(child, ctx);
        return void 0;
      case "FunctionDefinition":
      case "DecoratedStatement": {
        const def = node.name === "FunctionDefinition" ? node : node.getChild("FunctionDefinition");
        const name = def?.getChild("VariableName");
        if (def && name) ctx.scope.set(this.source.slice(name), { kind: "function", node: def, scope: ctx.scope });
        return void 0;
      }
      case "ReturnStatement": {
        const value = children(node).find((c) => c.name !== "return");
        if (value?.name === "CallExpression") this.call(value, ctx);
        else if (value && this.touchesDatabase(value, ctx.scope))
          this.operations.unanalyzed(node, ctx, "return of a database value");
        return "return";
      }
      default:
        if (this.touchesDatabase(node, ctx.scope)) {
          const construct = node.name === "WhileStatement" ? "while loop" : `${node.name} \`${this.excerpt(node)}\``;
          this.operations.unanalyzed(node, ctx, construct);
        }
        return void 0;
    }
  }
  assignment(node, ctx) {
    const { targets, value: written } = assignmentParts(node, this.source);
    if (!written) return;
    const value = unwrapParentheses(written);
    let bound;
    const truth = dialectTruth(value, this.source, ctx.scope);
    if (truth !== void 0) {
      bound = { kind: "bool", value: truth };
    } else if (value.name === "CallExpression" && this.touchesDatabase(value, ctx.scope)) {
      bound = this.call(value, ctx) ?? { kind: "unknown", text: this.source.slice(value), why: "database result" };
    } else {
      const evaluated = evaluate(value, this.source, ctx.scope);
      const handle = handleOf(evaluated);
      bound = handle ? { kind: "handle", handle } : evaluated;
      if (!handle && this.touchesDatabase(value, ctx.scope)) {
        this.operations.unanalyzed(node, ctx, `assignment \`${this.excerpt(node)}\``);
      }
    }
    for (const target of targets) ctx.scope.set(target, bound);
  }
  withStatement(node, ctx) {
    const inner = { ...ctx, ignores: [...ctx.ignores, ...this.operations.directivesAbove(node)] };
    const parts = children(node);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.name === "with" || part.name === "," || part.name === "Body" || part.name === "as") continue;
      const alias = parts[i + 1]?.name === "as" ? parts[i + 2] : void 0;
      if (alias) i += 2;
      const value = evaluate(part, this.source, ctx.scope);
      if (value.kind !== "call") continue;
      const name = dottedName(value.callee);
      if (name === "op.batch_alter_table") {
        const table = value.kwargs.get("table_name") ?? value.args[0];
        const schema = value.kwargs.get("schema");
        const recreate = value.kwargs.get("recreate");
        if (table?.kind !== "str") {
          this.operations.unanalyzed(part, ctx, "op.batch_alter_table on a non-literal table");
          continue;
        }
        const batch = {
          table: table.value,
          ...schema?.kind === "str" ? { schema: schema.value } : {},
          ...recreate?.kind === "str" ? { recreate: recreate.value } : {}
        };
        if (alias) ctx.scope.set(this.source.slice(alias), { kind: "handle", handle: "batch", batch });
      } else if (lastName(value) === "autocommit_block") {
        inner.autocommit = true;
      } else {
        const handle = handleOf(value);
        if (handle && alias) ctx.scope.set(this.source.slice(alias), { kind: "handle", handle });
      }
    }
    const body = node.getChild("Body");
    if (body) this.walkBody(body, inner);
  }
  ifStatement(node, ctx) {
    const parts = children(node);
    let branchesWalked = 0;
    let returned = 0;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.name === "if" || part.name === "elif") {
        const condition = parts[i + 1];
        const body = parts[i + 2];
        i += 2;
        if (!condition || body?.name !== "Body") continue;
        const truth = conditionTruth(condition, this.source, ctx.scope);
        if (truth === false) continue;
        if (truth === void 0 && this.branchesTouch(parts.slice(i), ctx)) {
          const tested = unwrapParentheses(
            condition.name === "UnaryExpression" ? children(condition)[1] ?? condition : condition
          );
          if (tested.name === "CallExpression" && this.touchesDatabase(tested, ctx.scope)) this.call(tested, ctx);
          this.operations.partial(node, condition, ctx);
          return void 0;
        }
        branchesWalked++;
        if (this.walkBodyReturns(body, ctx)) returned++;
        if (truth === true) return returned === branchesWalked ? "return" : void 0;
      } else if (part.name === "else") {
        const body = parts[i + 1];
        i += 1;
        if (body?.name !== "Body") continue;
        branchesWalked++;
        if (this.walkBodyReturns(body, ctx)) returned++;
        return returned === branchesWalked ? "return" : void 0;
      }
    }
    return void 0;
  }
  /** Whether this branch or a later one of the same `if` can reach the database. */
  branchesTouch(rest, ctx) {
    return rest.some((part) => part.name === "Body" && this.touchesDatabase(part, ctx.scope));
  }
  /** Walks a body and tells whether it ends in an unconditional return. */
  walkBodyReturns(body, ctx) {
    for (const statement of children(body)) {
      if (this.operations.body.partial) return false;
      if (this.statement(statement, ctx) === "return") return true;
    }
    return false;
  }
  forStatement(node, ctx) {
    const parts = children(node);
    const inIndex = parts.findIndex((p) => p.name === "in");
    const body = node.getChild("Body");
    if (inIndex === -1 || !body) return;
    const targets = parts.slice(1, inIndex).filter((p) => p.name !== ",");
    const iterableNode = parts[inIndex + 1];
    const iterable = iterableNode ? evaluate(iterableNode, this.source, ctx.scope) : void 0;
    if (iterableNode?.name === "CallExpression" && this.touchesDatabase(iterableNode, ctx.scope)) {
      this.call(iterableNode, ctx);
    }
    const items = iterable ? literalItems(iterable) : void 0;
    if (!this.touchesDatabase(body, ctx.scope)) return;
    const names = targets.flatMap(
      (t) => t.name === "TupleExpression" || t.name === "ParenthesizedExpression" ? children(t).filter((c) => c.name === "VariableName") : [t]
    );
    if (!items || items.length > MAX_UNROLLED_ITEMS) {
      for (const name of names) {
        ctx.scope.set(this.source.slice(name), {
          kind: "unknown",
          text: this.source.slice(name),
          why: "loop variable"
        });
      }
      this.walkBody(body, ctx);
      return;
    }
    for (const item of items) {
      if (names.length === 1) {
        ctx.scope.set(this.source.slice(names[0]), item);
      } else {
        const values = item.kind === "seq" ? item.items : [];
        names.forEach((name, index) => {
          ctx.scope.set(
            this.source.slice(name),
            values[index] ?? { kind: "unknown", text: this.source.slice(name), why: "loop unpacking" }
          );
        });
      }
      this.walkBody(body, ctx);
    }
  }
  /** Handles a call in statement position. Returns the value it binds when assigned (a table, a handle). */
  call(node, ctx, statementLevel = false) {
    const value = evaluate(node, this.source, ctx.scope);
    if (value.kind !== "call") return void 0;
    const callee = value.callee;
    const name = dottedName(callee);
    const created = handleOf(value);
    if (created) return { kind: "handle", handle: created };
    if (REFLECTION.has(lastName(value))) return value;
    if (callee.kind === "ref") {
      const path = callee.path[0] === "alembic" && callee.path[1] === "op" ? callee.path.slice(1) : callee.path;
      if (path[0] === "op" && path.length === 2) return this.operations.opCall(node, value, path[1], ctx);
    }
    if (callee.kind === "ref" && callee.path.length > 1) {
      const imported = handleOf({ kind: "ref", path: callee.path.slice(0, -1) });
      if (imported) return this.operations.handleCall(node, value, callee.path.at(-1), imported, ctx);
    }
    if (callee.kind === "member") {
      const handle = callee.object.kind === "handle" ? callee.object : void 0;
      const implicit = handle ? void 0 : handleOf(callee.object);
      const kind = handle?.handle ?? implicit;
      if (kind === "batch" && handle?.batch)
        return this.operations.batchCall(node, value, callee.name, handle.batch, ctx);
      if (kind) return this.operations.handleCall(node, value, callee.name, kind, ctx);
      if (callee.name === "create" || callee.name === "drop") return this.operations.typeDdl(node, value, callee, ctx);
      const objectNode = node.firstChild?.firstChild;
      if (objectNode?.name === "CallExpression" && this.touchesDatabase(objectNode, ctx.scope)) {
        this.call(objectNode, ctx);
        return void 0;
      }
    }
    const target = callee.kind === "function" ? callee : void 0;
    if (target) {
      this.inline(node, value, target, ctx);
      return void 0;
    }
    if (this.touchesDatabase(node, ctx.scope)) {
      this.operations.unanalyzed(node, ctx, `call to \`${name || this.excerpt(node)}\``);
    } else if (statementLevel && callee.kind === "ref" && callee.path.length > 1 && !NO_DATABASE_MODULES.has(callee.path[0])) {
      this.operations.unanalyzed(node, ctx, `call to imported \`${name}\` (its body is in another file)`);
    }
    return void 0;
  }
  inline(node, call, fn, ctx) {
    const body = fn.node.getChild("Body");
    if (!body) return;
    const scope = fn.scope.child();
    const params = children(fn.node.getChild("ParamList") ?? fn.node).filter((p) => p.name !== "(" && p.name !== ")");
    let position = 0;
    for (let i = 0; i < params.length; i++) {
      const param = params[i];
      if (param.name !== "VariableName") continue;
      const paramName = this.source.slice(param);
      const annotated = params[i + 1]?.name === "TypeDef" ? 1 : 0;
      const defaultNode = params[i + 1 + annotated]?.name === "AssignOp" ? params[i + 2 + annotated] : void 0;
      const given = call.kwargs.get(paramName) ?? call.args[position];
      position++;
      const handle = given ? handleOf(given) : void 0;
      if (given) scope.set(paramName, handle ? { kind: "handle", handle } : given);
      else if (defaultNode) scope.set(paramName, evaluate(defaultNode, this.source, fn.scope));
      i += annotated + (defaultNode ? 2 : 0);
    }
    if (!this.touchesDatabase(body, scope)) return;
    if (ctx.depth >= MAX_INLINE_DEPTH || call.spread) {
      const name = this.source.slice(fn.node.getChild("VariableName") ?? fn.node);
      this.operations.unanalyzed(
        node,
        ctx,
        `call to helper \`${name}\` (${call.spread ? "*args" : "nested too deep"})`
      );
      return;
    }
    const ignores = [...ctx.ignores, ...this.operations.directivesFor(this.source.span(node))];
    this.walkBody(body, { ...ctx, scope, depth: ctx.depth + 1, ignores });
  }
  /**
   * Whether an expression can reach the database: it names `op`, a
   * connection/session/batch handle, or a helper function that does.
   */
  touchesDatabase(node, scope) {
    if (node.name === "MemberExpression") {
      const value = evaluate(node, this.source, scope);
      if (value.kind === "dialect") return false;
      if (handleOf(value)) return true;
    }
    if (node.name === "VariableName") {
      const name = this.source.slice(node);
      const value = scope.get(name);
      if (name === "op" && !value || value?.kind === "ref" && value.path[0] === "op") return true;
      if (value?.kind === "handle") return true;
      return value?.kind === "function" && this.functionTouches(value);
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (this.touchesDatabase(child, scope)) return true;
    }
    return false;
  }
  functionTouches(fn) {
    const cached = this.touchCache.get(fn.node.from);
    if (cached !== void 0) return cached;
    this.touchCache.set(fn.node.from, false);
    const body = fn.node.getChild("Body");
    const result = body ? this.touchesDatabase(body, fn.scope) : false;
    this.touchCache.set(fn.node.from, result);
    return result;
  }
  excerpt(node) {
    const text = this.source.slice(node).replace(/\s+/g, " ").trim();
    return text.length > 60 ? `${text.slice(0, 57)}\u2026` : text;
  }
}
function literalItems(value) {
  if (value.kind === "seq") return value.items;
  if (value.kind === "dict") return value.entries.map((e) => e.key);
  if (value.kind === "call" && value.callee.kind === "member" && value.callee.object.kind === "dict") {
    const entries = value.callee.object.entries;
    if (value.callee.name === "items") return entries.map((e) => ({ kind: "seq", items: [e.key, e.value] }));
    if (value.callee.name === "keys") return entries.map((e) => e.key);
    if (value.callee.name === "values") return entries.map((e) => e.value);
  }
  return void 0;
}
function isEmptyBody(body) {
  return children(body).every(
    (statement) => statement.name === ":" || statement.name === "Comment" || statement.name === "PassStatement" || statement.name === "ExpressionStatement" && (statement.firstChild?.name === "String" || statement.firstChild?.name === "ContinuedString")
  );
}

const FILE_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
function readIdentifiers(scan, path) {
  const { assigned, header } = scan;
  const problems = [];
  const revisionEntry = assigned.get("revision");
  const downEntry = assigned.get("down_revision");
  const revision = revisionEntry?.value.kind === "str" ? revisionEntry.value.value : null;
  const revisionSpan = revisionEntry?.span ?? FILE_START;
  if (!revisionEntry) {
    problems.push(
      chainProblem(
        path,
        FILE_START,
        'no `revision = "\u2026"` assignment: Alembic cannot place this file in the revision graph'
      )
    );
  } else if (revision === null) {
    problems.push(chainProblem(path, revisionSpan, "`revision` is not a string literal"));
  } else if (header.revisionId && header.revisionId !== revision) {
    problems.push(
      chainProblem(
        path,
        revisionSpan,
        `revision \`${revision}\` differs from the docstring's \`Revision ID: ${header.revisionId}\` (a copied file?)`
      )
    );
  }
  let downRevisions = [];
  if (!downEntry) {
    problems.push(
      chainProblem(
        path,
        revisionSpan,
        "no `down_revision` assignment: Alembic needs it to order this revision (use `down_revision = None` for the first one)"
      )
    );
  } else {
    const list = stringList(downEntry.value);
    if (list === null)
      problems.push(chainProblem(path, downEntry.span, "`down_revision` is not a string, tuple of strings or None"));
    downRevisions = list ?? [];
  }
  const fileName = path.split("/").pop() ?? path;
  return {
    revision,
    downRevisions,
    hasDownRevision: downEntry !== void 0,
    branchLabels: stringList(assigned.get("branch_labels")?.value) ?? [],
    dependsOn: stringList(assigned.get("depends_on")?.value) ?? [],
    name: header.message || slugName(fileName, revision),
    revisionSpan,
    ...downEntry ? { downRevisionSpan: downEntry.span } : {},
    problems
  };
}
function chainProblem(path, span, message) {
  return {
    rule: "broken-revision-chain",
    severity: "error",
    path,
    span,
    message,
    fix: "make `revision`, `down_revision` and the docstring header agree with the revision graph"
  };
}
function stringList(value) {
  if (!value || value.kind === "none") return [];
  if (value.kind === "str") return [value.value];
  if (value.kind === "seq" && value.items.every((i) => i.kind === "str")) {
    return value.items.map((i) => i.value);
  }
  return null;
}
function readHeader(doc) {
  const header = {};
  const lines = doc.split("\n").map((l) => l.trim());
  const message = lines.find((l) => l.length > 0);
  if (message && !/^(Revision ID|Revises|Create Date):/.test(message)) header.message = message;
  for (const line of lines) {
    const match = /^(Revision ID|Revises|Create Date):\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2].trim();
    if (match[1] === "Revision ID") header.revisionId = value;
    else if (match[1] === "Revises") header.revises = value;
    else header.createDate = value;
  }
  return header;
}
function slugName(fileName, revision) {
  let stem = fileName.replace(/\.py$/, "");
  if (revision && stem.includes(revision)) stem = stem.slice(stem.indexOf(revision) + revision.length);
  return stem.replace(/^[\W_]+/, "").replace(/_/g, " ").trim() || fileName;
}

const MAX_MODULE_DEPTH = 3;
class ModuleReader {
  constructor(source, path, options, context = { depth: 0, cache: /* @__PURE__ */ new Map(), isPackage: false }) {
    this.source = source;
    this.path = path;
    this.options = options;
    this.context = context;
    this.moduleScope.resolver = (path2) => path2.length > 1 ? this.imported(path2.slice(0, -1), 0, path2.at(-1)) : void 0;
  }
  source;
  path;
  options;
  context;
  moduleScope = new Scope();
  scanModule() {
    const { source } = this;
    const scan = { assigned: /* @__PURE__ */ new Map(), functions: /* @__PURE__ */ new Map(), header: {}, scope: this.moduleScope };
    const top = children(source.tree.topNode);
    const docIndex = firstStatementIndex(top);
    for (const [index, node] of top.entries()) {
      if (node.name === "ExpressionStatement" && index === docIndex) {
        const doc = node.firstChild;
        const value = doc ? evaluate(doc, source, this.moduleScope) : void 0;
        if (value?.kind === "str") scan.header = readHeader(value.value);
      } else if (node.name === "ImportStatement") {
        bindImport(node, source, this.moduleScope, this.importer);
      } else if (node.name === "AssignStatement") {
        const { targets, value } = assignmentParts(node, source);
        if (!value) continue;
        const evaluated = evaluate(value, source, this.moduleScope);
        for (const target of targets) {
          this.moduleScope.set(target, evaluated);
          scan.assigned.set(target, { value: evaluated, span: source.span(node) });
        }
      } else if (node.name === "DecoratedStatement" && node.getChild("ClassDefinition")) {
        this.bindClass(node.getChild("ClassDefinition"));
      } else if (node.name === "FunctionDefinition" || node.name === "DecoratedStatement") {
        const def = node.name === "FunctionDefinition" ? node : node.getChild("FunctionDefinition");
        const name = def?.getChild("VariableName");
        if (def && name) {
          scan.functions.set(source.slice(name), def);
          this.moduleScope.set(source.slice(name), { kind: "function", node: def, scope: this.moduleScope });
        }
      } else if (node.name === "ClassDefinition") {
        this.bindClass(node);
      }
    }
    return scan;
  }
  /**
   * A name imported from a module of the repository (given in options.modules):
   * its literal value, a class's literal attributes (`User.__tablename__`).
   * Functions and anything computed stay references.
   */
  /** The resolver `bindImport` takes for imports in this module and its functions. */
  importer = (module, dots, name) => this.imported(module, dots, name);
  imported(module, dots, name) {
    const modules = this.options.modules;
    if (!modules || this.context.depth >= MAX_MODULE_DEPTH) return void 0;
    const absolute = absoluteModule(module, dots, this.context.name, this.context.isPackage);
    if (absolute === void 0) return void 0;
    const exported = this.context.cache.get(absolute) ?? this.scanImportedModule(absolute);
    const value = exported?.get(name);
    if (!value) return void 0;
    if (["str", "num", "bool", "seq", "dict", "object"].includes(value.kind)) return value;
    if (value.kind === "ref" && value.path[0]?.startsWith("sqlalchemy")) return value;
    return value.kind === "call" && sqlalchemyTypeToPg(value) ? value : void 0;
  }
  scanImportedModule(name) {
    const module = this.options.modules?.get(name);
    if (!module) return void 0;
    this.context.cache.set(name, new Scope());
    const reader = new ModuleReader(new PySource(module.text), module.path, this.options, {
      name,
      isPackage: module.path.endsWith("__init__.py"),
      depth: this.context.depth + 1,
      cache: this.context.cache
    });
    const scope = reader.scanModule().scope;
    this.context.cache.set(name, scope);
    return scope;
  }
  /**
   * Classes defined in the file: `class GUID(TypeDecorator): impl = CHAR` stands
   * for its `impl` type; any other class keeps its literal attributes
   * (`__tablename__ = "users"`) and annotated fields (dataclass order).
   */
  bindClass(node) {
    const name = node.getChild("VariableName");
    const body = node.getChild("Body");
    if (!name || !body) return;
    const attrs = /* @__PURE__ */ new Map();
    const fields = [];
    let impl;
    for (const statement of children(body)) {
      const method = statement.name === "FunctionDefinition" ? this.source.slice(statement.getChild("VariableName") ?? statement) : "";
      if (method === "load_dialect_impl") {
        const chosen = this.postgresReturn(statement.getChild("Body"), this.dialectScope(statement));
        if (chosen) impl = chosen;
        continue;
      }
      if (method === "get_col_spec") {
        const spec = this.literalReturn(statement.getChild("Body"));
        if (spec) attrs.set(COL_SPEC, spec);
        continue;
      }
      if (statement.name !== "AssignStatement") continue;
      const { targets, value } = assignmentParts(statement, this.source);
      const annotated = children(statement).find((c) => c.name === "VariableName");
      if (!value && annotated && statement.getChild("TypeDef")) fields.push(this.source.slice(annotated));
      if (!value) continue;
      const evaluated = evaluate(value, this.source, this.moduleScope);
      if (targets[0] === "impl") impl ??= evaluated;
      for (const target of targets) attrs.set(target, evaluated);
    }
    impl ??= this.typeBase(node.getChild("ArgList"));
    if (impl && (impl.kind === "ref" || impl.kind === "call")) this.moduleScope.set(this.source.slice(name), impl);
    else this.moduleScope.set(this.source.slice(name), { kind: "object", attrs, fields, instance: false });
  }
  /** The first base class that is itself a SQL type (a TypeDecorator of the project, a SQLAlchemy type). */
  typeBase(bases) {
    for (const base of bases ? children(bases) : []) {
      if (base.name === "(" || base.name === ")" || base.name === ",") continue;
      const value = evaluate(base, this.source, this.moduleScope);
      if ((value.kind === "ref" || value.kind === "call") && sqlalchemyTypeToPg(value)) return value;
      if (value.kind === "object" && value.attrs.has(COL_SPEC)) return value;
    }
    return void 0;
  }
  /** A method body's `return "literal"`. */
  literalReturn(body) {
    for (const statement of body ? children(body) : []) {
      if (statement.name !== "ReturnStatement") continue;
      const value = children(statement).find((c) => c.name !== "return");
      const returned = value ? evaluate(value, this.source, this.moduleScope) : void 0;
      return returned?.kind === "str" ? returned : void 0;
    }
    return void 0;
  }
  /** In `load_dialect_impl`, the type returned on PostgreSQL: `return dialect.type_descriptor(UUID())`. */
  /** `def load_dialect_impl(self, dialect)`: `dialect.name` is the dialect's name. */
  dialectScope(method) {
    const scope = this.moduleScope.child();
    const params = children(method.getChild("ParamList") ?? method).filter((p) => p.name === "VariableName");
    const dialect = params[1];
    if (dialect) {
      const attrs = /* @__PURE__ */ new Map([["name", { kind: "dialect" }]]);
      scope.set(this.source.slice(dialect), { kind: "object", attrs, fields: [], instance: true });
    }
    return scope;
  }
  postgresReturn(body, scope) {
    for (const statement of body ? children(body) : []) {
      if (statement.name === "ReturnStatement") {
        const value = children(statement).find((c) => c.name !== "return");
        const returned = value ? evaluate(value, this.source, scope) : void 0;
        const descriptor = returned?.kind === "call" && lastName(returned) === "type_descriptor" ? returned.args[0] : returned;
        return descriptor?.kind === "call" || descriptor?.kind === "ref" ? descriptor : void 0;
      }
      if (statement.name !== "IfStatement") continue;
      const parts = children(statement);
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const isCondition = part.name === "if" || part.name === "elif";
        const condition = isCondition ? parts[i + 1] : void 0;
        const branch = isCondition ? parts[i + 2] : part.name === "else" ? parts[i + 1] : void 0;
        if (branch?.name !== "Body") continue;
        if (condition && dialectTruth(condition, this.source, scope) !== true) continue;
        return this.postgresReturn(branch, scope);
      }
    }
    return void 0;
  }
}
function absoluteModule(module, dots, current, isPackage) {
  if (dots === 0) return module.join(".");
  if (!current) return void 0;
  const base = current.split(".");
  const up = isPackage ? dots - 1 : dots;
  if (up > base.length) return void 0;
  return [...base.slice(0, base.length - up), ...module].join(".");
}
function firstStatementIndex(nodes) {
  return nodes.findIndex((n) => n.name !== "Comment");
}

function parseAlembicFile(text, path, options = {}) {
  const source = new PySource(text);
  const problems = [];
  const error = source.firstError();
  if (error) {
    const at = source.position(error.from);
    problems.push({
      rule: "parse-error",
      severity: "error",
      path,
      span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column },
      message: `Python syntax error at line ${at.line}, column ${at.column}: Alembic cannot import this revision; what could be read is still analysed`,
      fix: "fix the syntax (run `python -m py_compile` on the file)"
    });
  }
  const comments = /* @__PURE__ */ new Map();
  source.tree.iterate({
    enter: (ref) => {
      if (ref.name === "Comment") comments.set(source.position(ref.from).line, source.slice(ref));
    }
  });
  const modules = new ModuleReader(source, path, options);
  const scan = modules.scanModule();
  const { problems: headerProblems, ...identifiers } = readIdentifiers(scan, path);
  problems.push(...headerProblems);
  let walker;
  const operations = new OperationRecorder(
    source,
    path,
    options,
    comments,
    (node, scope) => walker.touchesDatabase(node, scope)
  );
  walker = new BodyWalker(modules, operations);
  const upgrade = walker.readFunction(scan.functions.get("upgrade"));
  const downgrade = walker.readFunction(scan.functions.get("downgrade"));
  return { path, ...identifiers, header: scan.header, upgrade, downgrade, problems };
}

const REVISION_FILE = /(^|\/)(?!\.#|__init__)[^/]+\.py$/;
async function loadAlembic(project, files, options) {
  return (await loadAlembicRevisions(project, files, options)).map((file) => file.migration);
}
async function loadAlembicRevisions(project, files, options) {
  const settings = await readSettings(project, files);
  const transactional = options.transactional !== false && project.transactional !== false && settings.transactional;
  const excluded = excludeMatcher(options.exclude);
  const prefix = project.folder ? `${project.folder.replace(/\/$/, "")}/` : "";
  const paths = (await files.list(project.folder)).filter((path) => {
    const relative = path.slice(prefix.length);
    if (!REVISION_FILE.test(relative) || relative.includes("__pycache__/") || excluded(path)) return false;
    return settings.recursive || !relative.includes("/");
  });
  const modules = new ModuleIndex(files, moduleRoots(project));
  const loaded = [];
  for (const path of paths) {
    const read = await readText(files, path, options);
    const fileId = path.split("/").pop()?.replace(/\.py$/, "") ?? path;
    const shell = {
      id: fileId,
      name: fileId,
      path,
      tool: "alembic",
      convention: "alembic",
      parents: [],
      order: "",
      transactional,
      statements: [],
      down: null,
      problems: read.problems,
      ...read.checksum ? { checksum: read.checksum } : {}
    };
    if (read.text === null) {
      loaded.push({ migration: shell, revision: null });
      continue;
    }
    try {
      await modules.collect(read.text);
      const revision = parseAlembicFile(read.text, path, {
        modules: modules.modules,
        ...options.templateVars ? { templateVars: options.templateVars } : {}
      });
      loaded.push({ migration: toMigration(shell, revision, transactional), revision });
    } catch (error) {
      shell.problems.push({
        rule: "unanalyzed-operation",
        severity: "warning",
        path,
        span: FILE_START$1,
        message: `db-migrate failed while reading this revision (${error instanceof Error ? error.message : String(error)}); it was not analysed`,
        fix: "please report this file's shape to db-migrate"
      });
      loaded.push({ migration: shell, revision: null });
    }
  }
  const byMigration = new Map(loaded.map((file) => [file.migration, file]));
  return orderByGraph(loaded.map((file) => file.migration)).map(
    (migration) => byMigration.get(migration)
  );
}
function toMigration(shell, revision, transactional) {
  const inTransaction = (statement) => ({
    ...statement,
    inTransaction: transactional && !statement.autocommit
  });
  const migration = {
    ...shell,
    id: revision.revision ?? shell.id,
    name: revision.name,
    parents: revision.downRevisions,
    parentsSpan: revision.downRevisionSpan ?? revision.revisionSpan,
    statements: revision.upgrade.statements.map(inTransaction),
    down: revision.downgrade.found ? {
      path: revision.path,
      statements: revision.downgrade.statements.map(inTransaction),
      empty: revision.downgrade.empty,
      ...revision.downgrade.span ? { span: revision.downgrade.span } : {},
      problems: revision.downgrade.problems
    } : null,
    problems: [...shell.problems, ...revision.problems, ...revision.upgrade.problems],
    ...revision.upgrade.partial ? { partial: revision.upgrade.partial } : {}
  };
  if (revision.branchLabels.length > 0) migration.branchLabels = revision.branchLabels;
  if (revision.dependsOn.length > 0) migration.dependsOn = revision.dependsOn;
  if (!revision.upgrade.found) {
    migration.problems.push({
      rule: "unanalyzed-operation",
      severity: "info",
      path: shell.path,
      span: revision.revisionSpan,
      message: "no module-level `def upgrade()`: nothing in this revision could be analysed"
    });
  }
  return migration;
}
async function readSettings(project, files) {
  const settings = { transactional: true, recursive: false };
  for (const path of project.files) {
    const bytes = await files.read(path);
    if (!bytes) continue;
    const code = bytes.toString("utf8").split("\n").map((line) => line.replace(/(^|\s)[#;].*$/, "")).join("\n");
    if (path.endsWith(".py")) {
      if (/transactional_ddl\s*=\s*False/.test(code) || /isolation_level\s*=\s*["']AUTOCOMMIT["']/.test(code)) {
        settings.transactional = false;
      }
    } else if (/recursive_version_locations\s*=\s*(true|True|1|yes)/.test(code)) {
      settings.recursive = true;
    }
  }
  return settings;
}
function orderByGraph(migrations) {
  return alembicUpgradeOrder(migrations);
}
const MAX_MODULE_BYTES = 1024 * 1024;
const MAX_MODULES = 200;
const IMPORT = /^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+import\b|import[ \t]+([\w.]+))/gm;
function moduleRoots(project) {
  const dirs = ["", ...project.files.map((file) => file.split("/").slice(0, -1).join("/"))];
  const roots = dirs.flatMap((dir) => {
    const base = dir ? `${dir}/` : "";
    return [base, `${base}src/`];
  });
  return [...new Set(roots)];
}
class ModuleIndex {
  constructor(files, roots) {
    this.files = files;
    this.roots = roots;
  }
  files;
  roots;
  modules = /* @__PURE__ */ new Map();
  tried = /* @__PURE__ */ new Set();
  listings = /* @__PURE__ */ new Map();
  async collect(text, current, depth = 0) {
    const wanted = [];
    for (const match of text.matchAll(IMPORT)) {
      const module = (match[2] ?? match[3] ?? "").split(".").filter(Boolean);
      wanted.push({ module, dots: (match[1] ?? "").length });
      if (match[3] && depth === 0) {
        const used = new RegExp(`\\b${match[3].replace(/\./g, "\\.")}((?:\\.\\w+)+)`, "g");
        for (const usage of text.matchAll(used)) {
          const rest = (usage[1] ?? "").split(".").filter(Boolean).slice(0, -1);
          for (let end = 1; end <= rest.length; end++)
            wanted.push({ module: [...module, ...rest.slice(0, end)], dots: 0 });
        }
      }
    }
    for (const { module, dots } of wanted) {
      const name = absoluteModule(module, dots, current?.name, current?.isPackage ?? false);
      if (!name || this.tried.has(name) || this.tried.size >= MAX_MODULES) continue;
      this.tried.add(name);
      const found = await this.read(name);
      if (!found) continue;
      this.modules.set(name, found);
      if (depth < 2) await this.collect(found.text, { name, isPackage: found.path.endsWith("__init__.py") }, depth + 1);
    }
  }
  async read(name) {
    const parts = name.split(".");
    for (const root of this.roots) {
      const listing = await this.listing(`${root}${parts[0]}`);
      const stem = `${root}${parts.join("/")}`;
      const path = [`${stem}.py`, `${stem}/__init__.py`].find((candidate) => listing.has(candidate));
      if (!path) continue;
      const bytes = await this.files.read(path);
      if (!bytes || bytes.length > MAX_MODULE_BYTES) return void 0;
      return { path, text: bytes.toString("utf8") };
    }
    return void 0;
  }
  async listing(dir) {
    let listing = this.listings.get(dir);
    if (!listing) {
      listing = new Set((await this.files.list(dir)).filter((file) => file.endsWith(".py")));
      this.listings.set(dir, listing);
    }
    return listing;
  }
}

export { loadAlembic, loadAlembicRevisions, orderByGraph, parseAlembicFile, sqlalchemyTypeToPg };
