import { parentPort } from 'node:worker_threads';
import { Y as Ye } from './index-b1VW-oFe.js';

const port = parentPort;
if (!port) throw new Error("engine worker must run in a worker thread");
let init;
let db = null;
async function open(request) {
  if (db) await db.close();
  const extensions = {};
  for (const extension of request.extensions) {
    extensions[extension.name] = {
      name: extension.name,
      setup: async () => ({
        bundlePath: new URL(extension.url),
        sharedPreloadLibraries: extension.preload ? [extension.name] : []
      })
    };
  }
  if (!init) throw new Error("the engine worker was not initialised");
  db = await Ye.create({
    pgliteWasmModule: init.pgliteWasm,
    fsBundle: new Blob([init.fsBundle]),
    ...init.initdbWasm ? { initdbWasmModule: init.initdbWasm } : {},
    // 1 MB WAL segments (initdb's default is 16 MB): a smaller data dir to load and dump.
    ...request.data ? { loadDataDir: new Blob([request.data]) } : { initDbStartParams: ["--wal-segsize=1"] },
    extensions
  });
}
function current() {
  if (!db) throw new Error("the embedded PostgreSQL is not open");
  return db;
}
function errorOf(error) {
  const e = error;
  const result = { message: e.message ?? String(error) };
  if (e.code) result.code = e.code;
  if (e.detail) result.detail = e.detail;
  if (e.hint) result.hint = e.hint;
  return result;
}
async function handle(request) {
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
          results: results.map((r) => r.rows)
        };
      }
      case "query": {
        const result = await current().query(request.sql);
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
port.on("message", (message) => {
  if ("init" in message) {
    init = message.init;
    return;
  }
  void handle(message).then((response) => {
    port.postMessage(response, response.ok && response.data ? [response.data.buffer] : []);
  });
});
