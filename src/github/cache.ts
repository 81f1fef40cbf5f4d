/**
 * The replayed base history kept between runs with the Actions cache, keyed
 * so that it helps the next PR, not only the next push of the same one.
 *
 * - The key is the hash of the base history the engine replays (the engine's
 *   own `historyCacheKey`, with its build), so every PR based on the same
 *   commit of the default branch finds the same entry.
 * - The restore keys are the keys of that history's shorter prefixes, longest
 *   first, then any entry of this engine build: a PR based on a newer commit
 *   than the last cached one restores the longest cached prefix, and the
 *   engine replays only the migrations after it.
 * - GitHub scopes caches by ref: a PR can restore what its own ref or the
 *   default branch saved, never another PR's. So the default branch saves
 *   them: the `push` job of the example workflow replays its history and
 *   saves it under that key (`warmReplayCache`).
 */
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import * as actionsCache from "@actions/cache";
import type { Migration } from "../types.js";

/** What the action uses of @actions/cache (tests pass a fake with GitHub's ref scoping). */
export interface CacheService {
  isFeatureAvailable(): boolean;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

export const ACTIONS_CACHE: CacheService = actionsCache;

export interface ReplayCacheKeys {
  key: string;
  /** Tried in order; GitHub allows 10 keys in all. */
  restoreKeys: string[];
}

/** How far back the restore keys look, in migrations: dense near the end, sparse further back. */
const PREFIX_STEPS = [1, 2, 3, 5, 8, 13, 21, 34];

/** The key for this base history, and restore keys for its prefixes (longest first), then any entry of this engine. */
export async function replayCacheKeys(baseHistory: Migration[]): Promise<ReplayCacheKeys> {
  const { cacheEngineId, historyCacheKey } = await import("../engine/cache.js");
  const family = `db-migrate-replay-${cacheEngineId()}-`;
  const keyOf = (history: Migration[]) => `${family}${historyCacheKey(history).slice(0, 40)}`;
  const restoreKeys = PREFIX_STEPS.filter((step) => step < baseHistory.length).map((step) =>
    keyOf(baseHistory.slice(0, baseHistory.length - step)),
  );
  return { key: keyOf(baseHistory), restoreKeys: [...restoreKeys, family] };
}

/**
 * The base history the engine replays first: the migrations before the first
 * target, in the first project the PR touches (the restored folder carries the
 * other projects' snapshots too, when the default branch saved them).
 */
export function targetedBaseHistory(history: Map<string, Migration[]>, targets: Migration[]): Migration[] | null {
  const wanted = new Set(targets);
  for (const migrations of history.values()) {
    const first = migrations.findIndex((m) => wanted.has(m));
    if (first >= 0) return migrations.slice(0, first);
  }
  return null;
}

/** The cache folder of one run: restored before the engine starts, saved after it when it holds something new. */
export class ReplayCache {
  private keys: ReplayCacheKeys | undefined;
  private restored: string | undefined;

  constructor(
    readonly dir: string,
    private readonly service: CacheService,
    private readonly log: (message: string) => void,
  ) {}

  /** Restores the entry for this base history, or the closest one. Never throws: a miss replays from scratch. */
  async restore(baseHistory: Migration[]): Promise<string | undefined> {
    if (!this.service.isFeatureAvailable()) {
      this.log("Actions cache not available here; replaying from scratch");
      return undefined;
    }
    this.keys = await replayCacheKeys(baseHistory);
    try {
      this.restored = await this.service.restoreCache([this.dir], this.keys.key, this.keys.restoreKeys);
      const how = !this.restored
        ? "no replay cache yet"
        : this.restored === this.keys.key
          ? "restored"
          : "restored a prefix";
      this.log(`${how}${this.restored ? ` ${this.restored}` : ""} (key ${this.keys.key})`);
    } catch (error) {
      this.log(
        `replay cache restore failed, replaying from scratch: ${error instanceof Error ? error.message : error}`,
      );
    }
    return this.restored;
  }

  /** Saves the folder under this base history's key unless that exact entry was restored. Returns the key saved. */
  async save(): Promise<string | undefined> {
    const keys = this.keys;
    if (!keys || this.restored === keys.key || !this.service.isFeatureAvailable()) return undefined;
    if ((await pruneSnapshots(this.dir)).length === 0) return undefined;
    try {
      await this.service.saveCache([this.dir], keys.key);
      this.log(`saved replay cache ${keys.key}`);
      return keys.key;
    } catch (error) {
      // Another job saving the same key first is normal in a matrix.
      this.log(`replay cache not saved: ${error instanceof Error ? error.message : error}`);
      return undefined;
    }
  }
}

const SNAPSHOT = /^db-migrate-base-([0-9a-f]+)\./;
/** Snapshots kept in the folder (newest first): enough for a few base branches, bounded over many PRs. */
const KEEP_SNAPSHOTS = 5;

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
