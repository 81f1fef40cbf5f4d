/** In-process PGlite databases for generate: Prisma's shadow database, the database Alembic's autogenerate compares against. */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { PGliteOptions } from "@electric-sql/pglite";
import { engineAssets } from "../engine/assets.js";

let pgliteStart: Promise<PGliteOptions> | undefined;

/**
 * What every PGlite here starts from: the compiled WASM and the pre-initialised
 * data dir the engine ships, so a database opens in well under a second instead
 * of running initdb each time.
 */
export function pgliteOptions(): Promise<PGliteOptions> {
  pgliteStart ??= (async () => {
    const assets = engineAssets();
    const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<unknown> } })
      .WebAssembly;
    const options: Record<string, unknown> = {
      pgliteWasmModule: await wasm.compile(readFileSync(assets.pgliteWasm)),
      fsBundle: new Blob([readFileSync(assets.fsBundle)]),
    };
    if (existsSync(assets.pgdata)) options.loadDataDir = new Blob([gunzipSync(readFileSync(assets.pgdata))]);
    return options as PGliteOptions;
  })();
  return pgliteStart;
}
