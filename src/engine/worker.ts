/**
 * The PGlite worker: one embedded PostgreSQL per thread, so a statement that
 * runs too long can be stopped by terminating the thread. It only executes
 * what the engine sends; all replay and trace logic lives in the engine.
 */
import { parentPort } from "node:worker_threads";
import { type Extension, PGlite } from "@electric-sql/pglite";
import type { WorkerError, WorkerInit, WorkerRequest, WorkerResponse } from "./protocol.js";

const port = parentPort;
if (!port) throw new Error("engine worker must run in a worker thread");
/** The compiled WASM and PGlite's files, sent first by the engine. */
let init: WorkerInit | undefined;

let db: PGlite | null = null;

async function open(request: Extract<WorkerRequest, { op: "open" }>): Promise<void> {
  if (db) await db.close();
  const extensions: Record<string, Extension> = {};
  for (const extension of request.extensions) {
    extensions[extension.name] = {
      name: extension.name,
      setup: async () => ({
        bundlePath: new URL(extension.url),
        sharedPreloadLibraries: extension.preload ? [extension.name] : [],
      }),
    };
  }
  if (!init) throw new Error("the engine worker was not initialised");
  db = await PGlite.create({
    pgliteWasmModule: init.pgliteWasm,
    fsBundle: new Blob([init.fsBundle]),
    ...(init.initdbWasm ? { initdbWasmModule: init.initdbWasm } : {}),
    // 1 MB WAL segments (initdb's default is 16 MB): a smaller data dir to load and dump.
    ...(request.data ? { loadDataDir: new Blob([request.data]) } : { initDbStartParams: ["--wal-segsize=1"] }),
    extensions,
  });
}

function current(): PGlite {
  if (!db) throw new Error("the embedded PostgreSQL is not open");
  return db;
}

function errorOf(error: unknown): WorkerError {
  const e = error as Partial<WorkerError> & { message?: string };
  const result: WorkerError = { message: e.message ?? String(error) };
  if (e.code) result.code = e.code;
  if (e.detail) result.detail = e.detail;
  if (e.hint) result.hint = e.hint;
  return result;
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  try {
    switch (request.op) {
      case "open":
        await open(request);
        return { id: request.id, ok: true, inTransaction: false };
      case "exec": {
        const options = request.blob ? { blob: new Blob([request.blob]) } : {};
        const results = await current().exec(request.sql, options);
        return {
          id: request.id,
          ok: true,
          inTransaction: current().isInTransaction(),
          results: results.map((r) => r.rows as Record<string, unknown>[]),
        };
      }
      case "query": {
        const result = await current().query<Record<string, unknown>>(request.sql);
        return { id: request.id, ok: true, inTransaction: current().isInTransaction(), results: [result.rows] };
      }
      case "dump": {
        const file = await current().dumpDataDir(request.compression);
        const data = new Uint8Array(await file.arrayBuffer());
        return { id: request.id, ok: true, inTransaction: current().isInTransaction(), data };
      }
    }
  } catch (error) {
    return { id: request.id, ok: false, inTransaction: db?.isInTransaction() ?? false, error: errorOf(error) };
  }
}

port.on("message", (message: WorkerRequest | { init: WorkerInit }) => {
  if ("init" in message) {
    init = message.init;
    return;
  }
  void handle(message).then((response) => {
    port.postMessage(response, response.ok && response.data ? [response.data.buffer as ArrayBuffer] : []);
  });
});
