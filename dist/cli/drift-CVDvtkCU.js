import pg from './esm-CG74KklM.js';
import { a as adapterFor, b as bookkeepingTables, A as ADAPTERS } from './cli-main-Btx-xaSS.js';
import { d as diffSnapshots, n as normaliseForDrift } from './diff-AGQVnSId.js';
import { s as snapshotSchema, o as openEngine } from './engine-D6hZ76l5.js';
import { r as requestedExtensions } from './session-B127CMLA.js';
import 'events';
import 'util';
import 'util/types';
import 'crypto';
import 'dns';
import 'fs';
import 'net';
import 'tls';
import 'path';
import 'stream';
import 'string_decoder';
import 'node:util';
import 'node:fs/promises';
import 'node:path';
import 'node:path/posix';
import 'process';
import 'buffer';
import 'node:crypto';
import 'node:url';
import 'node:fs';
import 'node:child_process';
import 'url';
import 'module';
import 'node:module';
import 'node:zlib';
import 'node:worker_threads';
import './version-DKITOyyo.js';

function qualified(schema, table) {
  return `"${schema.replaceAll('"', '""')}"."${table.replaceAll('"', '""')}"`;
}
const literal = (value) => `'${value.replaceAll("'", "''")}'`;
async function readAppliedState(client) {
  const tables = await client.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_name IN (${bookkeepingTables().map(literal).join(", ")}) AND table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY table_schema, table_name`
  );
  const states = [];
  for (const row of tables) {
    const schema = String(row.schema);
    const name = String(row.name);
    const columns = (await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = ${literal(schema)} AND table_name = ${literal(name)}`
    )).map((c) => String(c.column_name));
    for (const adapter of ADAPTERS) {
      if (adapter.bookkeeping?.table !== name) continue;
      const record = await adapter.bookkeeping.read(client, qualified(schema, name), columns);
      if (!record) continue;
      states.push({ tool: adapter.convention, table: `${schema}.${name}`, ...record });
      break;
    }
  }
  return states;
}
const digits = (id) => id.replace(/\D/g, "");
function sameMigration(migration, recorded) {
  return migration.id === recorded || digits(recorded) !== "" && digits(migration.id) === digits(recorded);
}
function compareApplied(state, migrations) {
  const bookkeeping = adapterFor(state.tool).bookkeeping;
  const applied = bookkeeping?.appliedOf?.(state, migrations) ?? migrations.filter((m) => state.applied.some((id) => sameMigration(m, id)));
  const known = state.heads ?? state.applied;
  return {
    applied,
    pending: migrations.filter((m) => !applied.includes(m)),
    unknown: known.filter((id) => !migrations.some((m) => sameMigration(m, id))),
    failed: state.failed
  };
}
function detectDrift(live, replayed, normalisation) {
  if (!normalisation) return diffSnapshots(replayed, live);
  return diffSnapshots(normaliseForDrift(replayed, normalisation), normaliseForDrift(live, normalisation));
}
async function readAclNormalisation(client) {
  const [version] = await client.query("SELECT current_setting('server_version_num')::int / 10000 AS major");
  const defaults = await client.query(
    `SELECT d.defaclobjtype::text AS type, n.nspname AS schema, d.defaclacl::text[] AS acl
     FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace`
  );
  return {
    liveMajor: Number(version?.major ?? 0),
    defaultGrants: defaults.map((row) => ({
      objectType: String(row.type),
      schema: row.schema === null || row.schema === void 0 ? null : String(row.schema),
      acl: Array.isArray(row.acl) ? row.acl.map(String) : []
    }))
  };
}
async function connectReadOnly(url) {
  const client = new pg.Client({ connectionString: url, application_name: "db-migrate (read-only)" });
  await client.connect();
  try {
    await client.query("SET default_transaction_read_only = on");
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    query: async (sql) => (await client.query(sql)).rows,
    close: () => client.end()
  };
}
async function liveDrift(client, migrations, options = {}) {
  const states = await readAppliedState(client);
  const state = states.find((s) => migrations.some((m) => s.applied.some((id) => sameMigration(m, id)))) ?? states[0] ?? null;
  const comparison = state ? compareApplied(state, migrations) : null;
  const applied = comparison?.applied ?? migrations;
  const live = await snapshotSchema((sql) => client.query(sql));
  const normalisation = await readAclNormalisation(client);
  const engine = await openEngine({ ...options, extensions: requestedExtensions(applied) });
  try {
    const report = await engine.replay(applied);
    const replayed = await snapshotSchema((sql) => engine.query(sql));
    return { state, comparison, drift: detectDrift(live, replayed, normalisation), replayFailures: report.failures };
  } finally {
    await engine.close();
  }
}
function renderDrift(folder, report) {
  const lines = [`live database for ${folder}:`];
  if (report.state && report.comparison) {
    const { applied, pending, unknown, failed } = report.comparison;
    lines.push(`  ${report.state.table} (${report.state.tool}): ${applied.length} applied, ${pending.length} pending`);
    for (const migration of pending) lines.push(`    pending: ${migration.id} ${migration.path}`);
    for (const id of unknown) lines.push(`    applied on the database but not in the repository: ${id}`);
    for (const id of failed) lines.push(`    recorded as failed or half applied: ${id}`);
  } else {
    lines.push(`  no migration bookkeeping table found (${bookkeepingTables().join(", ")})`);
  }
  if (report.drift.length === 0) lines.push("  schema: no drift from the replayed applied migrations");
  else {
    lines.push(`  schema drift (live compared with the replayed applied migrations): ${report.drift.length}`);
    for (const difference of report.drift) lines.push(`    ${difference.describe}`);
  }
  if (report.replayFailures.length > 0)
    lines.push(
      `  (${report.replayFailures.length} applied statement(s) could not be replayed; drift near them may be theirs)`
    );
  return `${lines.join("\n")}
`;
}
async function driftForProjects(url, projects, options = {}) {
  const client = await connectReadOnly(url);
  try {
    const reports = [];
    for (const project of projects) {
      reports.push({ folder: project.folder, ...await liveDrift(client, project.migrations, options) });
    }
    return reports;
  } finally {
    await client.close();
  }
}
function driftJson(reports) {
  return reports.map((r) => ({
    folder: r.folder,
    tool: r.state?.tool ?? null,
    table: r.state?.table ?? null,
    applied: r.comparison?.applied.map((m) => m.id) ?? [],
    pending: r.comparison?.pending.map((m) => m.id) ?? [],
    unknown: r.comparison?.unknown ?? [],
    failed: r.comparison?.failed ?? [],
    drift: r.drift.map(({ change, objectType, object, describe }) => ({ change, objectType, object, describe })),
    replayFailures: r.replayFailures.map((f) => ({
      path: f.path,
      line: f.span.line,
      message: f.message,
      cause: f.cause
    }))
  }));
}
async function readTableSizes(client, tables) {
  const sizes = {};
  for (const table of new Set(tables)) {
    const dot = table.lastIndexOf(".");
    const where = dot > 0 ? `n.nspname = ${literal(table.slice(0, dot))} AND c.relname = ${literal(table.slice(dot + 1))}` : `c.relname = ${literal(table)} AND pg_table_is_visible(c.oid)`;
    const [row] = await client.query(
      `SELECT pg_total_relation_size(c.oid)::bigint AS bytes, c.reltuples::float8 AS rows
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE ${where} AND c.relkind IN ('r', 'p', 'm') LIMIT 1`
    );
    if (!row) continue;
    const rows = Number(row.rows);
    sizes[table] = { bytes: Number(row.bytes), rows: rows < 0 ? null : rows };
  }
  return sizes;
}
async function liveDatabaseFacts(url, projects, lockedTables, options = {}) {
  const client = await connectReadOnly(url);
  try {
    const reports = [];
    for (const project of projects) {
      reports.push({ folder: project.folder, ...await liveDrift(client, project.migrations, options) });
    }
    return { drift: driftJson(reports), tableSizes: await readTableSizes(client, lockedTables) };
  } finally {
    await client.close();
  }
}

export { compareApplied, connectReadOnly, detectDrift, driftForProjects, driftJson, liveDatabaseFacts, liveDrift, readAclNormalisation, readAppliedState, readTableSizes, renderDrift };
