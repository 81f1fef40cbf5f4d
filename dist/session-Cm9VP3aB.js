import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { c as as, j as engineAssets } from './run-CpB94160.js';

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
      kind === "time" ? `stopped after the ${formatMs(limit)} time budget` : kind === "memory" ? `stopped: the embedded PostgreSQL went past the ${limit} MB memory budget` : "stopped: the run reached its overall deadline"
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
  kind = "pglite";
  serverVersion = "PostgreSQL 18 (PGlite)";
  majorVersion = 18;
  starts = 0;
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
    if (initial && initial.kind !== "pglite") throw new Error("a server checkpoint cannot start PGlite");
    const pristineData = pristineDataDir(assets);
    const start = initial ?? (pristineData ? { kind: "pglite", data: pristineData, extensions: [] } : null);
    if (start?.kind === "pglite") {
      await session.open(start.data, [...start.extensions, ...extensions]);
      session.base = { kind: "pglite", data: start.data, extensions: session.extensions };
    } else {
      options.log(`engine: no pre-initialised data dir at ${assets.pgdata}; running initdb`);
      await session.open(null, extensions);
      session.base = await session.checkpoint();
      if (session.base.kind === "pglite") savePristine(assets, session.base.data, options.log);
    }
    const [version] = await session.read("SELECT current_setting('server_version') AS version");
    const number = String(version?.[0]?.version ?? "18");
    session.serverVersion = `PostgreSQL ${number.split(" ")[0]} (PGlite)`;
    session.majorVersion = Number.parseInt(number, 10) || 18;
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
    return { kind: "pglite", data: response.data, extensions: [...this.extensions] };
  }
  /** The empty, initialised database (the shipped data dir). */
  async pristine() {
    const data = pristineDataDir(this.resources.assets);
    if (!data) throw new Error("no pre-initialised data dir");
    return { kind: "pglite", data, extensions: [] };
  }
  /** Makes a checkpoint of the current state the point recovery starts from (no restart). */
  rebase(checkpoint) {
    this.base = checkpoint;
    this.journal = [];
  }
  /** Replaces the whole state by a checkpoint's (restarting PostgreSQL). */
  async restore(checkpoint, extraExtensions = []) {
    if (checkpoint.kind !== "pglite") throw new Error("a server checkpoint cannot be restored into PGlite");
    await this.open(checkpoint.data, [...checkpoint.extensions, ...extraExtensions]);
    this.base = { kind: "pglite", data: checkpoint.data, extensions: [...this.extensions] };
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
    if (this.base.kind !== "pglite") throw new Error("a server checkpoint cannot be restored into PGlite");
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
    this.starts++;
    if (this.options.sessionSql) {
      const set = await this.send({ id: 0, op: "exec", sql: this.options.sessionSql });
      if (!set.ok) throw new Error(`${this.options.sessionSql}: ${set.error.message}`);
    }
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
    const signal = this.options.signal;
    if (this.exited.has(worker)) return Promise.reject(new Error("the engine worker is not running"));
    if (signal?.aborted) return Promise.reject(new BudgetExceeded("deadline", 0));
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
      const onAbort = () => stop(new BudgetExceeded("deadline", 0));
      signal?.addEventListener("abort", onAbort, { once: true });
      const cleanup = () => {
        clearInterval(watchdog);
        if (timer) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
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

var session = /*#__PURE__*/Object.freeze({
  __proto__: null,
  BudgetExceeded: BudgetExceeded,
  WorkerSession: WorkerSession,
  formatMs: formatMs
});

export { BudgetExceeded as B, WorkerSession as W, missingExtension as m, requestedExtensions as r, session as s };
