import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseCacheKey, historyCacheKey, replayCacheKeys, traceChanges } from "../../src/engine/index.js";
import type { Migration } from "../../src/types.js";
import { sqlMigration } from "./helpers.js";

let cacheDir: string;
let history: Migration[];
let target: Migration;

beforeAll(async () => {
  cacheDir = await mkdtemp(path.join(os.tmpdir(), "db-migrate-cache-"));
  history = [
    await sqlMigration("001", "CREATE TABLE users (id int PRIMARY KEY, email text);"),
    await sqlMigration("002", "CREATE EXTENSION IF NOT EXISTS postgis;\nCREATE TABLE places (id int);"),
    await sqlMigration("003", "GRANT SELECT ON users TO analytics;"),
  ];
  target = await sqlMigration(
    "004",
    "ALTER TABLE users ADD COLUMN age int;\nALTER TABLE users ALTER COLUMN id TYPE bigint;\nALTER TABLE missing ADD COLUMN x int;\nCREATE TABLE teams (id int);\nCREATE INDEX teams_id ON teams (id);",
  );
  history.push(target);
});

afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe("traceChanges", () => {
  it("replays the base, traces the target and reports what PostgreSQL did", async () => {
    const result = await traceChanges({ history, targets: [target], pgVersion: 18 }, {});
    expect(result.cache).toBe("off");
    const rules = result.findings.map((f) => [f.rule, f.severity, f.line, f.path]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ["migration-fails", "info", 1, "migrations/002.sql"],
        ["observed-blocking-lock", "warning", 1, "migrations/004.sql"],
        ["observed-rewrite", "error", 2, "migrations/004.sql"],
        ["migration-fails", "error", 3, "migrations/004.sql"],
      ]),
    );
    // Locks on the table the migration creates are not findings.
    expect(result.findings.filter((f) => f.line >= 4 && f.path === "migrations/004.sql")).toEqual([]);
    const failure = result.findings.find((f) => f.rule === "migration-fails" && f.severity === "error");
    expect(failure?.message).toContain('relation "missing" does not exist');
    expect(result.findings.find((f) => f.rule === "observed-blocking-lock")?.message).toMatch(
      /took `users` AccessExclusiveLock \(blocks reads, writes, ddl\), held for 5 statements/,
    );
    expect(result.notices.map((n) => n.message).join("\n")).toMatch(/created role\(s\) analytics/);
    expect(result.plan[0]?.source).toBe("trace");
    expect(result.plan[0]?.totals).toEqual({ accessExclusiveStatements: 5, tablesRewritten: ["users"] });
  });

  it("restores the replayed base from the cache on a warm run, with the same findings", async () => {
    const cold = await traceChanges({ history, targets: [target], pgVersion: 18 }, { cacheDir });
    expect(cold.cache).toBe("miss");
    const key = historyCacheKey(history.slice(0, 3));
    expect(cold.cacheKey).toBe(key);
    expect(baseCacheKey(history, [target])).toBe(key);
    expect((await readdir(cacheDir)).sort()).toEqual([`db-migrate-base-${key}.json`, `db-migrate-base-${key}.tar.gz`]);

    const warm = await traceChanges({ history, targets: [target], pgVersion: 18 }, { cacheDir });
    expect(warm.cache).toBe("hit");
    expect(warm.findings).toEqual(cold.findings);
    expect(warm.plan).toEqual(cold.plan);
  });

  it("restores the longest cached prefix of a longer base history and replays only the rest", async () => {
    const prefixDir = await mkdtemp(path.join(os.tmpdir(), "db-migrate-prefix-"));
    try {
      // A cache written for a base of 001-002 (the default branch before 003 landed) …
      await traceChanges(
        { history: history.slice(0, 3), targets: [history[2] as Migration], pgVersion: 18 },
        { cacheDir: prefixDir },
      );
      // … serves a PR whose base is 001-003: 001-002 restored, 003 replayed on top.
      const run = await traceChanges({ history, targets: [target], pgVersion: 18 }, { cacheDir: prefixDir });
      expect(run.cache).toBe("prefix");
      expect(run.base.migrations.map((m) => m.migration)).toEqual(["001", "002", "003"]);
      expect(run.findings.filter((f) => f.path === "migrations/004.sql").map((f) => f.rule)).toEqual(
        expect.arrayContaining(["observed-blocking-lock", "observed-rewrite", "migration-fails"]),
      );
      const again = await traceChanges({ history, targets: [target], pgVersion: 18 }, { cacheDir: prefixDir });
      expect(again.cache).toBe("hit");
      const keys = replayCacheKeys(history.slice(0, 3));
      expect(keys.key.startsWith(keys.restoreKeys[0] as string)).toBe(true);
      expect(replayCacheKeys(history.slice(0, 2)).restoreKeys).toEqual(keys.restoreKeys);
    } finally {
      await rm(prefixDir, { recursive: true, force: true });
    }
  });

  it("keys the cache by the base history's content", async () => {
    const edited = { ...history[0], checksum: "edited" } as Migration;
    expect(historyCacheKey([edited, ...history.slice(1, 3)])).not.toBe(historyCacheKey(history.slice(0, 3)));
  });
});
