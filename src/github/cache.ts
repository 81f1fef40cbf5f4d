/**
 * The replayed base history kept between runs with the Actions cache. The
 * engine writes its snapshots under one folder; this restores the newest
 * entry for this db-migrate version before the analysis, and saves the folder
 * under the history's hash after it, when that entry does not exist yet.
 */
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import * as cache from "@actions/cache";
import type { Migration } from "../types.js";

const PREFIX = "db-migrate-replay";

export function replayCacheKey(version: string, history: Map<string, Migration[]>): string {
  const hash = createHash("sha256");
  for (const [folder, migrations] of [...history.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${folder}\0`);
    for (const migration of migrations) hash.update(`${migration.path}\0${migration.checksum ?? ""}\0`);
  }
  return `${PREFIX}-${version}-${hash.digest("hex").slice(0, 32)}`;
}

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
  key: string,
  restoredKey: string | undefined,
  log: (message: string) => void,
): Promise<void> {
  if (key === restoredKey || !cache.isFeatureAvailable()) return;
  const entries = await readdir(dir).catch(() => []);
  if (entries.length === 0) return;
  try {
    await cache.saveCache([dir], key);
    log(`saved replay cache ${key}`);
  } catch (error) {
    // Another job saving the same key first is normal in a matrix.
    log(`replay cache not saved: ${error instanceof Error ? error.message : error}`);
  }
}
