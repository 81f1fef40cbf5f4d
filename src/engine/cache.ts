/**
 * The replayed base history, kept as a data-dir dump so a warm run restores
 * it instead of replaying. Keyed by the history's files and the engine build.
 * Each entry records the digests of the migrations it holds, so a run whose
 * base history extends a cached one (a newer default branch) restores the
 * longest cached prefix and replays only the rest.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
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

/** One migration's identity in the cache: path, id, transaction mode and content. */
export function migrationDigest(migration: Migration): string {
  const content =
    migration.checksum ??
    createHash("sha256")
      .update(migration.statements.map((s) => s.sql).join("\n;\n"))
      .digest("hex");
  return createHash("sha256")
    .update(`${migration.path}\0${migration.id}\0${migration.transactional}\0${content}`)
    .digest("hex")
    .slice(0, 32);
}

/** The engine build a cache entry belongs to (a dump only loads into the same build and format). */
export function cacheEngineId(): string {
  return `${CACHE_FORMAT}-${engineBuild()}`;
}

/** sha256 over the base history (each migration's digest, in order) and the engine build: the cache key. */
export function historyCacheKey(history: Migration[]): string {
  const hash = createHash("sha256");
  hash.update(`db-migrate-engine:${cacheEngineId()}\n`);
  for (const migration of history) hash.update(`${migrationDigest(migration)}\n`);
  return hash.digest("hex");
}

/**
 * Keys for an outer cache (the Actions cache) holding the engine's cache dir:
 * `key` names this base history exactly; `restoreKeys` find the newest entry
 * of the same engine build, whose longest prefix of the history the engine
 * then restores (replaying only the migrations after it).
 * Format: `db-migrate-replay-<engine id>-<history key>`.
 */
export function replayCacheKeys(baseHistory: Migration[]): { key: string; restoreKeys: string[] } {
  const prefix = `db-migrate-replay-${cacheEngineId()}-`;
  return { key: `${prefix}${historyCacheKey(baseHistory).slice(0, 40)}`, restoreKeys: [prefix] };
}

export interface CachedBase {
  checkpoint: Checkpoint;
  report: ReplayReport;
}

/** A cached base holding the first `covered` migrations of the history asked for. */
export interface CachedPrefix extends CachedBase {
  key: string;
  covered: number;
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

/**
 * The cached base covering the longest prefix of `history` (all of it when
 * cached exactly), or null. Entries of another engine build are ignored.
 */
export async function findCachedBase(cacheDir: string, history: Migration[]): Promise<CachedPrefix | null> {
  const key = historyCacheKey(history);
  const exact = await readCachedBase(cacheDir, key);
  if (exact) return { ...exact, key, covered: history.length };
  const digests = history.map(migrationDigest);
  let best: { key: string; covered: number } | null = null;
  for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
    const match = /^db-migrate-base-([0-9a-f]+)\.json$/.exec(name);
    if (!match) continue;
    try {
      const entry = JSON.parse(await readFile(path.join(cacheDir, name), "utf8")) as {
        engine?: string;
        history?: string[];
      };
      const held = entry.history;
      if (entry.engine !== cacheEngineId() || !held || held.length === 0 || held.length > digests.length) continue;
      if (held.every((digest, i) => digests[i] === digest) && held.length > (best?.covered ?? 0))
        best = { key: match[1] as string, covered: held.length };
    } catch {
      // A half-written or foreign file: not a candidate.
    }
  }
  if (!best) return null;
  const cached = await readCachedBase(cacheDir, best.key);
  return cached ? { ...cached, ...best } : null;
}

export async function writeCachedBase(
  cacheDir: string,
  key: string,
  base: CachedBase,
  history: Migration[],
): Promise<void> {
  if (base.checkpoint.kind !== "pglite") return;
  const paths = files(cacheDir, key);
  await mkdir(cacheDir, { recursive: true });
  // Write then rename: a concurrent reader never sees half a file.
  const suffix = `.${process.pid}.tmp`;
  await writeFile(paths.data + suffix, gzipSync(base.checkpoint.data, { level: 1 }));
  await writeFile(
    paths.report + suffix,
    JSON.stringify({
      ...base.report,
      extensions: base.checkpoint.extensions,
      engine: cacheEngineId(),
      history: history.map(migrationDigest),
    }),
  );
  await rename(paths.data + suffix, paths.data);
  await rename(paths.report + suffix, paths.report);
}
