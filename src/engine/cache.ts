/**
 * The replayed base history, kept as a data-dir dump so a warm run restores
 * it instead of replaying. Keyed by the history's files and the engine build.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Migration } from "../types.js";
import { engineAssets } from "./assets.js";
import type { Checkpoint, ReplayReport } from "./types.js";

/** Bump when the replay semantics change, so old caches are not reused. */
const CACHE_FORMAT = 1;

let engineIdentity: string | undefined;

/** The PostgreSQL build (pglite.wasm's hash): a dump only loads into the same build. */
function engineBuild(): string {
  engineIdentity ??= createHash("sha256").update(readFileSync(engineAssets().pgliteWasm)).digest("hex").slice(0, 16);
  return engineIdentity;
}

/** sha256 over the base history (each file's checksum, in order) and the engine build: the cache key. */
export function historyCacheKey(history: Migration[]): string {
  const hash = createHash("sha256");
  hash.update(`db-migrate-engine:${CACHE_FORMAT}:${engineBuild()}\n`);
  for (const migration of history) {
    const content =
      migration.checksum ??
      createHash("sha256")
        .update(migration.statements.map((s) => s.sql).join("\n;\n"))
        .digest("hex");
    hash.update(`${migration.path}\0${migration.id}\0${migration.transactional}\0${content}\n`);
  }
  return hash.digest("hex");
}

export interface CachedBase {
  checkpoint: Checkpoint;
  report: ReplayReport;
}

function files(cacheDir: string, key: string): { data: string; report: string } {
  return {
    data: path.join(cacheDir, `db-migrate-base-${key}.tar.gz`),
    report: path.join(cacheDir, `db-migrate-base-${key}.json`),
  };
}

export async function readCachedBase(cacheDir: string, key: string): Promise<CachedBase | null> {
  const paths = files(cacheDir, key);
  try {
    const [data, report] = await Promise.all([readFile(paths.data), readFile(paths.report, "utf8")]);
    const parsed = JSON.parse(report) as ReplayReport;
    return {
      checkpoint: { kind: "pglite", data: new Uint8Array(gunzipSync(data)), extensions: parsed.extensions },
      report: parsed,
    };
  } catch {
    return null;
  }
}

export async function writeCachedBase(cacheDir: string, key: string, base: CachedBase): Promise<void> {
  if (base.checkpoint.kind !== "pglite") return;
  const paths = files(cacheDir, key);
  await mkdir(cacheDir, { recursive: true });
  // Write then rename: a concurrent reader never sees half a file.
  const suffix = `.${process.pid}.tmp`;
  await writeFile(paths.data + suffix, gzipSync(base.checkpoint.data, { level: 1 }));
  await writeFile(paths.report + suffix, JSON.stringify({ ...base.report, extensions: base.checkpoint.extensions }));
  await rename(paths.data + suffix, paths.data);
  await rename(paths.report + suffix, paths.report);
}
