import { s as scanSync } from './cli-main-Btx-xaSS.js';

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

const KEYWORD_OR_IDENT = /^[A-Za-z_][A-Za-z0-9_$]*$/;
function tokenText(text, depth) {
  const bytes = Buffer.from(text);
  const tokens = scanSync(text).tokens;
  const out = [];
  for (const token of tokens) {
    if (token.tokenName === "SQL_COMMENT" || token.tokenName === "C_COMMENT") continue;
    const raw = bytes.subarray(token.start, token.end).toString();
    if (depth > 0 && token.tokenName === "SCONST" && raw.startsWith("$")) {
      const tag = /^\$[^$]*\$/.exec(raw)?.[0] ?? "$$";
      const inner = raw.slice(tag.length, raw.length - tag.length);
      out.push(`$$ ${tokenText(inner, depth - 1)} $$`);
    } else out.push(KEYWORD_OR_IDENT.test(raw) ? raw.toLowerCase() : raw);
  }
  return out.join(" ");
}
function comparableFunctionDefinition(definition) {
  if (definition === null) return null;
  try {
    return tokenText(definition, 1);
  } catch {
    return definition.replace(/\s+/g, " ").trim();
  }
}
function ownerKey(sequence) {
  return sequence.ownedBy === null ? null : `${sequence.schema}\0${sequence.ownedBy}`;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function alignOwnedSequences(before, after) {
  const beforeByOwner = /* @__PURE__ */ new Map();
  for (const sequence of before.sequences) {
    const key = ownerKey(sequence);
    if (key) beforeByOwner.set(key, sequence);
  }
  const taken = new Set(after.sequences.map((s) => `${s.schema}.${s.name}`));
  const renames = /* @__PURE__ */ new Map();
  for (const sequence of after.sequences) {
    const key = ownerKey(sequence);
    const match = key ? beforeByOwner.get(key) : void 0;
    if (!match || match.name === sequence.name || taken.has(`${match.schema}.${match.name}`)) continue;
    renames.set(`${sequence.schema}.${sequence.name}`, {
      schema: sequence.schema,
      from: sequence.name,
      to: match.name
    });
  }
  if (renames.size === 0) return after;
  const rewriteDefault = (value) => {
    if (value === null || !value.includes("nextval(")) return value;
    let text = value;
    for (const { schema, from, to } of renames.values()) {
      const qualified = schema === "public" ? "" : `(?:${escapeRegExp(schema)}\\.)?`;
      text = text.replace(
        new RegExp(`nextval\\('${qualified}${escapeRegExp(from)}'::regclass\\)`, "g"),
        (call) => call.replace(from, to)
      );
    }
    return text;
  };
  return {
    ...after,
    sequences: after.sequences.map((s) => {
      const rename = renames.get(`${s.schema}.${s.name}`);
      return rename ? { ...s, name: rename.to } : s;
    }),
    tables: after.tables.map((t) => ({
      ...t,
      columns: t.columns.map((c) => {
        const value = rewriteDefault(c.default);
        return value === c.default ? c : { ...c, default: value };
      })
    }))
  };
}
const ACL_ITEM = /^(.*)=([A-Za-z*]*)\/(.*)$/;
function splitLetters(letters) {
  const out = [];
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i];
    if (letter === "*") continue;
    out.push(letters[i + 1] === "*" ? `${letter}*` : letter);
  }
  return out;
}
function normaliseAcl(acl, drop) {
  const out = [];
  for (const item of acl) {
    const match = ACL_ITEM.exec(item);
    if (!match) {
      out.push(item);
      continue;
    }
    const [, grantee = "", letters = "", grantor = ""] = match;
    if (grantee !== "" && grantee === grantor) continue;
    const kept = splitLetters(letters).filter((l) => !drop(grantee, l.replace("*", "")));
    if (kept.length > 0) out.push(`${grantee}=${kept.join("")}/${grantor}`);
  }
  return out.sort();
}
function defaultLetters(options, objectType, schema) {
  const keys = /* @__PURE__ */ new Set();
  for (const entry of options.defaultGrants) {
    if (entry.objectType !== objectType || entry.schema !== null && entry.schema !== schema) continue;
    for (const item of entry.acl) {
      const match = ACL_ITEM.exec(item);
      if (!match) continue;
      for (const letter of splitLetters(match[2] ?? "")) keys.add(`${match[1]}\0${letter.replace("*", "")}`);
    }
  }
  return keys;
}
function normaliseForDrift(snapshot, options) {
  const versionNoise = (letter) => letter === "m" && options.liveMajor < 17;
  const acl = (list, objectType, schema, extra) => {
    const defaults = defaultLetters(options, objectType, schema);
    return normaliseAcl(
      list,
      (grantee, letter) => versionNoise(letter) || defaults.has(`${grantee}\0${letter}`) || !!extra?.(grantee, letter)
    );
  };
  return {
    ...snapshot,
    schemas: snapshot.schemas.map((s) => ({
      ...s,
      acl: acl(
        s.acl,
        "n",
        s.name,
        (grantee, letter) => s.name === "public" && grantee === "" && letter === "C" && options.liveMajor < 15
      )
    })),
    extensions: snapshot.extensions.map((e) => ({ ...e, version: "" })),
    enums: snapshot.enums.map((e) => ({ ...e, acl: acl(e.acl, "T", e.schema) })),
    sequences: snapshot.sequences.map((s) => ({ ...s, acl: acl(s.acl, "S", s.schema) })),
    functions: snapshot.functions.map((f) => ({ ...f, acl: acl(f.acl, "f", f.schema) })),
    tables: snapshot.tables.map((t) => ({
      ...t,
      acl: acl(t.acl, "r", t.schema),
      columns: t.columns.map((c) => ({ ...c, acl: acl(c.acl, "r", t.schema) }))
    }))
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
function diffSnapshots(before, afterAsRead) {
  const after = alignOwnedSequences(before, afterAsRead);
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
      else if (comparableFunctionDefinition(a.definition) !== comparableFunctionDefinition(b.definition))
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

export { displayName as a, aclChanges as b, diffSnapshots as d, normaliseForDrift as n };
