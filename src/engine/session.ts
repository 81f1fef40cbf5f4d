/**
 * The PGlite backend: the main-thread side of the PGlite worker, requests
 * with a deadline, a memory watchdog, and recovery. Every state-changing request since the last
 * checkpoint is journaled, so after the worker is stopped (budget) or has to
 * restart (a new extension) the same state is rebuilt from the checkpoint.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { gunzipSync, gzipSync } from "node:zlib";
import { type EngineAssets, engineAssets } from "./assets.js";
import type { EngineBackend, ExecResult } from "./backend.js";
import { SHARED_PRELOAD, tarballName } from "./extensions.js";
import type { WorkerInit, WorkerRequest, WorkerResponse } from "./protocol.js";
import type { Checkpoint } from "./types.js";

/**
 * A request ran past its time budget, the process past its memory budget, or
 * the run past its overall deadline (its AbortSignal fired); the request was stopped.
 */
export class BudgetExceeded extends Error {
  override name = "BudgetExceeded";
  constructor(
    readonly kind: "time" | "memory" | "deadline",
    readonly limit: number,
  ) {
    super(
      kind === "time"
        ? `stopped after the ${formatMs(limit)} time budget`
        : kind === "memory"
          ? `stopped: the embedded PostgreSQL went past the ${limit} MB memory budget`
          : "stopped: the run reached its overall deadline",
    );
  }
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export type { ExecResult } from "./backend.js";

interface JournalEntry {
  sql: string;
  blob?: Uint8Array;
}

interface Shared {
  init: WorkerInit;
  assets: EngineAssets;
}

let shared: Promise<Shared> | undefined;
let pristine: Uint8Array | null | undefined;

/** The WebAssembly global (the `node` type library declares its types but not the value). */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WebAssembly.Module> } })
  .WebAssembly;

/** Compiles PGlite's WASM and reads its files once per process; every worker reuses them. */
function loadShared(): Promise<Shared> {
  shared ??= (async () => {
    const assets = engineAssets();
    const [pgliteWasm, initdbWasm] = await Promise.all([
      wasm.compile(readFileSync(assets.pgliteWasm)),
      existsSync(assets.pgdata) ? null : wasm.compile(readFileSync(assets.initdbWasm)),
    ]);
    const bundle = readFileSync(assets.fsBundle);
    const fsBundle = bundle.buffer.slice(bundle.byteOffset, bundle.byteOffset + bundle.byteLength) as ArrayBuffer;
    return { init: { pgliteWasm, fsBundle, initdbWasm }, assets };
  })();
  return shared;
}

/** The pre-initialised data dir, read when first needed (a warm start from the cache does not need it). */
function pristineDataDir(assets: EngineAssets): Uint8Array | null {
  pristine ??= existsSync(assets.pgdata) ? new Uint8Array(gunzipSync(readFileSync(assets.pgdata))) : null;
  return pristine;
}

export interface SessionOptions {
  log: (message: string) => void;
  /** The process's resident memory above which the worker is stopped. */
  memoryLimitMb: number;
  /** The run's overall deadline: when it fires, the running request is stopped. */
  signal?: AbortSignal;
  /** Run after each start (session settings such as TimeZone). */
  sessionSql?: string;
}

export class WorkerSession implements EngineBackend {
  readonly kind = "pglite" as const;
  serverVersion = "PostgreSQL 18 (PGlite)";
  majorVersion = 18;
  starts = 0;
  inTransaction = false;
  /** Time budget end (Date.now() ms) for the requests sent from now on; null: none. */
  deadline: { at: number; budgetMs: number } | null = null;
  private worker!: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void }>();
  private journal: JournalEntry[] = [];
  private exited = new WeakSet<Worker>();
  private base!: Checkpoint;

  private constructor(
    private readonly resources: Shared,
    private readonly options: SessionOptions,
  ) {}

  /** Starts PostgreSQL from `initial` (a checkpoint), else from the pre-initialised data dir (else initdb). */
  static async start(extensions: string[], options: SessionOptions, initial?: Checkpoint): Promise<WorkerSession> {
    const started = performance.now();
    const assets = engineAssets();
    // The worker loads its code while this thread compiles the WASM.
    const worker = spawnWorker(assets);
    const resources = await loadShared();
    const session = new WorkerSession(resources, options);
    session.adopt(worker);
    const compiled = performance.now();
    if (initial && initial.kind !== "pglite") throw new Error("a server checkpoint cannot start PGlite");
    const pristineData = pristineDataDir(assets);
    const start: Checkpoint | null =
      initial ?? (pristineData ? { kind: "pglite", data: pristineData, extensions: [] } : null);
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
      `engine: PostgreSQL ready in ${Math.round(performance.now() - started)} ms (WASM ${Math.round(compiled - started)} ms, ${initial ? "cached state" : "data dir"} ${Math.round(performance.now() - compiled)} ms)`,
    );
    return session;
  }

  extensions: string[] = [];

  /** Whether the embedded PostgreSQL ships this extension's files. */
  hasExtension(name: string): boolean {
    return this.resources.assets.tarballs.has(tarballName(name));
  }

  async exec(sql: string, blob?: Uint8Array): Promise<ExecResult> {
    const request: WorkerRequest = blob ? { id: 0, op: "exec", sql, blob } : { id: 0, op: "exec", sql };
    const response = await this.send(request);
    this.journal.push(blob ? { sql, blob } : { sql });
    return response.ok ? { ok: true, results: response.results ?? [] } : { ok: false, error: response.error };
  }

  /** Reads that change nothing (not journaled). Throws on SQL errors. */
  async read(sql: string): Promise<Array<Record<string, unknown>[]>> {
    const response = await this.send({ id: 0, op: "exec", sql });
    if (!response.ok) throw new Error(`${response.error.message} (in: ${sql.slice(0, 200)})`);
    return response.results ?? [];
  }

  async checkpoint(): Promise<Checkpoint> {
    // A PostgreSQL checkpoint first: the dump then starts without WAL to replay.
    const flushed = await this.send({ id: 0, op: "exec", sql: "CHECKPOINT" });
    if (!flushed.ok) throw new Error(`CHECKPOINT failed: ${flushed.error.message}`);
    const response = await this.send({ id: 0, op: "dump", compression: "none" });
    if (!response.ok || !response.data) throw new Error(`dumping the data dir failed: ${errorText(response)}`);
    return { kind: "pglite", data: response.data, extensions: [...this.extensions] };
  }

  /** The empty, initialised database (the shipped data dir). */
  async pristine(): Promise<Checkpoint> {
    const data = pristineDataDir(this.resources.assets);
    if (!data) throw new Error("no pre-initialised data dir");
    return { kind: "pglite", data, extensions: [] };
  }

  /** Makes a checkpoint of the current state the point recovery starts from (no restart). */
  rebase(checkpoint: Checkpoint): void {
    this.base = checkpoint;
    this.journal = [];
  }

  /** Replaces the whole state by a checkpoint's (restarting PostgreSQL). */
  async restore(checkpoint: Checkpoint, extraExtensions: string[] = []): Promise<void> {
    if (checkpoint.kind !== "pglite") throw new Error("a server checkpoint cannot be restored into PGlite");
    await this.open(checkpoint.data, [...checkpoint.extensions, ...extraExtensions]);
    this.base = { kind: "pglite", data: checkpoint.data, extensions: [...this.extensions] };
    this.journal = [];
  }

  /** Makes sure these extensions' files are loaded, restarting PostgreSQL with the current state if needed. */
  async loadExtensions(names: string[]): Promise<void> {
    const missing = names.filter((name) => this.hasExtension(name) && !this.extensions.includes(name));
    if (missing.length === 0) return;
    this.options.log(`engine: loading extension(s) ${missing.join(", ")}`);
    if (this.journal.length === 0) return this.restore(this.base, missing);
    return this.restore(await this.checkpoint(), missing);
  }

  /** After the worker was stopped: a new one, rebuilt from the last checkpoint and the journal. */
  async recover(): Promise<void> {
    this.spawn();
    const journal = this.journal;
    this.journal = [];
    // The budget was spent on the statement that was stopped; rebuilding is not charged to it.
    this.deadline = null;
    if (this.base.kind !== "pglite") throw new Error("a server checkpoint cannot be restored into PGlite");
    await this.open(this.base.data, this.base.extensions);
    for (const entry of journal) await this.exec(entry.sql, entry.blob);
  }

  async close(): Promise<void> {
    for (const { reject } of this.pending.values()) reject(new Error("engine closed"));
    this.pending.clear();
    await this.worker.terminate();
  }

  private async open(data: Uint8Array | null, extensions: string[]): Promise<void> {
    const unique = [...new Set(extensions)].filter((name) => this.hasExtension(name));
    const specs = unique.map((name) => ({
      name,
      url: new URL(`file://${this.resources.assets.tarballs.get(tarballName(name))}`).href,
      preload: SHARED_PRELOAD.has(name),
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

  private spawn(): void {
    this.adopt(spawnWorker(this.resources.assets));
  }

  /** Takes a started worker: hands it the compiled WASM and listens to it. */
  private adopt(worker: Worker): void {
    this.worker = worker;
    worker.postMessage({ init: this.resources.init });
    worker.on("message", (response: WorkerResponse) => {
      const waiting = this.pending.get(response.id);
      this.pending.delete(response.id);
      waiting?.resolve(response);
    });
    // A stopped worker's late events must not fail the requests of its successor.
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    worker.on("error", (error) =>
      fail(
        (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new BudgetExceeded("memory", this.options.memoryLimitMb)
          : error,
      ),
    );
    worker.on("exit", (code) => {
      this.exited.add(worker);
      fail(new Error(`the engine worker exited (${code})`));
    });
  }

  private send(request: WorkerRequest): Promise<WorkerResponse> {
    const id = this.nextId++;
    const worker = this.worker;
    const deadline = this.deadline;
    const signal = this.options.signal;
    if (this.exited.has(worker)) return Promise.reject(new Error("the engine worker is not running"));
    if (signal?.aborted) return Promise.reject(new BudgetExceeded("deadline", 0));
    return new Promise<WorkerResponse>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const stop = (error: BudgetExceeded) => {
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
          Math.max(0, deadline.at - Date.now()),
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
        },
      });
      worker.postMessage({ ...request, id });
    });
  }
}

function spawnWorker(assets: EngineAssets): Worker {
  return assets.startWorker({ resourceLimits: { maxOldGenerationSizeMb: 1024 } });
}

function errorText(response: WorkerResponse): string {
  return response.ok ? "no data" : response.error.message;
}

/** Running from the sources, initdb's result is kept for the next run (the bundle ships it). */
function savePristine(assets: EngineAssets, data: Uint8Array, log: (message: string) => void): void {
  if (!import.meta.url.endsWith(".ts")) return;
  try {
    mkdirSync(path.dirname(assets.pgdata), { recursive: true });
    writeFileSync(assets.pgdata, gzipSync(data));
    pristine = data;
  } catch (error) {
    log(`engine: could not keep the initialised data dir: ${(error as Error).message}`);
  }
}
