/**
 * The replay cache helps the next PR: the default branch's `push` job saves
 * its replayed history under the key a PR based on it asks for, and a PR
 * based on a newer commit restores the longest cached prefix. Run against a
 * fake of @actions/cache with GitHub's ref scoping.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replayCacheKeys } from "../../src/github/cache.js";
import type { Migration } from "../../src/types.js";
import { generatedRepo, loadEvent, pointPullRequest, runInProcess } from "./e2e-harness.js";
import { FakeActionsCache } from "./fake-cache.js";
import { FakeGitHub } from "./fake-github.js";

const exec = promisify(execFile);

function migrations(count: number): Migration[] {
  return Array.from({ length: count }, (_, i) => ({
    id: String(i),
    name: `m${i}`,
    path: `migrations/${String(i).padStart(4, "0")}.sql`,
    tool: "sql",
    convention: "plain",
    parents: [],
    order: String(i),
    transactional: true,
    statements: [],
    down: null,
    problems: [],
    checksum: `checksum-${i}`,
  })) as Migration[];
}

describe("replay cache keys", () => {
  it("key the base history; restore keys are its prefixes, longest first, then any entry of this engine", async () => {
    const history = migrations(100);
    const keys = await replayCacheKeys(history);
    expect(keys.restoreKeys).toHaveLength(9);
    expect(keys.restoreKeys[0]).toBe((await replayCacheKeys(history.slice(0, 99))).key);
    expect(keys.restoreKeys[1]).toBe((await replayCacheKeys(history.slice(0, 98))).key);
    expect(keys.restoreKeys[7]).toBe((await replayCacheKeys(history.slice(0, 66))).key);
    expect(keys.key.startsWith(keys.restoreKeys[8]!)).toBe(true);
    expect(keys.restoreKeys.every((k) => k.length < 512)).toBe(true);
    // The same history gives the same key; one changed file gives another.
    expect((await replayCacheKeys(migrations(100))).key).toBe(keys.key);
    const edited = migrations(100);
    edited[10]!.checksum = "edited";
    expect((await replayCacheKeys(edited)).key).not.toBe(keys.key);
  });

  it("a short history has only the restore keys it can have", async () => {
    const keys = await replayCacheKeys(migrations(3));
    expect(keys.restoreKeys).toHaveLength(3);
  });
});

describe("saved by the default branch, restored by the next PR", () => {
  let github: FakeGitHub;
  let cache: FakeActionsCache;
  const temps: string[] = [];
  const runnerTemp = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "db-migrate-runner-"));
    temps.push(dir);
    return dir;
  };
  beforeEach(async () => {
    github = new FakeGitHub();
    await github.start();
    cache = new FakeActionsCache("refs/heads/master");
  });
  afterEach(async () => {
    await github.stop();
    for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  const pushJob = async (count: number) => {
    // The default branch at `count` migrations, as the push job checks it out.
    const repo = await generatedRepo(count + 1, 1, github);
    await exec("git", ["checkout", "-q", repo.baseSha], { cwd: repo.dir });
    cache.ref = "refs/heads/master";
    const run = await runInProcess({
      eventName: "push",
      payload: await loadEvent("push.default-branch"),
      workspace: repo.dir,
      github,
      runnerTemp: await runnerTemp(),
      inputs: { trace: "true", cache: "true" },
      services: { cache },
    });
    return run;
  };

  const prRun = async (count: number, number = 2) => {
    const repo = await generatedRepo(count, 1, github);
    const event = await loadEvent("pull_request.opened");
    event.pull_request.number = number;
    const payload = await pointPullRequest(event, repo, github);
    cache.ref = `refs/pull/${payload.pull_request.number}/merge`;
    return runInProcess({
      eventName: "pull_request",
      payload,
      workspace: repo.dir,
      github,
      runnerTemp: await runnerTemp(),
      inputs: { trace: "true", cache: "true", "fail-on": "never" },
      services: { cache },
    });
  };

  it("a PR based on the cached commit restores it exactly and replays nothing", async () => {
    const push = await pushJob(4);
    expect(push.summary).toContain("saved them to the Actions cache");
    const saved = cache.calls.filter((c) => c.op === "save");
    expect(saved).toHaveLength(1);
    expect(saved[0]!.ref).toBe("refs/heads/master");

    // A PR adding the 5th migration to those 4, on another runner (empty temp dir).
    const pr = await prRun(5);
    const restore = cache.calls.filter((c) => c.op === "restore").at(-1)!;
    expect(restore.ref).toBe("refs/pull/2/merge");
    expect(restore.key).toBe(saved[0]!.key);
    expect(restore.hit).toBe(saved[0]!.key);
    expect(pr.stdout).toContain("engine: restored the replayed base from the cache (4 of 4 migrations)");
    // Nothing new to save: the exact entry was restored.
    expect(cache.calls.filter((c) => c.op === "save")).toHaveLength(1);
    expect(pr.exitCode).toBe(0);
  });

  it("a PR based on a newer commit restores the longest cached prefix and replays only the rest", async () => {
    await pushJob(4);
    const pushKey = cache.calls.find((c) => c.op === "save")!.key;
    // The default branch moved on by two migrations that no push job cached yet; the PR adds a third.
    const pr = await prRun(7);
    const restore = cache.calls.filter((c) => c.op === "restore").at(-1)!;
    expect(restore.hit).toBe(pushKey);
    expect(restore.restoreKeys![1]).toBe(pushKey);
    expect(pr.stdout).toContain("restored a prefix");
    expect(pr.stdout).toContain("engine: restored the replayed base from the cache (4 of 6 migrations)");
    // The PR saves its own base (6 migrations) under its ref: its next push starts warm.
    const saves = cache.calls.filter((c) => c.op === "save");
    expect(saves.at(-1)).toMatchObject({ ref: "refs/pull/2/merge", key: restore.key });
  });

  it("another PR's cache is out of reach (GitHub scopes caches by ref)", async () => {
    await prRun(5);
    const first = cache.calls.find((c) => c.op === "save")!;
    const payloadRun = await prRun(5, 3);
    const restore = cache.calls.filter((c) => c.op === "restore").at(-1)!;
    expect(restore.key).toBe(first.key);
    expect(restore.hit).toBeUndefined();
    expect(payloadRun.stdout).toContain("no replay cache yet");
  });
});
