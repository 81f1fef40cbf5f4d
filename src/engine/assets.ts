/**
 * Where the engine's worker and PGlite's files are, running from the sources
 * (vitest, tsx) or from a rollup bundle.
 *
 * Bundle layout, next to each entry file (dist/index.js, dist/cli/index.js):
 *   engine-worker.js              src/engine/worker.ts bundled
 *   pglite/pglite.wasm            pglite/pglite.data   pglite/initdb.wasm
 *   pglite/pgdata.tar.gz          pre-initialised data dir (scripts/build-engine-assets.ts)
 *   pglite/<extension>.tar.gz     every *.tar.gz of @electric-sql/pglite/dist and of the
 *                                 @electric-sql/pglite-<extension> packages (vector.tar.gz, ...)
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

export interface EngineAssets {
  /** Starts the engine worker thread (through tsx when running from the TypeScript sources). */
  startWorker(options: WorkerOptions): Worker;
  pgliteWasm: string;
  initdbWasm: string;
  fsBundle: string;
  /** The pre-initialised data dir shipped with the bundle (or cached for the sources). */
  pgdata: string;
  /** Extension tarballs by file name without `.tar.gz`. */
  tarballs: Map<string, string>;
}

/** Packages that ship one extension each, beside PGlite's own contrib modules. */
const EXTENSION_PACKAGES = [
  "@electric-sql/pglite-pgvector",
  "@electric-sql/pglite-age",
  "@electric-sql/pglite-pg_hashids",
  "@electric-sql/pglite-pg_ivm",
  "@electric-sql/pglite-pg_textsearch",
  "@electric-sql/pglite-pg_uuidv7",
  "@electric-sql/pglite-pgtap",
];

let resolved: EngineAssets | undefined;

export function engineAssets(): EngineAssets {
  resolved ??= import.meta.url.endsWith(".ts") ? sourceAssets() : bundleAssets();
  return resolved;
}

function bundleAssets(): EngineAssets {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.join(here, "pglite");
  return {
    startWorker: (options) => new Worker(pathToFileURL(path.join(here, "engine-worker.js")), options),
    pgliteWasm: path.join(dir, "pglite.wasm"),
    initdbWasm: path.join(dir, "initdb.wasm"),
    fsBundle: path.join(dir, "pglite.data"),
    pgdata: path.join(dir, "pgdata.tar.gz"),
    tarballs: tarballsIn([dir]),
  };
}

function sourceAssets(): EngineAssets {
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
      // Node 20 does not apply `--import tsx` to a worker's entry, so the worker registers tsx itself.
      const tsx = pathToFileURL(path.join(path.dirname(require.resolve("tsx/package.json")), "dist/esm/api/index.mjs"));
      const entry = new URL("./worker.ts", import.meta.url);
      const bootstrap = `import(${JSON.stringify(tsx.href)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
      return new Worker(bootstrap, { ...options, eval: true });
    },
    pgliteWasm: path.join(pgliteDist, "pglite.wasm"),
    initdbWasm: path.join(pgliteDist, "initdb.wasm"),
    fsBundle: path.join(pgliteDist, "pglite.data"),
    pgdata: path.join(nodeModules, ".cache", "db-migrate", `pgdata-${pgliteVersion(pgliteDist)}.tar.gz`),
    tarballs: tarballsIn([pgliteDist, ...extensionDirs]),
  };
}

function pgliteVersion(pgliteDist: string): string {
  const manifest = JSON.parse(readFileSync(path.join(pgliteDist, "..", "package.json"), "utf8")) as { version: string };
  return manifest.version;
}

function tarballsIn(dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (file.endsWith(".tar.gz") && file !== "pgdata.tar.gz")
        found.set(file.slice(0, -".tar.gz".length), path.join(dir, file));
    }
  }
  return found;
}
