import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "../../src/config/load.js";
import { resolveRuleSettings } from "../../src/rules/settings.js";

describe(".db-migrate.yml", () => {
  it("reads every documented key", () => {
    const config = parseConfig(
      [
        "version: 1",
        "fail-on: warning",
        "pg-version: 14",
        "transactional: true",
        "projects:",
        "  - path: db/migrations",
        "    tool: sql",
        "    convention: golang-migrate",
        "exclude: ['db/seed/**']",
        "rules:",
        "  drop-table: warning",
        "  parse-error: { severity: warning }",
        "  unanalyzed-operation: off",
        "templates:",
        "  vars:",
        "    schema: app",
        "    version: 3",
      ].join("\n"),
      ".db-migrate.yml",
    );
    expect(config).toMatchObject({
      failOn: "warning",
      pgVersion: 14,
      transactional: true,
      projects: [{ path: "db/migrations", tool: "sql", convention: "golang-migrate" }],
      exclude: ["db/seed/**"],
      templateVars: { schema: "app", version: "3" },
    });
    const settings = resolveRuleSettings(config.rules);
    expect(settings.enabled("drop-table")).toBe(true);
    expect(settings.severity("drop-table", "error")).toBe("warning");
    expect(settings.severity("parse-error", "error")).toBe("warning");
    expect(settings.enabled("unanalyzed-operation")).toBe(false);
  });

  it("names the file, line and key of a bad value", () => {
    expect(() => parseConfig("fail-on: error\npg-version: eleven\n", ".db-migrate.yml")).toThrow(
      /^\.db-migrate\.yml:2: `pg-version`/,
    );
    expect(() => parseConfig("projects:\n  - path: a\n  - pth: b\n", "c.yml")).toThrow(/^c\.yml:3: `projects\.1/);
  });

  it("rejects unknown keys and broken YAML with a location", () => {
    expect(() => parseConfig("fail-on: error\nfial-on: error\n", "c.yml")).toThrow(
      /^c\.yml:2: `fial-on`: Unrecognized key/,
    );
    expect(() => parseConfig("rules: [unclosed\n", "c.yml")).toThrow(/^c\.yml:\d+:\d+: invalid YAML/);
  });

  it("reads the engine keys, and names a bad engine, URL or time zone", () => {
    const config = parseConfig(
      "engine: postgres\npg-version: 13\nengine-url: postgres://postgres@localhost:5432/scratch\ntrace:\n  timezone: Europe/Paris\n",
      "c.yml",
    );
    expect([config.engine, config.engineUrl, config.trace.timezone]).toEqual([
      "postgres",
      "postgres://postgres@localhost:5432/scratch",
      "Europe/Paris",
    ]);
    expect(parseConfig("", "c.yml").trace.timezone).toBe("UTC");
    expect(() => parseConfig("engine: docker\n", "c.yml")).toThrow(/^c\.yml:1: `engine`/);
    expect(() => parseConfig("engine-url: mysql://x\n", "c.yml")).toThrow(
      /^c\.yml:1: `engine-url`: use a postgres:\/\/ URL/,
    );
    expect(() => parseConfig("trace:\n  timezone: Mars/Olympus\n", "c.yml")).toThrow(
      /^c\.yml:2: `trace\.timezone`: not a time zone name/,
    );
  });

  it("rejects an unknown rule id", () => {
    const config = parseConfig("rules:\n  no-such-rule: off\n", "c.yml");
    expect(() => resolveRuleSettings(config.rules, "c.yml", config.ruleLines)).toThrow(
      /^c\.yml:2: `rules\.no-such-rule`: unknown rule id/,
    );
  });

  it("uses defaults without a file, and errors when an explicit file is missing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cfg-"));
    expect((await loadConfig(dir)).failOn).toBe("error");
    expect((await loadConfig(dir)).pgVersion).toBe(16);
    await expect(loadConfig(dir, "missing.yml")).rejects.toThrow(/missing\.yml: config file not found/);
    writeFileSync(path.join(dir, ".db-migrate.yml"), "pg-version: 13\n");
    expect((await loadConfig(dir)).pgVersion).toBe(13);
  });
});
