/**
 * The engine backend on a real PostgreSQL server, over `pg`: the one
 * db-migrate starts (`engine: postgres`) or a disposable one the user names
 * (`engine-url`). The work happens in databases db-migrate creates on that
 * server; a checkpoint is a template database, restored by creating the work
 * database from it again. A budget stop cancels the statement from a second
 * connection; the transaction is rolled back and the state is the one before it.
 */
import { randomBytes } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import type { EngineBackend, ExecResult, WatchedLock } from "../backend.js";
import type { WorkerError } from "../protocol.js";
import { BudgetExceeded } from "../session.js";
import type { Checkpoint, EngineKind } from "../types.js";

export interface ServerBackendOptions {
  kind: Exclude<EngineKind, "pglite">;
  /** A URL of the server's maintenance database (where CREATE DATABASE runs). */
  adminUrl: string;
  /** Builds the URL of another database on the same server. */
  urlOf(database: string): string;
  /** SQL run at the start of every work connection (TimeZone). */
  sessionSql?: string;
  /** A folder the server can read, for `COPY … FROM stdin` data (only a server on this machine). */
  scratchDir?: string;
  signal?: AbortSignal;
  log?: (message: string) => void;
  /** Stops the server when the backend closes (the one db-migrate started). */
  onClose?: () => Promise<void>;
}

const COPY_BLOB = "'/dev/blob'";

export class ServerBackend implements EngineBackend {
  readonly kind: Exclude<EngineKind, "pglite">;
  serverVersion = "PostgreSQL";
  majorVersion = 0;
  starts = 0;
  deadline: { at: number; budgetMs: number } | null = null;
  extensions: string[] = [];
  private admin!: pg.Client;
  private work!: pg.Client;
  private workPid = 0;
  private readonly prefix = `db_migrate_${process.pid}_${randomBytes(3).toString("hex")}`;
  private workName = "";
  private counter = 0;
  private readonly created = new Set<string>();
  private pg!: typeof pg;

  private constructor(private readonly options: ServerBackendOptions) {
    this.kind = options.kind;
  }

  static async open(options: ServerBackendOptions): Promise<ServerBackend> {
    const backend = new ServerBackend(options);
    backend.pg = (await import("pg")).default;
    backend.admin = new backend.pg.Client({ connectionString: options.adminUrl });
    await backend.admin.connect();
    const version = await backend.admin.query<{ v: string; n: string }>(
      "SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n",
    );
    const row = version.rows[0];
    backend.serverVersion = `PostgreSQL ${String(row?.v ?? "").split(" ")[0]}`;
    backend.majorVersion = Math.floor(Number(row?.n ?? 0) / 10000);
    backend.workName = await backend.createDatabase("template0");
    await backend.connectWork();
    return backend;
  }

  get inTransaction(): boolean {
    return this.work.getTransactionStatus() !== "I";
  }

  hasExtension(): boolean {
    // Whether the server has an extension's files shows when CREATE EXTENSION runs.
    return true;
  }

  async loadExtensions(): Promise<void> {}

  async exec(sql: string, blob?: Uint8Array): Promise<ExecResult> {
    let text = sql;
    let file: string | null = null;
    if (blob) {
      if (!this.options.scratchDir)
        return { ok: false, error: { message: "could not open file for COPY: the server is not on this machine" } };
      file = path.join(this.options.scratchDir, `copy-${++this.counter}.data`);
      writeFileSync(file, blob, { mode: 0o644 });
      text = sql.replace(COPY_BLOB, `'${file}'`);
    }
    try {
      const result = await this.send(text);
      const list = Array.isArray(result) ? result : [result];
      return { ok: true, results: list.map((r) => (r.rows ?? []) as Record<string, unknown>[]) };
    } catch (error) {
      // The error can arrive before the server's ReadyForQuery: an empty query waits for it,
      // so the transaction status (idle, in a transaction, aborted) is current.
      await this.work.query("").catch(() => {});
      if (error instanceof BudgetExceeded) throw error;
      return { ok: false, error: errorOf(error) };
    } finally {
      if (file) rmSync(file, { force: true });
    }
  }

  async read(sql: string): Promise<Array<Record<string, unknown>[]>> {
    const result = await this.exec(sql);
    if (!result.ok) throw new Error(`${result.error.message} (in: ${sql.slice(0, 200)})`);
    return result.results;
  }

  async checkpoint(): Promise<Checkpoint> {
    // CREATE DATABASE … TEMPLATE needs the template without connections.
    await this.work.end();
    const database = await this.createDatabase(this.workName);
    await this.connectWork();
    return { kind: "server", database, extensions: [] };
  }

  rebase(): void {}

  async restore(checkpoint: Checkpoint): Promise<void> {
    if (checkpoint.kind !== "server") throw new Error("a PGlite checkpoint cannot be restored on a server");
    await this.work.end();
    await this.dropDatabase(this.workName);
    this.workName = await this.createDatabase(checkpoint.database);
    await this.connectWork();
  }

  async pristine(): Promise<Checkpoint> {
    return { kind: "server", database: "template0", extensions: [] };
  }

  async recover(): Promise<void> {
    this.deadline = null;
    // The stopped statement was cancelled: its transaction is aborted; the engine rolls it back.
    // A connection that did not survive is replaced (the server rolled its transaction back).
    if ((this.work as unknown as { _ending?: boolean })._ending || !this.alive) await this.connectWork();
  }

  async watch(sql: string, tables: string[]): Promise<{ result: ExecResult; locks: WatchedLock[] }> {
    const connect = async () => {
      const client = new this.pg.Client({ connectionString: this.options.urlOf(this.workName) });
      await client.connect();
      return client;
    };
    const watcher = await connect();
    const holders: Holder[] = [];
    const release = async (holder: Holder) => {
      if (!holder.open) return;
      holder.open = false;
      await holder.client.query("ROLLBACK").catch(() => {});
    };
    try {
      // One holds a snapshot (CONCURRENTLY waits for older snapshots), one per named table
      // holds ACCESS SHARE (a stronger lock waits for it): the statement shows each lock it
      // needs while it waits, and only the holder it waits for is released.
      const snapshot = await connect();
      await snapshot.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await snapshot.query("SELECT 1 FROM pg_class LIMIT 1");
      holders.push({ client: snapshot, vxid: await vxidOf(snapshot), oid: null, open: true });
      for (const table of tables.slice(0, 4)) {
        const client = await connect();
        const holder: Holder = { client, vxid: "", oid: null, open: true };
        holders.push(holder);
        try {
          await client.query("BEGIN");
          const locked = await client.query<{ oid: number }>(
            `LOCK TABLE ${table} IN ACCESS SHARE MODE; SELECT '${table.replace(/'/g, "''")}'::regclass::oid::int4 AS oid`,
          );
          const rows = (Array.isArray(locked) ? locked.at(-1) : locked) as pg.QueryResult<{ oid: number }>;
          holder.oid = Number(rows.rows[0]?.oid);
          holder.vxid = await vxidOf(client);
        } catch {
          await release(holder);
        }
      }
      const seen = new Map<string, WatchedLock>();
      let settled: { result?: ExecResult; error?: unknown } | null = null;
      void this.exec(sql).then(
        (result) => {
          settled = { result };
        },
        (error: unknown) => {
          settled = { error };
        },
      );
      let quiet = 0;
      while (!settled) {
        const { rows } = await watcher.query<PgLockRow>(
          `SELECT locktype, relation::int4 AS oid, virtualxid, mode, granted FROM pg_locks WHERE pid = $1`,
          [this.workPid],
        );
        let changed = false;
        for (const row of rows) {
          if (row.locktype !== "relation" || row.oid === null) continue;
          const key = `${row.oid}:${row.mode}`;
          if (!seen.has(key)) changed = true;
          seen.set(key, { oid: row.oid, mode: row.mode, granted: (seen.get(key)?.granted ?? false) || row.granted });
        }
        const waits = rows.filter((row) => !row.granted);
        quiet = waits.length > 0 && !changed ? quiet + 1 : 0;
        if (quiet >= 2) {
          quiet = 0;
          const awaited = holders.filter(
            (h) =>
              h.open &&
              waits.some(
                (w) =>
                  (w.locktype === "relation" && w.oid === h.oid) || (w.virtualxid !== null && w.virtualxid === h.vxid),
              ),
          );
          for (const holder of awaited.length > 0 ? awaited : holders) await release(holder);
        }
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const outcome = settled as { result?: ExecResult; error?: unknown };
      if (outcome.error) throw outcome.error;
      return { result: outcome.result as ExecResult, locks: [...seen.values()] };
    } finally {
      for (const holder of holders) await release(holder);
      await Promise.allSettled([watcher.end(), ...holders.map((h) => h.client.end())]);
    }
  }

  async close(): Promise<void> {
    await this.work?.end().catch(() => {});
    for (const database of this.created) await this.dropDatabase(database).catch(() => {});
    await this.admin.end().catch(() => {});
    await this.options.onClose?.();
  }

  private alive = false;

  private async connectWork(): Promise<void> {
    this.work = new this.pg.Client({ connectionString: this.options.urlOf(this.workName) });
    this.work.on("error", () => {
      this.alive = false;
    });
    await this.work.connect();
    this.alive = true;
    this.starts++;
    const pid = await this.work.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    this.workPid = Number(pid.rows[0]?.pid);
    if (this.options.sessionSql) await this.work.query(this.options.sessionSql);
  }

  private async createDatabase(template: string): Promise<string> {
    const name = `${this.prefix}_${++this.counter}`;
    await this.admin.query(`CREATE DATABASE ${name} TEMPLATE ${quoteIdent(template)}`);
    this.created.add(name);
    return name;
  }

  private async dropDatabase(name: string): Promise<void> {
    await this.admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    this.created.delete(name);
  }

  /** One query under the deadline: past it, the statement is cancelled from the admin connection. */
  private async send(sql: string): Promise<pg.QueryResult | pg.QueryResult[]> {
    const deadline = this.deadline;
    const signal = this.options.signal;
    if (signal?.aborted) throw new BudgetExceeded("deadline", 0);
    let stopped: BudgetExceeded | null = null;
    const cancel = (reason: BudgetExceeded) => {
      stopped = reason;
      void this.admin.query("SELECT pg_cancel_backend($1)", [this.workPid]).catch(() => {});
      // A statement that ignores the cancel (rare: a tight C loop) is terminated.
      terminateTimer = setTimeout(() => {
        void this.admin.query("SELECT pg_terminate_backend($1)", [this.workPid]).catch(() => {});
      }, 5000);
    };
    let terminateTimer: NodeJS.Timeout | undefined;
    const timer = deadline
      ? setTimeout(() => cancel(new BudgetExceeded("time", deadline.budgetMs)), Math.max(0, deadline.at - Date.now()))
      : undefined;
    const onAbort = () => cancel(new BudgetExceeded("deadline", 0));
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return (await this.work.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
    } catch (error) {
      if (stopped) throw stopped;
      throw error;
    } finally {
      if (timer) clearTimeout(timer);
      if (terminateTimer) clearTimeout(terminateTimer);
      signal?.removeEventListener("abort", onAbort);
    }
  }
}

/** A session holding what makes the watched statement wait. */
interface Holder {
  client: pg.Client;
  /** Its virtual transaction id, as pg_locks shows it in a `virtualxid` wait. */
  vxid: string;
  /** The table it holds ACCESS SHARE on, or null (the snapshot holder). */
  oid: number | null;
  open: boolean;
}

interface PgLockRow {
  locktype: string;
  oid: number | null;
  virtualxid: string | null;
  mode: string;
  granted: boolean;
}

async function vxidOf(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ vxid: string }>(
    "SELECT virtualxid AS vxid FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'virtualxid'",
  );
  return rows[0]?.vxid ?? "";
}

function errorOf(error: unknown): WorkerError {
  const e = error as { message?: string; code?: string; detail?: string; hint?: string };
  const result: WorkerError = { message: e.message ?? String(error) };
  if (e.code) result.code = e.code;
  if (e.detail) result.detail = e.detail;
  if (e.hint) result.hint = e.hint;
  return result;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
