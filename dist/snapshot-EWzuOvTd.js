const PRIVILEGES = {
  r: "SELECT",
  a: "INSERT",
  w: "UPDATE",
  d: "DELETE",
  D: "TRUNCATE",
  x: "REFERENCES",
  t: "TRIGGER",
  X: "EXECUTE",
  U: "USAGE",
  C: "CREATE",
  c: "CONNECT",
  T: "TEMPORARY",
  m: "MAINTAIN",
  s: "SET",
  A: "ALTER SYSTEM"
};
function unquoteRole(role) {
  return role.startsWith('"') && role.endsWith('"') ? role.slice(1, -1).replaceAll('""', '"') : role;
}
function parseAcl(acl) {
  const grants = [];
  for (const item of acl) {
    const match = /^(.*)=([A-Za-z*]*)\/(.*)$/.exec(item);
    if (!match) continue;
    const grantee = match[1] ? unquoteRole(match[1]) : "PUBLIC";
    const letters = match[2] ?? "";
    for (let i = 0; i < letters.length; i++) {
      const privilege = PRIVILEGES[letters[i] ?? ""];
      if (!privilege) continue;
      const withGrantOption = letters[i + 1] === "*";
      grants.push({ grantee, privilege, withGrantOption });
    }
  }
  return grants;
}
function grantKey(grant) {
  return `${grant.grantee}\0${grant.privilege}\0${grant.withGrantOption}`;
}
function aclChanges(from, to) {
  const before = new Map(parseAcl(from).map((g) => [grantKey(g), g]));
  const after = new Map(parseAcl(to).map((g) => [grantKey(g), g]));
  return {
    added: [...after].filter(([k]) => !before.has(k)).map(([, g]) => g),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, g]) => g)
  };
}

const ADDED = "+";
const REMOVED = "\u2212";
function displayName(schema, name) {
  return schema === "public" ? name : `${schema}.${name}`;
}
const TYPE_ALIASES = [
  [/\bcharacter varying\b/g, "varchar"],
  [/\btimestamp\((\d+)\) with time zone\b/g, "timestamptz($1)"],
  [/\btimestamp with time zone\b/g, "timestamptz"],
  [/\btimestamp\((\d+)\) without time zone\b/g, "timestamp($1)"],
  [/\btimestamp without time zone\b/g, "timestamp"],
  [/\btime with time zone\b/g, "timetz"],
  [/\btime without time zone\b/g, "time"],
  [/\bdouble precision\b/g, "float8"],
  [/\bcharacter\b/g, "char"]
];
function shortType(type) {
  return TYPE_ALIASES.reduce((t, [pattern, alias]) => t.replace(pattern, alias), type);
}
function columnSummary(column) {
  const parts = [shortType(column.type)];
  if (column.notNull) parts.push("not null");
  if (column.default !== null) parts.push(`default ${column.default}`);
  if (column.identity) parts.push(`generated ${column.identity} as identity`);
  if (column.generated !== null) parts.push(`generated always as ${column.generated}`);
  if (column.collation) parts.push(`collate ${column.collation}`);
  return parts.join(", ");
}
function indexSummary(definition) {
  const match = /^CREATE (UNIQUE )?INDEX (?:CONCURRENTLY )?\S+ ON (?:ONLY )?(\S+) USING (\w+) (.*)$/s.exec(definition);
  if (!match) return definition;
  const table = (match[2] ?? "").replace(/^public\./, "");
  const method = match[3] === "btree" ? "" : `using ${match[3]} `;
  return `${match[1] ? "(unique) " : ""}on ${table} ${method}${match[4]}`;
}
function quoteText(value) {
  return value === null ? "none" : `'${value}'`;
}
function compareLists(before, after, key, onAdded, onRemoved, onBoth) {
  const afterByKey = new Map(after.map((item) => [key(item), item]));
  const beforeKeys = new Set(before.map(key));
  for (const item of before) {
    const match = afterByKey.get(key(item));
    if (match === void 0) onRemoved(item);
    else onBoth(item, match);
  }
  for (const item of after) if (!beforeKeys.has(key(item))) onAdded(item);
}
function compareComment(out, what, object, before, after) {
  if (before === after) return;
  out.push(
    "changed",
    "comment",
    object,
    before,
    after,
    `comment on ${what}: ${quoteText(before)} \u2192 ${quoteText(after)}`
  );
}
function compareAcl(out, what, object, before, after) {
  const { added, removed } = aclChanges(before, after);
  for (const grant of added)
    out.push(
      "added",
      "grant",
      object,
      null,
      `${grant.privilege} to ${grant.grantee}`,
      `${ADDED} grant ${grant.privilege} on ${what} to ${grant.grantee}${grant.withGrantOption ? " with grant option" : ""}`
    );
  for (const grant of removed)
    out.push(
      "removed",
      "grant",
      object,
      `${grant.privilege} to ${grant.grantee}`,
      null,
      `${REMOVED} grant ${grant.privilege} on ${what} to ${grant.grantee}${grant.withGrantOption ? " with grant option" : ""}`
    );
}
function compareColumns(out, table, before, after) {
  compareLists(
    before,
    after,
    (c) => c.name,
    (c) => out.push(
      "added",
      "column",
      `${table}.${c.name}`,
      null,
      columnSummary(c),
      `${ADDED} column ${table}.${c.name} (${columnSummary(c)})`
    ),
    (c) => out.push(
      "removed",
      "column",
      `${table}.${c.name}`,
      columnSummary(c),
      null,
      `${REMOVED} column ${table}.${c.name} (${columnSummary(c)})`
    ),
    (a, b) => {
      const name = `${table}.${a.name}`;
      const changed = (what, x, y) => out.push("changed", "column", name, x, y, `${name}: ${what}${x} \u2192 ${y}`);
      if (a.type !== b.type) changed("", shortType(a.type), shortType(b.type));
      if (a.notNull !== b.notNull)
        changed("", a.notNull ? "not null" : "nullable", b.notNull ? "not null" : "nullable");
      if (a.default !== b.default) changed("default ", a.default ?? "none", b.default ?? "none");
      if (a.identity !== b.identity) changed("identity ", a.identity ?? "none", b.identity ?? "none");
      if (a.generated !== b.generated) changed("generated ", a.generated ?? "none", b.generated ?? "none");
      if (a.collation !== b.collation) changed("collation ", a.collation ?? "default", b.collation ?? "default");
      compareComment(out, `column ${name}`, name, a.comment, b.comment);
      compareAcl(out, `column ${name}`, name, a.acl, b.acl);
    }
  );
}
function relationWord(table) {
  return table.kind === "view" ? "view" : table.kind === "matview" ? "matview" : "table";
}
function compareTables(out, a, b) {
  const name = displayName(a.schema, a.name);
  const word = relationWord(a);
  if (a.kind !== b.kind) out.push("changed", word, name, a.kind, b.kind, `${name}: ${a.kind} \u2192 ${b.kind}`);
  if (comparableDefinition(a.definition) !== comparableDefinition(b.definition)) {
    const [x, y] = differingExcerpt(a.definition, b.definition);
    out.push("changed", word, name, a.definition, b.definition, `${word} ${name}: definition ${x} \u2192 ${y}`);
  }
  if (a.partitionKey !== b.partitionKey)
    out.push(
      "changed",
      word,
      name,
      a.partitionKey,
      b.partitionKey,
      `${name}: partition by ${a.partitionKey ?? "none"} \u2192 ${b.partitionKey ?? "none"}`
    );
  const boundA = a.partitionOf ? `${a.partitionOf.parent} ${a.partitionOf.bound}` : "none";
  const boundB = b.partitionOf ? `${b.partitionOf.parent} ${b.partitionOf.bound}` : "none";
  if (boundA !== boundB) out.push("changed", word, name, boundA, boundB, `${name}: partition of ${boundA} \u2192 ${boundB}`);
  if (a.unlogged !== b.unlogged)
    out.push(
      "changed",
      word,
      name,
      String(a.unlogged),
      String(b.unlogged),
      `${name}: ${a.unlogged ? "unlogged" : "logged"} \u2192 ${b.unlogged ? "unlogged" : "logged"}`
    );
  if (a.options.join(",") !== b.options.join(","))
    out.push(
      "changed",
      word,
      name,
      a.options.join(", "),
      b.options.join(", "),
      `${name}: options (${a.options.join(", ")}) \u2192 (${b.options.join(", ")})`
    );
  if (a.rowSecurity !== b.rowSecurity || a.forceRowSecurity !== b.forceRowSecurity) {
    const state = (t) => t.rowSecurity ? t.forceRowSecurity ? "enabled, forced" : "enabled" : "disabled";
    out.push(
      "changed",
      "row security",
      name,
      state(a),
      state(b),
      `${name}: row level security ${state(a)} \u2192 ${state(b)}`
    );
  }
  compareColumns(out, name, a.columns, b.columns);
  compareLists(
    a.constraints,
    b.constraints,
    (c) => c.name,
    (c) => out.push(
      "added",
      "constraint",
      `${name}.${c.name}`,
      null,
      c.definition,
      `${ADDED} constraint ${c.name} on ${name}: ${c.definition}`
    ),
    (c) => out.push(
      "removed",
      "constraint",
      `${name}.${c.name}`,
      c.definition,
      null,
      `${REMOVED} constraint ${c.name} on ${name}: ${c.definition}`
    ),
    (x, y) => {
      if (x.definition !== y.definition)
        out.push(
          "changed",
          "constraint",
          `${name}.${x.name}`,
          x.definition,
          y.definition,
          `constraint ${x.name} on ${name}: ${x.definition} \u2192 ${y.definition}`
        );
      compareComment(out, `constraint ${x.name} on ${name}`, `${name}.${x.name}`, x.comment, y.comment);
    }
  );
  compareLists(
    a.indexes,
    b.indexes,
    (i) => i.name,
    (i) => out.push(
      "added",
      "index",
      `${name}.${i.name}`,
      null,
      i.definition,
      `${ADDED} index ${i.name} ${indexSummary(i.definition)}`
    ),
    (i) => out.push(
      "removed",
      "index",
      `${name}.${i.name}`,
      i.definition,
      null,
      `${REMOVED} index ${i.name} ${indexSummary(i.definition)}`
    ),
    (x, y) => {
      if (x.definition !== y.definition)
        out.push(
          "changed",
          "index",
          `${name}.${x.name}`,
          x.definition,
          y.definition,
          `index ${x.name}: ${indexSummary(x.definition)} \u2192 ${indexSummary(y.definition)}`
        );
      compareComment(out, `index ${x.name}`, `${name}.${x.name}`, x.comment, y.comment);
    }
  );
  compareLists(
    a.triggers,
    b.triggers,
    (t) => t.name,
    (t) => out.push("added", "trigger", `${name}.${t.name}`, null, t.definition, `${ADDED} trigger ${t.name} on ${name}`),
    (t) => out.push(
      "removed",
      "trigger",
      `${name}.${t.name}`,
      t.definition,
      null,
      `${REMOVED} trigger ${t.name} on ${name}`
    ),
    (x, y) => {
      if (x.definition !== y.definition)
        out.push(
          "changed",
          "trigger",
          `${name}.${x.name}`,
          x.definition,
          y.definition,
          `trigger ${x.name} on ${name}: ${x.definition} \u2192 ${y.definition}`
        );
      if (x.enabled !== y.enabled)
        out.push(
          "changed",
          "trigger",
          `${name}.${x.name}`,
          x.enabled,
          y.enabled,
          `trigger ${x.name} on ${name}: ${triggerState(x.enabled)} \u2192 ${triggerState(y.enabled)}`
        );
      compareComment(out, `trigger ${x.name} on ${name}`, `${name}.${x.name}`, x.comment, y.comment);
    }
  );
  compareLists(
    a.policies,
    b.policies,
    (p) => p.name,
    (p) => out.push(
      "added",
      "policy",
      `${name}.${p.name}`,
      null,
      policySummary(p),
      `${ADDED} policy ${p.name} on ${name}: ${policySummary(p)}`
    ),
    (p) => out.push(
      "removed",
      "policy",
      `${name}.${p.name}`,
      policySummary(p),
      null,
      `${REMOVED} policy ${p.name} on ${name}: ${policySummary(p)}`
    ),
    (x, y) => {
      if (policySummary(x) !== policySummary(y))
        out.push(
          "changed",
          "policy",
          `${name}.${x.name}`,
          policySummary(x),
          policySummary(y),
          `policy ${x.name} on ${name}: ${policySummary(x)} \u2192 ${policySummary(y)}`
        );
      compareComment(out, `policy ${x.name} on ${name}`, `${name}.${x.name}`, x.comment, y.comment);
    }
  );
  compareComment(out, `${word} ${name}`, name, a.comment, b.comment);
  compareAcl(out, name, name, a.acl, b.acl);
}
function triggerState(enabled) {
  return { O: "enabled", D: "disabled", R: "enabled replica", A: "enabled always" }[enabled] ?? enabled;
}
function policySummary(p) {
  const parts = [p.permissive ? "permissive" : "restrictive", `for ${p.command}`, `to ${p.roles.join(", ")}`];
  if (p.using !== null) parts.push(`using (${p.using})`);
  if (p.withCheck !== null) parts.push(`with check (${p.withCheck})`);
  return parts.join(" ");
}
function oneLine(text) {
  if (text === null) return "none";
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}\u2026` : flat;
}
function comparableDefinition(definition) {
  return definition?.replace(
    /'\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d(?::\d\d)?)?'::timestamp(?:\(\d\))? with(?:out)? time zone/g,
    "'\u2026'::timestamp"
  ) ?? null;
}
function differingExcerpt(a, b) {
  if (a === null || b === null) return [oneLine(a), oneLine(b)];
  const x = a.replace(/\s+/g, " ").trim();
  const y = b.replace(/\s+/g, " ").trim();
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  let suffix = 0;
  while (suffix < x.length - prefix && suffix < y.length - prefix && x[x.length - 1 - suffix] === y[y.length - 1 - suffix])
    suffix++;
  const start = Math.max(0, prefix - 30);
  const cut = (text) => {
    const end = Math.min(text.length, Math.max(text.length - suffix + 30, start + 60), start + 160);
    return `${start > 0 ? "\u2026" : ""}${text.slice(start, end)}${end < text.length ? "\u2026" : ""}`;
  };
  return [cut(x), cut(y)];
}
function sequenceSummary(s) {
  return `${s.type} start ${s.start} increment ${s.increment} min ${s.min} max ${s.max} cache ${s.cache}${s.cycle ? " cycle" : ""}${s.ownedBy ? ` owned by ${s.ownedBy}` : ""}`;
}
const ORDER = [
  "schema",
  "extension",
  "enum",
  "domain",
  "type",
  "sequence",
  "function",
  "table",
  "view",
  "matview",
  "column",
  "constraint",
  "index",
  "trigger",
  "policy",
  "row security",
  "comment",
  "grant"
];
function diffSnapshots(before, after) {
  const differences = [];
  const out = {
    push(change, objectType, object, beforeValue, afterValue, describe) {
      differences.push({ change, objectType, object, before: beforeValue, after: afterValue, describe });
    }
  };
  const qualified = (x) => displayName(x.schema, x.name);
  compareLists(
    before.schemas,
    after.schemas,
    (s) => s.name,
    (s) => out.push("added", "schema", s.name, null, s.name, `${ADDED} schema ${s.name}`),
    (s) => out.push("removed", "schema", s.name, s.name, null, `${REMOVED} schema ${s.name}`),
    (a, b) => {
      compareComment(out, `schema ${a.name}`, a.name, a.comment, b.comment);
      compareAcl(out, `schema ${a.name}`, a.name, a.acl, b.acl);
    }
  );
  compareLists(
    before.extensions,
    after.extensions,
    (e) => e.name,
    (e) => out.push("added", "extension", e.name, null, e.version, `${ADDED} extension ${e.name} ${e.version}`),
    (e) => out.push("removed", "extension", e.name, e.version, null, `${REMOVED} extension ${e.name} ${e.version}`),
    (a, b) => {
      if (a.version !== b.version || a.schema !== b.schema)
        out.push(
          "changed",
          "extension",
          a.name,
          `${a.schema} ${a.version}`,
          `${b.schema} ${b.version}`,
          `extension ${a.name}: ${a.version} in ${a.schema} \u2192 ${b.version} in ${b.schema}`
        );
    }
  );
  compareLists(
    before.enums,
    after.enums,
    qualified,
    (e) => out.push(
      "added",
      "enum",
      qualified(e),
      null,
      e.values.join(", "),
      `${ADDED} enum ${qualified(e)} (${e.values.join(", ")})`
    ),
    (e) => out.push(
      "removed",
      "enum",
      qualified(e),
      e.values.join(", "),
      null,
      `${REMOVED} enum ${qualified(e)} (${e.values.join(", ")})`
    ),
    (a, b) => {
      const name = qualified(a);
      if (a.values.join("\0") !== b.values.join("\0"))
        out.push(
          "changed",
          "enum",
          name,
          a.values.join(", "),
          b.values.join(", "),
          `enum ${name}: values ${a.values.join(", ")} \u2192 ${b.values.join(", ")}`
        );
      compareComment(out, `type ${name}`, name, a.comment, b.comment);
      compareAcl(out, `type ${name}`, name, a.acl, b.acl);
    }
  );
  compareLists(
    before.domains,
    after.domains,
    qualified,
    (d) => out.push("added", "domain", qualified(d), null, d.type, `${ADDED} domain ${qualified(d)} (${shortType(d.type)})`),
    (d) => out.push(
      "removed",
      "domain",
      qualified(d),
      d.type,
      null,
      `${REMOVED} domain ${qualified(d)} (${shortType(d.type)})`
    ),
    (a, b) => {
      const summary = (d) => [
        shortType(d.type),
        d.notNull ? "not null" : "",
        d.default !== null ? `default ${d.default}` : "",
        ...d.constraints.map((c) => `${c.name} ${c.definition}`)
      ].filter(Boolean).join(", ");
      if (summary(a) !== summary(b))
        out.push(
          "changed",
          "domain",
          qualified(a),
          summary(a),
          summary(b),
          `domain ${qualified(a)}: ${summary(a)} \u2192 ${summary(b)}`
        );
      compareComment(out, `domain ${qualified(a)}`, qualified(a), a.comment, b.comment);
    }
  );
  compareLists(
    before.types,
    after.types,
    qualified,
    (t) => out.push("added", "type", qualified(t), null, attributes(t), `${ADDED} type ${qualified(t)} (${attributes(t)})`),
    (t) => out.push(
      "removed",
      "type",
      qualified(t),
      attributes(t),
      null,
      `${REMOVED} type ${qualified(t)} (${attributes(t)})`
    ),
    (a, b) => {
      if (attributes(a) !== attributes(b))
        out.push(
          "changed",
          "type",
          qualified(a),
          attributes(a),
          attributes(b),
          `type ${qualified(a)}: (${attributes(a)}) \u2192 (${attributes(b)})`
        );
      compareComment(out, `type ${qualified(a)}`, qualified(a), a.comment, b.comment);
    }
  );
  compareLists(
    before.sequences,
    after.sequences,
    qualified,
    (s) => out.push("added", "sequence", qualified(s), null, sequenceSummary(s), `${ADDED} sequence ${qualified(s)}`),
    (s) => out.push("removed", "sequence", qualified(s), sequenceSummary(s), null, `${REMOVED} sequence ${qualified(s)}`),
    (a, b) => {
      if (sequenceSummary(a) !== sequenceSummary(b))
        out.push(
          "changed",
          "sequence",
          qualified(a),
          sequenceSummary(a),
          sequenceSummary(b),
          `sequence ${qualified(a)}: ${sequenceSummary(a)} \u2192 ${sequenceSummary(b)}`
        );
      compareComment(out, `sequence ${qualified(a)}`, qualified(a), a.comment, b.comment);
      compareAcl(out, `sequence ${qualified(a)}`, qualified(a), a.acl, b.acl);
    }
  );
  const signature = (f) => `${qualified(f)}(${f.arguments})`;
  compareLists(
    before.functions,
    after.functions,
    signature,
    (f) => out.push("added", "function", signature(f), null, f.definition, `${ADDED} ${f.kind} ${signature(f)}`),
    (f) => out.push("removed", "function", signature(f), f.definition, null, `${REMOVED} ${f.kind} ${signature(f)}`),
    (a, b) => {
      if (a.returns !== b.returns)
        out.push(
          "changed",
          "function",
          signature(a),
          a.returns,
          b.returns,
          `${a.kind} ${signature(a)}: returns ${a.returns} \u2192 ${b.returns}`
        );
      else if (a.definition !== b.definition)
        out.push(
          "changed",
          "function",
          signature(a),
          a.definition,
          b.definition,
          `${a.kind} ${signature(a)}: body changed`
        );
      compareComment(out, `${a.kind} ${signature(a)}`, signature(a), a.comment, b.comment);
      compareAcl(out, `${a.kind} ${signature(a)}`, signature(a), a.acl, b.acl);
    }
  );
  compareLists(
    before.tables,
    after.tables,
    qualified,
    (t) => out.push(
      "added",
      relationWord(t),
      qualified(t),
      null,
      tableSummary(t),
      `${ADDED} ${relationWord(t)} ${qualified(t)} (${tableSummary(t)})`
    ),
    (t) => out.push(
      "removed",
      relationWord(t),
      qualified(t),
      tableSummary(t),
      null,
      `${REMOVED} ${relationWord(t)} ${qualified(t)} (${tableSummary(t)})`
    ),
    (a, b) => compareTables(out, a, b)
  );
  const rank = (d) => ORDER.indexOf(d.objectType);
  return differences.sort(
    (x, y) => rank(x) - rank(y) || (x.object < y.object ? -1 : x.object > y.object ? 1 : 0) || (x.describe < y.describe ? -1 : x.describe > y.describe ? 1 : 0)
  );
}
function attributes(t) {
  return t.attributes.map((a) => `${a.name} ${shortType(a.type)}`).join(", ");
}
function tableSummary(t) {
  if (t.kind === "view" || t.kind === "matview") return oneLine(t.definition);
  return t.columns.map((c) => `${c.name} ${columnSummary(c)}`).join("; ");
}

const BOOKKEEPING_TABLES = [
  "alembic_version",
  "_prisma_migrations",
  "flyway_schema_history",
  "schema_migrations",
  "__diesel_schema_migrations",
  "goose_db_version",
  "_sqlx_migrations"
];
const EXCLUDED_SCHEMAS = ["pg_catalog", "information_schema", "pg_toast", "sqitch", "db_migrate"];
function sqlList(values) {
  return values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
}
function namespaceFilter(alias, schemas) {
  return `${alias}.nspname not in (${sqlList(schemas)}) and ${alias}.nspname not like 'pg\\_temp\\_%' and ${alias}.nspname not like 'pg\\_toast\\_temp\\_%'`;
}
function notExtensionMember(catalog, oid) {
  return `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;
}
function queries(schemas, tables) {
  const ns = namespaceFilter("n", schemas);
  const relFilter = `${ns} and c.relname not in (${sqlList(tables)}) and ${notExtensionMember("pg_class", "c.oid")}`;
  return {
    schemas: `select n.nspname as name, obj_description(n.oid, 'pg_namespace') as comment,
        coalesce(n.nspacl, acldefault('n', n.nspowner))::text[] as acl
      from pg_namespace n where ${ns} and ${notExtensionMember("pg_namespace", "n.oid")}`,
    extensions: `select e.extname as name, n.nspname as schema, e.extversion as version
      from pg_extension e join pg_namespace n on n.oid = e.extnamespace`,
    enums: `select t.oid::int8 as oid, n.nspname as schema, t.typname as name,
        (select coalesce(json_agg(e.enumlabel order by e.enumsortorder), '[]'::json) from pg_enum e where e.enumtypid = t.oid) as values,
        obj_description(t.oid, 'pg_type') as comment,
        coalesce(t.typacl, acldefault('T', t.typowner))::text[] as acl
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'e' and ${ns} and ${notExtensionMember("pg_type", "t.oid")}`,
    domains: `select t.oid::int8 as oid, n.nspname as schema, t.typname as name,
        format_type(t.typbasetype, t.typtypmod) as type, t.typnotnull as "notNull", t.typdefault as default,
        (select coalesce(json_agg(json_build_object('name', k.conname, 'definition', pg_get_constraintdef(k.oid, true)) order by k.conname), '[]'::json)
           from pg_constraint k where k.contypid = t.oid and k.contype = 'c') as constraints,
        obj_description(t.oid, 'pg_type') as comment
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where t.typtype = 'd' and ${ns} and ${notExtensionMember("pg_type", "t.oid")}`,
    types: `select t.oid::int8 as oid, n.nspname as schema, t.typname as name,
        (select coalesce(json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum), '[]'::json)
           from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) as attributes,
        obj_description(t.oid, 'pg_type') as comment
      from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_class c on c.oid = t.typrelid
      where t.typtype = 'c' and c.relkind = 'c' and ${ns} and ${notExtensionMember("pg_type", "t.oid")}`,
    sequences: `select c.oid::int8 as oid, n.nspname as schema, c.relname as name, format_type(s.seqtypid, null) as type,
        s.seqstart::text as start, s.seqincrement::text as increment, s.seqmin::text as min, s.seqmax::text as max,
        s.seqcache::text as cache, s.seqcycle as cycle,
        (select case when tn.nspname = 'public' then '' else quote_ident(tn.nspname) || '.' end || quote_ident(tc.relname) || '.' || quote_ident(a.attname)
           from pg_depend d join pg_class tc on tc.oid = d.refobjid join pg_namespace tn on tn.oid = tc.relnamespace
           join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
           where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype = 'a' limit 1) as "ownedBy",
        obj_description(c.oid, 'pg_class') as comment,
        coalesce(c.relacl, acldefault('s', c.relowner))::text[] as acl
      from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
      where ${relFilter}
        and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i')`,
    functions: `select p.oid::int8 as oid, n.nspname as schema, p.proname as name,
        case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' when 'w' then 'window' else 'function' end as kind,
        pg_get_function_identity_arguments(p.oid) as arguments,
        case when p.prokind in ('f', 'w') then pg_get_function_result(p.oid) end as returns,
        case when p.prokind <> 'a' then pg_get_functiondef(p.oid) end as definition,
        obj_description(p.oid, 'pg_proc') as comment,
        coalesce(p.proacl, acldefault('f', p.proowner))::text[] as acl
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where ${ns} and ${notExtensionMember("pg_proc", "p.oid")}`,
    tables: `select c.oid::int8 as oid, n.nspname as schema, c.relname as name, c.relkind as relkind,
        c.relrowsecurity as "rowSecurity", c.relforcerowsecurity as "forceRowSecurity", c.relpersistence = 'u' as unlogged,
        case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid, true) end as definition,
        coalesce(c.reloptions, '{}')::text[] as options,
        case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as "partitionKey",
        case when c.relispartition then (
          select json_build_object('parent', case when pn.nspname = 'public' then '' else quote_ident(pn.nspname) || '.' end || quote_ident(pc.relname),
                                   'bound', pg_get_expr(c.relpartbound, c.oid))
          from pg_inherits i join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
          where i.inhrelid = c.oid limit 1) end as "partitionOf",
        obj_description(c.oid, 'pg_class') as comment,
        coalesce(c.relacl, acldefault('r', c.relowner))::text[] as acl,
        (select coalesce(json_agg(distinct d.refobjid::int8), '[]'::json) from pg_rewrite r
           join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_class'::regclass
           where r.ev_class = c.oid and d.refobjid <> c.oid) as uses
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and ${relFilter}`,
    columns: `select c.oid::int8 as "table", a.attnum as oid, a.attname as name,
        format_type(a.atttypid, a.atttypmod) as type,
        case when a.attgenerated = '' then pg_get_expr(ad.adbin, ad.adrelid) end as default,
        a.attnotnull as "notNull",
        case a.attidentity when 'a' then 'always' when 'd' then 'by default' end as identity,
        case when a.attgenerated <> '' then pg_get_expr(ad.adbin, ad.adrelid) end as generated,
        case a.attgenerated when 's' then 'stored' when 'v' then 'virtual' end as "generatedKind",
        case when a.attcollation <> 0 and a.attcollation <> t.typcollation then (
          select case when cn.nspname = 'pg_catalog' then '' else quote_ident(cn.nspname) || '.' end || quote_ident(co.collname)
          from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end as collation,
        col_description(c.oid, a.attnum) as comment,
        coalesce(a.attacl, '{}')::text[] as acl
      from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_type t on t.oid = a.atttypid
      left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p', 'v', 'm', 'f') and ${relFilter}`,
    constraints: `select k.oid::int8 as oid, k.conrelid::int8 as "table", k.conname as name, k.contype as contype,
        pg_get_constraintdef(k.oid, true) as definition,
        case when k.contype = 'f' then (select case when rn.nspname = 'public' then '' else rn.nspname || '.' end || rc.relname
           from pg_class rc join pg_namespace rn on rn.oid = rc.relnamespace where rc.oid = k.confrelid) end as "references",
        not k.conislocal as inherited,
        obj_description(k.oid, 'pg_constraint') as comment
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where k.contype in ('p', 'u', 'f', 'c', 'x', 't') and ${relFilter}`,
    indexes: `select i.oid::int8 as oid, x.indrelid::int8 as "table", i.relname as name, pg_get_indexdef(x.indexrelid) as definition,
        (select k.conname from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = x.indrelid and k.contype in ('p', 'u', 'x') limit 1) as constraint,
        exists (select 1 from pg_inherits h where h.inhrelid = x.indexrelid) as inherited,
        obj_description(i.oid, 'pg_class') as comment
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      where ${relFilter}`,
    triggers: `select g.tgrelid::int8 as "table", g.tgname as name, pg_get_triggerdef(g.oid) as definition,
        g.tgenabled::text as enabled, coalesce((to_jsonb(g) ->> 'tgparentid')::oid, 0) <> 0 as inherited,
        obj_description(g.oid, 'pg_trigger') as comment
      from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not g.tgisinternal and ${relFilter}`,
    policies: `select p.polrelid::int8 as "table", p.polname as name,
        case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end as command,
        p.polpermissive as permissive,
        (select coalesce(json_agg(case when r = 0 then 'public' else pg_get_userbyid(r)::text end order by 1), '[]'::json) from unnest(p.polroles) r) as roles,
        pg_get_expr(p.polqual, p.polrelid) as using, pg_get_expr(p.polwithcheck, p.polrelid) as "withCheck",
        obj_description(p.oid, 'pg_policy') as comment
      from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
      where ${relFilter}`
  };
}
async function jsonRows(query, sql) {
  const rows = await query(`select coalesce(json_agg(x), '[]'::json) as rows from (${sql}) x`);
  const value = rows[0]?.rows;
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed : [];
}
const RELKINDS = {
  r: "table",
  p: "partitioned",
  v: "view",
  m: "matview",
  f: "foreign"
};
const CONSTRAINT_KINDS = {
  p: "primary key",
  u: "unique",
  f: "foreign key",
  c: "check",
  x: "exclusion",
  t: "trigger"
};
const text = (v) => v === null || v === void 0 ? null : String(v);
const strings = (v) => Array.isArray(v) ? v.map(String).sort() : [];
const byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
const byQualified = (a, b) => {
  const ka = `${a.schema}.${a.name}`;
  const kb = `${b.schema}.${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
async function snapshotSchema(query, options = {}) {
  const q = queries(
    [...EXCLUDED_SCHEMAS, ...options.excludeSchemas ?? []],
    [...BOOKKEEPING_TABLES, ...options.excludeTables ?? []]
  );
  const schemas = await jsonRows(query, q.schemas);
  const extensions = await jsonRows(query, q.extensions);
  const enums = await jsonRows(query, q.enums);
  const domains = await jsonRows(query, q.domains);
  const types = await jsonRows(query, q.types);
  const sequences = await jsonRows(query, q.sequences);
  const functions = await jsonRows(query, q.functions);
  const tables = await jsonRows(query, q.tables);
  const columns = await jsonRows(query, q.columns);
  const constraints = await jsonRows(query, q.constraints);
  const indexes = await jsonRows(query, q.indexes);
  const triggers = await jsonRows(query, q.triggers);
  const policies = await jsonRows(query, q.policies);
  const byTable = (rows, map) => {
    const grouped = /* @__PURE__ */ new Map();
    for (const row of rows) {
      const key = Number(row.table);
      const list = grouped.get(key) ?? [];
      list.push(map(row));
      grouped.set(key, list);
    }
    return grouped;
  };
  const columnsByTable = byTable(columns, (row) => {
    const column = {
      name: String(row.name),
      type: String(row.type),
      default: text(row.default),
      notNull: row.notNull === true,
      identity: text(row.identity) ?? null,
      generated: text(row.generated),
      collation: text(row.collation),
      comment: text(row.comment),
      acl: strings(row.acl),
      oid: Number(row.oid)
    };
    if (row.generatedKind) column.generatedKind = row.generatedKind;
    return column;
  });
  const constraintsByTable = byTable(constraints, (row) => ({
    name: String(row.name),
    kind: CONSTRAINT_KINDS[String(row.contype)] ?? "check",
    definition: String(row.definition),
    references: text(row.references),
    inherited: row.inherited === true,
    comment: text(row.comment),
    oid: Number(row.oid)
  }));
  const indexesByTable = byTable(indexes, (row) => ({
    name: String(row.name),
    definition: String(row.definition),
    constraint: text(row.constraint),
    inherited: row.inherited === true,
    comment: text(row.comment),
    oid: Number(row.oid)
  }));
  const triggersByTable = byTable(triggers, (row) => ({
    name: String(row.name),
    definition: String(row.definition),
    enabled: String(row.enabled),
    inherited: row.inherited === true,
    comment: text(row.comment)
  }));
  const policiesByTable = byTable(policies, (row) => ({
    name: String(row.name),
    command: String(row.command),
    permissive: row.permissive === true,
    roles: strings(row.roles),
    using: text(row.using),
    withCheck: text(row.withCheck),
    comment: text(row.comment)
  }));
  const tableSnapshots = tables.map((row) => {
    const oid = Number(row.oid);
    const tableColumns = (columnsByTable.get(oid) ?? []).sort((a, b) => a.oid - b.oid);
    return {
      schema: String(row.schema),
      name: String(row.name),
      kind: RELKINDS[String(row.relkind)] ?? "table",
      columns: tableColumns,
      constraints: (constraintsByTable.get(oid) ?? []).sort(byName),
      indexes: (indexesByTable.get(oid) ?? []).sort(byName),
      triggers: (triggersByTable.get(oid) ?? []).sort(byName),
      policies: (policiesByTable.get(oid) ?? []).sort(byName),
      rowSecurity: row.rowSecurity === true,
      forceRowSecurity: row.forceRowSecurity === true,
      unlogged: row.unlogged === true,
      definition: text(row.definition),
      options: strings(row.options),
      partitionKey: text(row.partitionKey),
      partitionOf: row.partitionOf ?? null,
      comment: text(row.comment),
      acl: strings(row.acl),
      uses: Array.isArray(row.uses) ? row.uses.map(Number).sort((x, y) => x - y) : [],
      oid
    };
  });
  return {
    schemas: schemas.map(
      (row) => ({
        name: String(row.name),
        comment: text(row.comment),
        acl: strings(row.acl)
      })
    ).sort(byName),
    extensions: extensions.map(
      (row) => ({
        name: String(row.name),
        schema: String(row.schema),
        version: String(row.version)
      })
    ).sort(byName),
    enums: enums.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        values: Array.isArray(row.values) ? row.values.map(String) : [],
        comment: text(row.comment),
        acl: strings(row.acl),
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    domains: domains.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        type: String(row.type),
        notNull: row.notNull === true,
        default: text(row.default),
        constraints: Array.isArray(row.constraints) ? row.constraints : [],
        comment: text(row.comment),
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    types: types.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        attributes: Array.isArray(row.attributes) ? row.attributes : [],
        comment: text(row.comment),
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    sequences: sequences.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        type: String(row.type),
        start: String(row.start),
        increment: String(row.increment),
        min: String(row.min),
        max: String(row.max),
        cache: String(row.cache),
        cycle: row.cycle === true,
        ownedBy: text(row.ownedBy),
        comment: text(row.comment),
        acl: strings(row.acl),
        oid: Number(row.oid)
      })
    ).sort(byQualified),
    functions: functions.map(
      (row) => ({
        schema: String(row.schema),
        name: String(row.name),
        kind: String(row.kind),
        arguments: String(row.arguments ?? ""),
        returns: text(row.returns),
        definition: text(row.definition),
        comment: text(row.comment),
        acl: strings(row.acl),
        oid: Number(row.oid)
      })
    ).sort((a, b) => byQualified(a, b) || (a.arguments < b.arguments ? -1 : a.arguments > b.arguments ? 1 : 0)),
    tables: tableSnapshots.sort(byQualified)
  };
}

export { aclChanges as a, diffSnapshots as b, displayName as d, snapshotSchema as s };
