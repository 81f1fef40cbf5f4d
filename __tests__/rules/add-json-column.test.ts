import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "add-json-column";

describe(rule, () => {
  it("fires on a json column in CREATE TABLE, new tables included", () => {
    const findings = lintRule(rule, "CREATE TABLE events (id int, payload json);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", lock: null });
    expect(findings[0]?.message).toContain("`events.payload`");
    expect(findings[0]?.fix).toContain("jsonb");
  });

  it("fires on ADD COLUMN json, json[] and a change to json", () => {
    expect(lintRule(rule, "ALTER TABLE events ADD COLUMN meta pg_catalog.json;")).toHaveLength(1);
    expect(lintRule(rule, "ALTER TABLE events ADD COLUMN metas json[];")).toHaveLength(1);
    expect(lintRule(rule, "ALTER TABLE events ALTER COLUMN meta TYPE json;")).toHaveLength(1);
  });

  it("does not fire on jsonb or a type named json in another schema", () => {
    expect(lintRule(rule, "CREATE TABLE events (id int, payload jsonb);")).toEqual([]);
    expect(lintRule(rule, "ALTER TABLE events ADD COLUMN meta myschema.json;")).toEqual([]);
  });
});
