/**
 * A stand-in for the Actions cache service behind @actions/cache's interface,
 * with GitHub's rules: a key is saved once (a second save of the same key
 * fails), entries are scoped by the ref that saved them, and a run may restore
 * from its own ref or the default branch; the exact key wins, then each
 * restore key in order, matching as a prefix, newest entry first.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CacheService } from "../../src/github/cache.js";

interface Entry {
  key: string;
  ref: string;
  created: number;
  files: Map<string, Buffer>;
}

export class FakeActionsCache implements CacheService {
  readonly entries: Entry[] = [];
  readonly calls: Array<{ op: "restore" | "save"; ref: string; key: string; restoreKeys?: string[]; hit?: string }> =
    [];
  /** The ref of the run using it (GITHUB_REF): set by the test before each run. */
  ref = "refs/heads/main";
  private clock = 0;

  constructor(readonly defaultRef = "refs/heads/main") {}

  isFeatureAvailable(): boolean {
    return true;
  }

  async restoreCache(paths: string[], primaryKey: string, restoreKeys: string[] = []): Promise<string | undefined> {
    if (restoreKeys.length + 1 > 10) throw new Error("Key Validation Error: Keys are limited to a maximum of 10.");
    const visible = this.entries.filter((e) => e.ref === this.ref || e.ref === this.defaultRef);
    const newest = (matches: Entry[]) => matches.sort((a, b) => b.created - a.created)[0];
    const hit =
      visible.find((e) => e.key === primaryKey) ??
      restoreKeys.map((k) => newest(visible.filter((e) => e.key.startsWith(k)))).find((e) => e !== undefined);
    this.calls.push({ op: "restore", ref: this.ref, key: primaryKey, restoreKeys, hit: hit?.key });
    if (!hit) return undefined;
    const dir = paths[0]!;
    await mkdir(dir, { recursive: true });
    for (const [name, content] of hit.files) await writeFile(path.join(dir, name), content);
    return hit.key;
  }

  async saveCache(paths: string[], key: string): Promise<number> {
    this.calls.push({ op: "save", ref: this.ref, key });
    if (this.entries.some((e) => e.key === key && e.ref === this.ref))
      throw new Error(`Unable to reserve cache with key ${key}, another job may be creating this cache.`);
    const dir = paths[0]!;
    const files = new Map<string, Buffer>();
    for (const name of await readdir(dir)) files.set(name, await readFile(path.join(dir, name)));
    this.entries.push({ key, ref: this.ref, created: ++this.clock, files });
    return this.entries.length;
  }
}
