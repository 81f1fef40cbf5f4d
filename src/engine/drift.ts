/**
 * `history --database-url`: what a live database has applied (from the
 * migration tool's own bookkeeping table), what is pending, and how its schema
 * differs from the history replayed on the embedded PostgreSQL. The live
 * database is only read: the session is set read-only before any query.
 */
import pg from "pg";
import type { AppliedRecord, SqlClient } from "../sources/adapter.js";
import { ADAPTERS, adapterFor, bookkeepingTables } from "../sources/registry.js";
import type { Convention, LiveDrift, Migration, TableSize } from "../types.js";
import { diffSnapshots, snapshotSchema } from "./catalog/index.js";
import { type AclNormalisation, normaliseForDrift } from "./catalog/normalise.js";
import type { SchemaDifference, SchemaSnapshot } from "./catalog/types.js";
import { type EngineOptions, openEngine } from "./engine.js";
import { requestedExtensions } from "./extensions.js";
import type { StatementFailure } from "./types.js";

export type { SqlClient } from "../sources/adapter.js";

export interface AppliedState extends AppliedRecord {
  /** The tool whose bookkeeping table this is. */
  tool: Convention;
  /** `schema.table` of the bookkeeping table. */
  table: string;
}

function qualified(schema: string, table: string): string {
  return `"${schema.replaceAll('"', '""')}"."${table.replaceAll('"', '""')}"`;
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** Reads every migration tool's bookkeeping table found in the database; each tool's adapter reads its own. */
export async function readAppliedState(client: SqlClient): Promise<AppliedState[]> {
  const tables = await client.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_name IN (${bookkeepingTables().map(literal).join(", ")}) AND table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY table_schema, table_name`,
  );
  const states: AppliedState[] = [];
  for (const row of tables) {
    const schema = String(row.schema);
    const name = String(row.name);
    const columns = (
      await client.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = ${literal(schema)} AND table_name = ${literal(name)}`,
      )
    ).map((c) => String(c.column_name));
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

export interface AppliedComparison {
  applied: Migration[];
  pending: Migration[];
  /** Ids the database has applied that the repository does not have. */
  unknown: string[];
  failed: string[];
}

const digits = (id: string) => id.replace(/\D/g, "");

function sameMigration(migration: Migration, recorded: string): boolean {
  return migration.id === recorded || (digits(recorded) !== "" && digits(migration.id) === digits(recorded));
}

/** Splits the repository's migrations into applied and pending by the database's record. */
export function compareApplied(state: AppliedState, migrations: Migration[]): AppliedComparison {
  const bookkeeping = adapterFor(state.tool).bookkeeping;
  const applied =
    bookkeeping?.appliedOf?.(state, migrations) ??
    migrations.filter((m) => state.applied.some((id) => sameMigration(m, id)));
  const known = state.heads ?? state.applied;
  return {
    applied,
    pending: migrations.filter((m) => !applied.includes(m)),
    unknown: known.filter((id) => !migrations.some((m) => sameMigration(m, id))),
    failed: state.failed,
  };
}

/**
 * Live minus replayed: what was changed on the database outside the migrations (or by migrations
 * not in the repo). With `normalisation`, the live server's version and ownership noise is left out.
 */
export function detectDrift(
  live: SchemaSnapshot,
  replayed: SchemaSnapshot,
  normalisation?: AclNormalisation,
): SchemaDifference[] {
  if (!normalisation) return diffSnapshots(replayed, live);
  return diffSnapshots(normaliseForDrift(replayed, normalisation), normaliseForDrift(live, normalisation));
}

/** The live server's major version and default privileges, read-only. */
export async function readAclNormalisation(client: SqlClient): Promise<AclNormalisation> {
  const [version] = await client.query("SELECT current_setting('server_version_num')::int / 10000 AS major");
  const defaults = await client.query(
    `SELECT d.defaclobjtype::text AS type, n.nspname AS schema, d.defaclacl::text[] AS acl
     FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace`,
  );
  return {
    liveMajor: Number(version?.major ?? 0),
    defaultGrants: defaults.map((row) => ({
      objectType: String(row.type),
      schema: row.schema === null || row.schema === undefined ? null : String(row.schema),
      acl: Array.isArray(row.acl) ? row.acl.map(String) : [],
    })),
  };
}

/** A read-only `pg` session: `default_transaction_read_only` is on before anything else runs. */
export async function connectReadOnly(url: string): Promise<SqlClient & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: "db-migrate (read-only)" });
  await client.connect();
  try {
    await client.query("SET default_transaction_read_only = on");
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
    close: () => client.end(),
  };
}

export interface DriftReport {
  state: AppliedState | null;
  comparison: AppliedComparison | null;
  /** Review-like differences between the live schema and the replayed applied migrations. */
  drift: SchemaDifference[];
  /** Applied migrations the embedded PostgreSQL could not replay: drift next to them may be theirs. */
  replayFailures: StatementFailure[];
}

/** Applied vs pending and schema drift for one project's migrations against a live database. */
export async function liveDrift(
  client: SqlClient,
  migrations: Migration[],
  options: EngineOptions = {},
): Promise<DriftReport> {
  const states = await readAppliedState(client);
  const state =
    states.find((s) => migrations.some((m) => s.applied.some((id) => sameMigration(m, id)))) ?? states[0] ?? null;
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

export function renderDrift(folder: string, report: DriftReport): string {
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
      `  (${report.replayFailures.length} applied statement(s) could not be replayed; drift near them may be theirs)`,
    );
  return `${lines.join("\n")}\n`;
}

export interface ProjectDrift extends DriftReport {
  folder: string;
}

/** `history --database-url`: one read-only connection, one drift report per migration folder. */
export async function driftForProjects(
  url: string,
  projects: Array<{ folder: string; migrations: Migration[] }>,
  options: EngineOptions = {},
): Promise<ProjectDrift[]> {
  const client = await connectReadOnly(url);
  try {
    const reports: ProjectDrift[] = [];
    for (const project of projects) {
      reports.push({ folder: project.folder, ...(await liveDrift(client, project.migrations, options)) });
    }
    return reports;
  } finally {
    await client.close();
  }
}

/** The JSON form: ids and review lines, not whole Migration objects. */
export function driftJson(reports: ProjectDrift[]): LiveDrift[] {
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
      cause: f.cause,
    })),
  }));
}

/**
 * Size and estimated rows of each named table on the live database, read from `pg_class`
 * (`pg_total_relation_size`, `reltuples`); tables the database does not have (created by the PR) are left out.
 */
export async function readTableSizes(client: SqlClient, tables: string[]): Promise<Record<string, TableSize>> {
  const sizes: Record<string, TableSize> = {};
  for (const table of new Set(tables)) {
    // The plan names relations as the catalog spells them (`schema.name`, or `name` when on the search path), unquoted.
    const dot = table.lastIndexOf(".");
    const where =
      dot > 0
        ? `n.nspname = ${literal(table.slice(0, dot))} AND c.relname = ${literal(table.slice(dot + 1))}`
        : `c.relname = ${literal(table)} AND pg_table_is_visible(c.oid)`;
    const [row] = await client.query(
      `SELECT pg_total_relation_size(c.oid)::bigint AS bytes, c.reltuples::float8 AS rows
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE ${where} AND c.relkind IN ('r', 'p', 'm') LIMIT 1`,
    );
    if (!row) continue;
    const rows = Number(row.rows);
    // reltuples is -1 (PostgreSQL 14+) or 0 with no pages (13) until the table is first vacuumed or analysed.
    sizes[table] = { bytes: Number(row.bytes), rows: rows < 0 ? null : rows };
  }
  return sizes;
}

/**
 * The PR path (`validate`/`plan --database-url`, the action's `database-url` input): drift of each
 * folder's base history and the size of the tables the PR locks, over one read-only session.
 */
export async function liveDatabaseFacts(
  url: string,
  projects: Array<{ folder: string; migrations: Migration[] }>,
  lockedTables: string[],
  options: EngineOptions = {},
): Promise<{ drift: LiveDrift[]; tableSizes: Record<string, TableSize> }> {
  const client = await connectReadOnly(url);
  try {
    const reports: ProjectDrift[] = [];
    for (const project of projects) {
      reports.push({ folder: project.folder, ...(await liveDrift(client, project.migrations, options)) });
    }
    return { drift: driftJson(reports), tableSizes: await readTableSizes(client, lockedTables) };
  } finally {
    await client.close();
  }
}
