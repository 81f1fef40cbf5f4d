/**
 * The replayed base history kept between runs with the Actions cache. The
 * engine keeps one snapshot per base history in the cache folder, named by its
 * own key (`historyCacheKey`); this restores the newest entry for this
 * db-migrate version before the analysis and, after it, saves the folder under
 * a key made of the snapshot names when the run added one.
 */
import { createHash } from "node:crypto";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import * as cache from "@actions/cache";

const PREFIX = "db-migrate-replay";
const SNAPSHOT = /^db-migrate-base-([0-9a-f]+)\./;
/** Snapshots kept in the folder (newest first): enough for a few base branches, bounded over many PRs. */
const KEEP_SNAPSHOTS = 5;

/** Returns the key restored, or undefined (no cache service, or a miss). */
export async function restoreReplayCache(
  dir: string,
  version: string,
  log: (message: string) => void,
): Promise<string | undefined> {
  if (!cache.isFeatureAvailable()) {
    log("Actions cache not available here; replaying from scratch");
    return undefined;
  }
  try {
    // Keys are unique per content, so the newest entry with this version's prefix wins.
    const key = await cache.restoreCache([dir], `${PREFIX}-${version}-`, [`${PREFIX}-${version}-`]);
    log(key ? `restored replay cache ${key}` : "no replay cache yet");
    return key;
  } catch (error) {
    log(`replay cache restore failed, replaying from scratch: ${error instanceof Error ? error.message : error}`);
    return undefined;
  }
}

export async function saveReplayCache(
  dir: string,
  version: string,
  restoredKey: string | undefined,
  log: (message: string) => void,
): Promise<string | undefined> {
  if (!cache.isFeatureAvailable()) return undefined;
  const snapshots = await pruneSnapshots(dir);
  if (snapshots.length === 0) return undefined;
  const key = `${PREFIX}-${version}-${createHash("sha256").update(snapshots.join("\n")).digest("hex").slice(0, 32)}`;
  if (key === restoredKey) return key;
  try {
    await cache.saveCache([dir], key);
    log(`saved replay cache ${key}`);
  } catch (error) {
    // Another job saving the same key first is normal in a matrix.
    log(`replay cache not saved: ${error instanceof Error ? error.message : error}`);
  }
  return key;
}

/** Drops all but the newest snapshots; returns the kept snapshot keys, sorted. */
export async function pruneSnapshots(dir: string): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const newest = new Map<string, number>();
  for (const name of entries) {
    const key = SNAPSHOT.exec(name)?.[1];
    if (!key) continue;
    const { mtimeMs } = await stat(path.join(dir, name));
    newest.set(key, Math.max(newest.get(key) ?? 0, mtimeMs));
  }
  const ranked = [...newest.entries()].sort(([, a], [, b]) => b - a).map(([key]) => key);
  const dropped = new Set(ranked.slice(KEEP_SNAPSHOTS));
  for (const name of entries) {
    const key = SNAPSHOT.exec(name)?.[1];
    if (key && dropped.has(key)) await rm(path.join(dir, name), { force: true });
  }
  return ranked.slice(0, KEEP_SNAPSHOTS).sort();
}
