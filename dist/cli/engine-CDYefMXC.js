import { f as as, q as qualifiedKey, L as LOCK_MODES, j as statementEffects } from './cli-B_9R6XYJ.js';
import { existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const EXTENSION_PACKAGES = [
  "@electric-sql/pglite-pgvector",
  "@electric-sql/pglite-age",
  "@electric-sql/pglite-pg_hashids",
  "@electric-sql/pglite-pg_ivm",
  "@electric-sql/pglite-pg_textsearch",
  "@electric-sql/pglite-pg_uuidv7",
  "@electric-sql/pglite-pgtap"
];
let resolved;
function engineAssets() {
  resolved ??= import.meta.url.endsWith(".ts") ? sourceAssets() : bundleAssets();
  return resolved;
}
function bundleAssets() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.join(here, "pglite");
  return {
    startWorker: (options) => new Worker(pathToFileURL(path.join(here, "engine-worker.js")), options),
    pgliteWasm: path.join(dir, "pglite.wasm"),
    initdbWasm: path.join(dir, "initdb.wasm"),
    fsBundle: path.join(dir, "pglite.data"),
    pgdata: path.join(dir, "pgdata.tar.gz"),
    tarballs: tarballsIn([dir])
  };
}
function sourceAssets() {
  const require = createRequire(import.meta.url);
  const pgliteDist = path.dirname(require.resolve("@electric-sql/pglite"));
  const extensionDirs = EXTENSION_PACKAGES.flatMap((name) => {
    try {
      return [path.dirname(require.resolve(name))];
    } catch {
      return [];
    }
  });
  const nodeModules = path.resolve(pgliteDist, "../../..");
  return {
    startWorker: (options) => {
      const tsx = pathToFileURL(path.join(path.dirname(require.resolve("tsx/package.json")), "dist/esm/api/index.mjs"));
      const entry = new URL("./worker.ts", import.meta.url);
      const bootstrap = `import(${JSON.stringify(tsx.href)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
      return new Worker(bootstrap, { ...options, eval: true });
    },
    pgliteWasm: path.join(pgliteDist, "pglite.wasm"),
    initdbWasm: path.join(pgliteDist, "initdb.wasm"),
    fsBundle: path.join(pgliteDist, "pglite.data"),
    pgdata: path.join(nodeModules, ".cache", "db-migrate", `pgdata-${pgliteVersion(pgliteDist)}.tar.gz`),
    tarballs: tarballsIn([pgliteDist, ...extensionDirs])
  };
}
function pgliteVersion(pgliteDist) {
  const manifest = JSON.parse(readFileSync(path.join(pgliteDist, "..", "package.json"), "utf8"));
  return manifest.version;
}
function tarballsIn(dirs) {
  const found = /* @__PURE__ */ new Map();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (file.endsWith(".tar.gz") && file !== "pgdata.tar.gz")
        found.set(file.slice(0, -".tar.gz".length), path.join(dir, file));
    }
  }
  return found;
}

const TABLES = {
  alembic: "CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
  prisma: `CREATE TABLE IF NOT EXISTS _prisma_migrations (id varchar(36) PRIMARY KEY NOT NULL, checksum varchar(64) NOT NULL,
  finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
  started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`,
  flyway: `CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50),
  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,
  installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL)`,
  "golang-migrate": "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
  dbmate: "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)",
  diesel: "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)"
};
const literal = (value) => `'${value.replaceAll("'", "''")}'`;
function bookkeepingTable(convention) {
  return TABLES[convention] ?? null;
}
function recordApplied(migration) {
  const insert = recordStatement(migration);
  return insert ? `SET LOCAL session_replication_role = replica; ${insert}` : null;
}
function recordStatement(migration) {
  const id = literal(migration.id);
  switch (migration.convention) {
    case "alembic":
      return `DELETE FROM alembic_version; INSERT INTO alembic_version (version_num) VALUES (${id})`;
    case "prisma":
      return `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (gen_random_uuid()::text, ${literal(migration.checksum ?? "")}, now(), ${id}, 1)`;
    case "flyway":
      return `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, installed_by, execution_time, success)
  SELECT coalesce(max(installed_rank), 0) + 1, ${migration.repeatable ? "NULL" : id}, ${literal(migration.name)}, 'SQL', ${literal(migration.path.split("/").pop() ?? migration.path)}, current_user, 0, true FROM flyway_schema_history`;
    case "golang-migrate":
      return /^\d+$/.test(migration.id) ? `DELETE FROM schema_migrations; INSERT INTO schema_migrations (version, dirty) VALUES (${migration.id}, false)` : null;
    case "dbmate":
    case "diesel": {
      const table = migration.convention === "diesel" ? "__diesel_schema_migrations" : "schema_migrations";
      return `INSERT INTO ${table} (version) VALUES (${id}) ON CONFLICT DO NOTHING`;
    }
    default:
      return null;
  }
}

const SHARED_TARBALLS = {
  autoinc: "spi",
  insert_username: "spi",
  moddatetime: "spi",
  refint: "spi"
};
const SHARED_PRELOAD = /* @__PURE__ */ new Set(["pg_stat_statements", "auto_explain"]);
function tarballName(extension) {
  return SHARED_TARBALLS[extension] ?? extension;
}
function requestedExtensions(migrations) {
  const names = /* @__PURE__ */ new Set();
  for (const migration of migrations) {
    for (const statement of migration.statements) {
      const create = as(statement.ast, "CreateExtensionStmt");
      if (create?.extname) names.add(create.extname);
    }
  }
  return [...names];
}
function missingExtension(message) {
  return /extension "([^"]+)" is not available/.exec(message)?.[1] ?? /could not open extension control file "[^"]*\/([^"/]+)\.control"/.exec(message)?.[1];
}

class BudgetExceeded extends Error {
  constructor(kind, limit) {
    super(
      kind === "time" ? `stopped after the ${formatMs(limit)} time budget` : `stopped: the embedded PostgreSQL went past the ${limit} MB memory budget`
    );
    this.kind = kind;
    this.limit = limit;
  }
  kind;
  limit;
  name = "BudgetExceeded";
}
function formatMs(ms) {
  return ms % 1e3 === 0 ? `${ms / 1e3} s` : `${(ms / 1e3).toFixed(1)} s`;
}
let shared;
let pristine;
const wasm = globalThis.WebAssembly;
function loadShared() {
  shared ??= (async () => {
    const assets = engineAssets();
    const [pgliteWasm, initdbWasm] = await Promise.all([
      wasm.compile(readFileSync(assets.pgliteWasm)),
      existsSync(assets.pgdata) ? null : wasm.compile(readFileSync(assets.initdbWasm))
    ]);
    const bundle = readFileSync(assets.fsBundle);
    const fsBundle = bundle.buffer.slice(bundle.byteOffset, bundle.byteOffset + bundle.byteLength);
    return { init: { pgliteWasm, fsBundle, initdbWasm }, assets };
  })();
  return shared;
}
function pristineDataDir(assets) {
  pristine ??= existsSync(assets.pgdata) ? new Uint8Array(gunzipSync(readFileSync(assets.pgdata))) : null;
  return pristine;
}
class WorkerSession {
  constructor(resources, options) {
    this.resources = resources;
    this.options = options;
  }
  resources;
  options;
  inTransaction = false;
  /** Time budget end (Date.now() ms) for the requests sent from now on; null: none. */
  deadline = null;
  worker;
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  journal = [];
  exited = /* @__PURE__ */ new WeakSet();
  base;
  /** Starts PostgreSQL from `initial` (a checkpoint), else from the pre-initialised data dir (else initdb). */
  static async start(extensions, options, initial) {
    const started = performance.now();
    const assets = engineAssets();
    const worker = spawnWorker(assets);
    const resources = await loadShared();
    const session = new WorkerSession(resources, options);
    session.adopt(worker);
    const compiled = performance.now();
    const start = initial ?? (pristineDataDir(assets) ? { data: pristineDataDir(assets), extensions: [] } : null);
    if (start) {
      await session.open(start.data, [...start.extensions, ...extensions]);
      session.base = { data: start.data, extensions: session.extensions };
    } else {
      options.log(`engine: no pre-initialised data dir at ${assets.pgdata}; running initdb`);
      await session.open(null, extensions);
      session.base = await session.checkpoint();
      savePristine(assets, session.base.data, options.log);
    }
    options.log(
      `engine: PostgreSQL ready in ${Math.round(performance.now() - started)} ms (WASM ${Math.round(compiled - started)} ms, ${initial ? "cached state" : "data dir"} ${Math.round(performance.now() - compiled)} ms)`
    );
    return session;
  }
  extensions = [];
  /** Whether the embedded PostgreSQL ships this extension's files. */
  hasExtension(name) {
    return this.resources.assets.tarballs.has(tarballName(name));
  }
  async exec(sql, blob) {
    const request = blob ? { id: 0, op: "exec", sql, blob } : { id: 0, op: "exec", sql };
    const response = await this.send(request);
    this.journal.push(blob ? { sql, blob } : { sql });
    return response.ok ? { ok: true, results: response.results ?? [] } : { ok: false, error: response.error };
  }
  /** Reads that change nothing (not journaled). Throws on SQL errors. */
  async read(sql) {
    const response = await this.send({ id: 0, op: "exec", sql });
    if (!response.ok) throw new Error(`${response.error.message} (in: ${sql.slice(0, 200)})`);
    return response.results ?? [];
  }
  async checkpoint() {
    const flushed = await this.send({ id: 0, op: "exec", sql: "CHECKPOINT" });
    if (!flushed.ok) throw new Error(`CHECKPOINT failed: ${flushed.error.message}`);
    const response = await this.send({ id: 0, op: "dump", compression: "none" });
    if (!response.ok || !response.data) throw new Error(`dumping the data dir failed: ${errorText(response)}`);
    return { data: response.data, extensions: [...this.extensions] };
  }
  /** Makes a checkpoint of the current state the point recovery starts from (no restart). */
  rebase(checkpoint) {
    this.base = checkpoint;
    this.journal = [];
  }
  /** Replaces the whole state by a checkpoint's (restarting PostgreSQL). */
  async restore(checkpoint, extraExtensions = []) {
    await this.open(checkpoint.data, [...checkpoint.extensions, ...extraExtensions]);
    this.base = { data: checkpoint.data, extensions: [...this.extensions] };
    this.journal = [];
  }
  /** Makes sure these extensions' files are loaded, restarting PostgreSQL with the current state if needed. */
  async loadExtensions(names) {
    const missing = names.filter((name) => this.hasExtension(name) && !this.extensions.includes(name));
    if (missing.length === 0) return;
    this.options.log(`engine: loading extension(s) ${missing.join(", ")}`);
    if (this.journal.length === 0) return this.restore(this.base, missing);
    return this.restore(await this.checkpoint(), missing);
  }
  /** After the worker was stopped: a new one, rebuilt from the last checkpoint and the journal. */
  async recover() {
    this.spawn();
    const journal = this.journal;
    this.journal = [];
    this.deadline = null;
    await this.open(this.base.data, this.base.extensions);
    for (const entry of journal) await this.exec(entry.sql, entry.blob);
  }
  async close() {
    for (const { reject } of this.pending.values()) reject(new Error("engine closed"));
    this.pending.clear();
    await this.worker.terminate();
  }
  async open(data, extensions) {
    const unique = [...new Set(extensions)].filter((name) => this.hasExtension(name));
    const specs = unique.map((name) => ({
      name,
      url: new URL(`file://${this.resources.assets.tarballs.get(tarballName(name))}`).href,
      preload: SHARED_PRELOAD.has(name)
    }));
    const response = await this.send({ id: 0, op: "open", data, extensions: specs });
    if (!response.ok) throw new Error(`starting the embedded PostgreSQL failed: ${response.error.message}`);
    this.extensions = unique;
  }
  spawn() {
    this.adopt(spawnWorker(this.resources.assets));
  }
  /** Takes a started worker: hands it the compiled WASM and listens to it. */
  adopt(worker) {
    this.worker = worker;
    worker.postMessage({ init: this.resources.init });
    worker.on("message", (response) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      waiting?.resolve(response);
    });
    const fail = (error) => {
      if (this.worker !== worker) return;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    worker.on(
      "error",
      (error) => fail(
        error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new BudgetExceeded("memory", this.options.memoryLimitMb) : error
      )
    );
    worker.on("exit", (code) => {
      this.exited.add(worker);
      fail(new Error(`the engine worker exited (${code})`));
    });
  }
  send(request) {
    const id = this.nextId++;
    const worker = this.worker;
    const deadline = this.deadline;
    if (this.exited.has(worker)) return Promise.reject(new Error("the engine worker is not running"));
    return new Promise((resolve, reject) => {
      let timer;
      const stop = (error) => {
        cleanup();
        this.pending.delete(id);
        this.exited.add(worker);
        void worker.terminate();
        reject(error);
      };
      const watchdog = setInterval(() => {
        if (process.memoryUsage.rss() > this.options.memoryLimitMb * 1024 * 1024)
          stop(new BudgetExceeded("memory", this.options.memoryLimitMb));
      }, 200);
      if (deadline)
        timer = setTimeout(
          () => stop(new BudgetExceeded("time", deadline.budgetMs)),
          Math.max(0, deadline.at - Date.now())
        );
      const cleanup = () => {
        clearInterval(watchdog);
        if (timer) clearTimeout(timer);
      };
      this.pending.set(id, {
        resolve: (response) => {
          cleanup();
          this.inTransaction = response.inTransaction;
          resolve(response);
        },
        reject: (error) => {
          cleanup();
          reject(error);
        }
      });
      worker.postMessage({ ...request, id });
    });
  }
}
function spawnWorker(assets) {
  return assets.startWorker({ resourceLimits: { maxOldGenerationSizeMb: 1024 } });
}
function errorText(response) {
  return response.ok ? "no data" : response.error.message;
}
function savePristine(assets, data, log) {
  if (!import.meta.url.endsWith(".ts")) return;
  try {
    mkdirSync(path.dirname(assets.pgdata), { recursive: true });
    writeFileSync(assets.pgdata, gzipSync(data));
    pristine = data;
  } catch (error) {
    log(`engine: could not keep the initialised data dir: ${error.message}`);
  }
}

function isTransactionControl(statement) {
  if (statement.kind === "TransactionStmt") return true;
  const set = as(statement.ast, "VariableSetStmt");
  return set?.name === "TRANSACTION" || set?.name === "SESSION CHARACTERISTICS";
}
function cannotRunInTransaction(ast) {
  if (!ast) return false;
  if (as(ast, "IndexStmt")?.concurrent) return true;
  if (as(ast, "DropStmt")?.concurrent) return true;
  const reindex = as(ast, "ReindexStmt");
  if (reindex?.params?.some((p) => as(p, "DefElem")?.defname === "concurrently")) return true;
  if (as(ast, "VacuumStmt")?.is_vacuumcmd) return true;
  if (as(ast, "CreatedbStmt") || as(ast, "DropdbStmt") || as(ast, "AlterSystemStmt")) return true;
  if (as(ast, "CreateTableSpaceStmt") || as(ast, "DropTableSpaceStmt")) return true;
  const alter = as(ast, "AlterTableStmt");
  return alter?.cmds?.some((cmd) => {
    const def = as(as(cmd, "AlterTableCmd")?.def, "PartitionCmd");
    return def?.concurrent === true;
  }) ?? false;
}
function executableSql(statement) {
  const copy = as(statement.ast, "CopyStmt");
  if (copy?.is_from && !copy.filename && statement.copyData !== void 0) {
    const rows = statement.copyData.length > 0 ? `${statement.copyData}
` : "";
    return {
      sql: statement.sql.replace(/\bfrom\s+stdin\b/i, "FROM '/dev/blob'"),
      blob: new TextEncoder().encode(rows)
    };
  }
  return { sql: statement.sql };
}
function namedRelations(ast) {
  const names = /* @__PURE__ */ new Set();
  const visit = (value) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== "object") return;
    const record = value;
    if (typeof record.relname === "string")
      names.add(qualifiedKey(record.schemaname, record.relname));
    for (const child of Object.values(record)) visit(child);
  };
  visit(ast);
  const index = as(ast, "IndexStmt");
  if (index?.idxname) names.add(qualifiedKey(index.relation?.schemaname, index.idxname));
  return names;
}

const DEFAULT_BUDGET_MS = 3e4;
async function openEngine(options = {}) {
  const log = options.log ?? (() => {
  });
  const session = await WorkerSession.start(
    options.extensions ?? [],
    { log, memoryLimitMb: options.memoryLimitMb ?? 3072 },
    options.initial
  );
  return new PgliteEngine(session, options);
}
const RELKINDS = {
  r: "table",
  p: "table",
  f: "table",
  m: "matview",
  i: "index",
  I: "index",
  S: "sequence",
  v: "view"
};
const RELATIONS_SQL = `SELECT c.oid::int4 AS oid, n.nspname AS schema, c.relname AS name, c.relkind::text AS kind,
  c.relfilenode::int4 AS filenode,
  CASE WHEN c.relkind IN ('r', 'm') THEN pg_stat_get_xact_numscans(c.oid)::int4 ELSE 0 END AS scans
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)'
  AND c.relkind IN ('r', 'p', 'f', 'm', 'i', 'I', 'S', 'v')`;
const LOCKS_SQL = `SELECT relation::int4 AS oid, mode FROM pg_locks
WHERE locktype = 'relation' AND granted AND pid = pg_backend_pid()
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
const SAVEPOINT = "db_migrate_statement";
class PgliteEngine {
  constructor(session, options) {
    this.session = session;
    this.options = options;
    this.budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
    this.log = options.log ?? (() => {
    });
  }
  session;
  options;
  createdRoles = [];
  /** Tools whose bookkeeping table exists in the database. */
  bookkept = /* @__PURE__ */ new Set();
  budgetMs;
  log;
  get extensions() {
    return this.session.extensions;
  }
  async replay(migrations) {
    const started = performance.now();
    await this.session.loadExtensions(requestedExtensions(migrations));
    const outcomes = [];
    for (const migration of migrations) outcomes.push((await this.apply(migration, null)).outcome);
    return {
      migrations: outcomes,
      failures: outcomes.flatMap((o) => o.failures),
      createdRoles: [...this.createdRoles],
      extensions: [...this.session.extensions],
      durationMs: performance.now() - started
    };
  }
  async trace(migration, options = {}) {
    await this.session.loadExtensions(requestedExtensions([migration]));
    const relations = await this.relations();
    const observer = {
      baseline: options.baseline?.relations ?? new Set(relations.keys()),
      relations,
      held: /* @__PURE__ */ new Set(),
      traces: [],
      transactionOf: [],
      transactionNumber: 0
    };
    const { outcome } = await this.apply(migration, observer);
    countHeldFor(observer);
    const trace = {
      migration,
      statements: observer.traces,
      ok: outcome.ok,
      durationMs: outcome.durationMs
    };
    if (outcome.stopped) trace.stopped = outcome.stopped;
    const stoppedAt = outcome.failures.find((f) => f.cause === "budget");
    if (stoppedAt && !trace.statements.some((s) => s.index === stoppedAt.statement)) {
      const statement = migration.statements[stoppedAt.statement];
      trace.statements.push({
        index: stoppedAt.statement,
        statement,
        transaction: "none",
        locks: [],
        rewrites: [],
        scans: [],
        error: { message: stoppedAt.message },
        durationMs: 0
      });
    }
    return trace;
  }
  async run(statements, options) {
    this.startBudget();
    let index = 0;
    try {
      if (options.transactional) await this.control("BEGIN");
      for (; index < statements.length; index++) {
        const item = statements[index];
        const { sql, blob } = typeof item === "string" ? { sql: item, blob: void 0 } : executableSql(item);
        const result = await this.session.exec(sql, blob);
        if (!result.ok) {
          if (this.session.inTransaction) await this.control("ROLLBACK");
          return { ok: false, index, message: errorMessage(result.error) };
        }
      }
      if (this.session.inTransaction) await this.control("COMMIT");
      return { ok: true };
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      await this.recover();
      return { ok: false, index, message: error.message };
    } finally {
      this.session.deadline = null;
    }
  }
  async query(sql) {
    const results = await this.session.read(sql);
    return results[results.length - 1] ?? [];
  }
  async baseline() {
    return { relations: new Set((await this.relations()).keys()) };
  }
  async checkpoint() {
    const checkpoint = await this.session.checkpoint();
    this.session.rebase(checkpoint);
    return checkpoint;
  }
  async restore(checkpoint) {
    await this.session.restore(checkpoint);
    this.bookkept.clear();
  }
  close() {
    return this.session.close();
  }
  startBudget() {
    this.session.deadline = { at: Date.now() + this.budgetMs, budgetMs: this.budgetMs };
  }
  /** Rebuilds the state after the worker was stopped, without the statement that was running. */
  async recover() {
    this.log("engine: restarting the embedded PostgreSQL after a budget stop");
    await this.session.recover();
    if (this.session.inTransaction) await this.control("ROLLBACK");
  }
  /** The migration tool's own table, created the first time one of its migrations runs. */
  async createBookkeeping(migration) {
    const table = bookkeepingTable(migration.convention);
    if (!table || this.bookkept.has(migration.convention)) return;
    await this.control(table);
    this.bookkept.add(migration.convention);
  }
  async control(sql) {
    const result = await this.session.exec(sql);
    if (!result.ok) throw new Error(`${sql} failed: ${result.error.message}`);
  }
  /** Runs a migration; on a budget stop, the state goes back to before the statement that ran too long. */
  async apply(migration, observer) {
    const started = performance.now();
    const failures = [];
    const position = { statement: 0 };
    const outcome = (stopped) => {
      const result = {
        migration: migration.id,
        path: migration.path,
        ok: failures.length === 0,
        durationMs: performance.now() - started,
        failures
      };
      if (stopped) result.stopped = stopped;
      return { outcome: result };
    };
    await this.createBookkeeping(migration);
    const record = recordApplied(migration);
    this.startBudget();
    try {
      if (!observer && fastPathAllowed(migration)) {
        const statements = migration.statements.map((s) => `${s.sql}
;`);
        const script = `BEGIN;
${statements.join("\n")}
${record ? `${record};
` : ""}COMMIT;
RESET ALL`;
        const result = await this.session.exec(script);
        if (result.ok) return outcome();
        this.log(`engine: ${migration.path}: statement by statement (${result.error.message})`);
        if (this.session.inTransaction) await this.control("ROLLBACK");
      }
      await this.stepwise(migration, observer, failures, position);
      if (record) {
        const recorded = await this.session.exec(`BEGIN; ${record}; COMMIT`);
        if (!recorded.ok) {
          this.log(`engine: could not record ${migration.id} as applied: ${recorded.error.message}`);
          if (this.session.inTransaction) await this.control("ROLLBACK");
        }
      }
      return outcome();
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      await this.recover();
      const statement = migration.statements[position.statement];
      failures.push(failureOf(migration, position.statement, statement, { message: error.message }, "budget"));
      return outcome(error.kind);
    } finally {
      this.session.deadline = null;
    }
  }
  async stepwise(migration, observer, failures, position) {
    let toolTransaction = false;
    if (migration.transactional) {
      await this.control("BEGIN");
      toolTransaction = true;
    }
    for (const [index, statement] of migration.statements.entries()) {
      position.statement = index;
      const wasInTransaction = this.session.inTransaction;
      if (isTransactionControl(statement)) {
        const result2 = await this.session.exec(statement.sql);
        if (!result2.ok) failures.push(failureOf(migration, index, statement, result2.error));
        if (observer) this.record(observer, index, statement, wasInTransaction ? "explicit" : "none", [], [], result2);
        if (!this.session.inTransaction) {
          toolTransaction = false;
          if (observer) endTransaction(observer);
        }
        continue;
      }
      let reopen = false;
      if (statement.autocommit && this.session.inTransaction && toolTransaction) {
        await this.control("COMMIT");
        if (observer) endTransaction(observer);
        reopen = true;
      }
      const transaction = this.session.inTransaction ? toolTransaction ? "migration" : "explicit" : "none";
      const result = await this.statement(index, statement, observer, transaction);
      if (!result.ok && result.error) failures.push(failureOf(migration, index, statement, result.error));
      if (reopen) await this.control("BEGIN");
    }
    if (this.session.inTransaction) await this.control("COMMIT");
    if (observer) endTransaction(observer);
    await this.control("RESET ALL");
  }
  async statement(index, statement, observer, transaction) {
    const started = performance.now();
    const outsideTransaction = cannotRunInTransaction(statement.ast);
    const wrap = observer !== null && transaction === "none" && !outsideTransaction;
    if (wrap) await this.control("BEGIN");
    const result = await this.execute(statement, this.session.inTransaction);
    if (!observer) return result;
    if (outsideTransaction || transaction === "none" && !wrap) {
      await this.recordDocumented(observer, index, statement, result, started);
    } else {
      const { locks, rewrites, scans } = await this.observe(observer, statement);
      this.record(observer, index, statement, transaction, locks, rewrites, result, scans, started);
    }
    if (wrap) {
      await this.control(this.session.inTransaction ? "COMMIT" : "ROLLBACK");
      endTransaction(observer);
    }
    return result;
  }
  /** Runs one statement; in a transaction, inside a savepoint so a failure leaves the rest intact. */
  async execute(statement, inTransaction, retried = false) {
    const { sql, blob } = executableSql(statement);
    const result = inTransaction ? await this.session.exec(`SAVEPOINT ${SAVEPOINT};
${sql}
;RELEASE SAVEPOINT ${SAVEPOINT}`, blob) : await this.session.exec(sql, blob);
    if (result.ok) return { ok: true };
    if (inTransaction) await this.control(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}; RELEASE SAVEPOINT ${SAVEPOINT}`);
    const role = /^role "([^"]+)" does not exist$/.exec(result.error.message)?.[1];
    if (role && !retried && !this.createdRoles.includes(role)) {
      const created = await this.session.exec(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
      if (created.ok) {
        this.createdRoles.push(role);
        this.log(`engine: created role ${role} (NOLOGIN) so the history can grant to it`);
        return this.execute(statement, inTransaction, true);
      }
    }
    return { ok: false, error: result.error };
  }
  async relations() {
    const [rows = []] = await this.session.read(RELATIONS_SQL);
    return relationMap(rows);
  }
  async observe(observer, statement) {
    const [relationRows = [], lockRows = []] = await this.session.read(`${RELATIONS_SQL};
${LOCKS_SQL}`);
    const after = relationMap(relationRows);
    const before = observer.relations;
    const named = namedRelations(statement.ast);
    const byRelation = /* @__PURE__ */ new Map();
    for (const row of lockRows) {
      const oid = Number(row.oid);
      const mode = row.mode;
      const relation = after.get(oid) ?? before.get(oid);
      if (!relation || !LOCK_MODES.includes(mode)) continue;
      const key = `${oid}:${mode}`;
      const acquired = !observer.held.has(key);
      observer.held.add(key);
      if (!acquired && !named.has(relation.name)) continue;
      const lock = {
        relation: relation.name,
        kind: relation.kind,
        mode,
        existedBefore: observer.baseline.has(oid),
        acquired,
        observed: true
      };
      const existing = byRelation.get(oid);
      if (!existing || LOCK_MODES.indexOf(mode) > LOCK_MODES.indexOf(existing.mode)) byRelation.set(oid, lock);
    }
    const rewrites = [];
    const scans = [];
    if (statement.kind !== "TruncateStmt") rewrites.push(...rewritten(before, after, observer.baseline));
    for (const [oid, now] of after) {
      const previous = before.get(oid)?.scans ?? 0;
      if (now.scans > previous && observer.baseline.has(oid)) scans.push(now.name);
    }
    observer.relations = after;
    return { locks: [...byRelation.values()], rewrites, scans };
  }
  /** A statement pg_locks cannot show (it runs outside any transaction): its documented lock. */
  async recordDocumented(observer, index, statement, result, started) {
    const after = await this.relations();
    const byName = new Map([...observer.relations.values(), ...after.values()].map((r) => [r.name, r]));
    const locks = statement.ast ? statementEffects(statement.ast, this.options.pgVersion ?? 18).filter((effect) => effect.table).map((effect) => {
      const relation = byName.get(effect.table);
      return {
        relation: effect.table,
        kind: relation?.kind ?? "table",
        mode: effect.lock,
        existedBefore: relation ? observer.baseline.has(relation.oid) : false,
        acquired: true,
        observed: false
      };
    }) : [];
    const rewrites = rewritten(observer.relations, after, observer.baseline);
    observer.relations = after;
    const note = cannotRunInTransaction(statement.ast) ? "not observable: it cannot run inside a transaction, so pg_locks cannot be read while it holds its locks; the documented lock is shown" : "not observable: it runs outside a transaction; the documented lock is shown";
    this.record(observer, index, statement, "none", locks, rewrites, result, [], started, note);
    endTransaction(observer);
  }
  record(observer, index, statement, transaction, locks, rewrites, result, scans = [], started = performance.now(), note) {
    const trace = {
      index,
      statement,
      transaction,
      locks,
      rewrites,
      scans,
      durationMs: performance.now() - started
    };
    if (!result.ok && result.error) {
      trace.error = { message: errorMessage(result.error) };
      if (result.error.code) trace.error.code = result.error.code;
    }
    if (note) trace.note = note;
    observer.traces.push(trace);
    observer.transactionOf.push(observer.transactionNumber);
  }
}
function fastPathAllowed(migration) {
  return migration.statements.every(
    (s) => s.ast !== null && !s.autocommit && s.copyData === void 0 && !isTransactionControl(s) && !cannotRunInTransaction(s.ast)
  );
}
function endTransaction(observer) {
  observer.held.clear();
  observer.transactionNumber++;
}
function countHeldFor(observer) {
  observer.traces.forEach((trace, position) => {
    const exclusive = (l) => l.acquired && l.existedBefore && l.mode === "AccessExclusiveLock";
    if (!trace.locks.some((l) => exclusive(l) && l.kind !== "index")) return;
    const transaction = observer.transactionOf[position];
    let count = 0;
    for (let next = position; next < observer.traces.length; next++) {
      if (observer.transactionOf[next] !== transaction) break;
      count++;
    }
    trace.heldFor = count;
  });
}
function rewritten(before, after, baseline) {
  const rewrites = [];
  const droppedByName = /* @__PURE__ */ new Map();
  for (const [oid, was] of before) if (!after.has(oid)) droppedByName.set(`${was.kind}:${was.name}`, was);
  for (const [oid, now] of after) {
    const was = before.get(oid);
    if (was) {
      if (was.filenode !== 0 && now.filenode !== was.filenode)
        rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(oid) });
      continue;
    }
    const replaced = droppedByName.get(`${now.kind}:${now.name}`);
    if (replaced && replaced.filenode !== 0)
      rewrites.push({ relation: now.name, kind: now.kind, existedBefore: baseline.has(replaced.oid) });
  }
  return rewrites;
}
function relationMap(rows) {
  const map = /* @__PURE__ */ new Map();
  for (const row of rows) {
    const schema = String(row.schema);
    const name = String(row.name);
    map.set(Number(row.oid), {
      oid: Number(row.oid),
      name: schema === "public" ? name : `${schema}.${name}`,
      kind: RELKINDS[String(row.kind)] ?? "other",
      filenode: Number(row.filenode),
      scans: Number(row.scans)
    });
  }
  return map;
}
function errorMessage(error) {
  let message = error.message;
  if (error.detail) message += ` (${error.detail})`;
  if (error.hint) message += ` Hint: ${error.hint}`;
  return message;
}
function causeOf(error) {
  if (missingExtension(error.message)) return "missing-extension";
  if (/^there is no parameter \$\d+$/.test(error.message)) return "runtime-values";
  if (/could not (open|stat) file|could not create file|absolute path not allowed/i.test(error.message))
    return "server-file";
  if (/database ".*" does not exist|tablespace ".*" does not exist|permission denied to (create|alter) (database|system)/.test(
    error.message
  ))
    return "environment";
  return "sql";
}
function failureOf(migration, index, statement, error, cause = causeOf(error)) {
  const failure = {
    migration: migration.id,
    path: statement.path,
    statement: index,
    span: statement.span,
    sql: statement.sql,
    message: errorMessage(error),
    cause
  };
  if (error.code) failure.code = error.code;
  return failure;
}
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

export { causeOf as c, engineAssets as e, openEngine as o, requestedExtensions as r };
