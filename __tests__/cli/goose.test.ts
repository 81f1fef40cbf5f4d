/**
 * goose projects end to end (fixtures/goose-app): Up/Down sections,
 * StatementBegin/End, `-- +goose NO TRANSACTION`, a Go migration, and the
 * generated rollback written into the Down section.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CliRun,
  copyToTemp,
  expectNoCrash,
  fixturesDir,
  type JsonDocument,
  parseJson,
  removeTemp,
  runCli,
  runMany,
} from "./run-cli.js";

const folder = "db/migrations";
const file = (name: string) => `${folder}/${name}`;

describe("a goose project", () => {
  let root: string;
  let validate: CliRun;
  let rollback: CliRun;
  let doc: JsonDocument;

  beforeAll(async () => {
    root = await copyToTemp(path.join(fixturesDir, "goose-app"), "goose-app");
    [validate, rollback] = (await runMany(
      [
        { args: ["validate", "--format", "json"], cwd: root },
        {
          args: [
            "rollback",
            file("20240102000000_add_email.sql"),
            file("20240103000000_touch_trigger.sql"),
            "--format",
            "json",
            "--write",
          ],
          cwd: root,
        },
        // One after the other: the rollback writes the files validate reads.
      ],
      1,
    )) as [CliRun, CliRun];
    doc = parseJson(validate);
  }, 180_000);
  afterAll(() => removeTemp(root));

  it("reads only the Up sections, keeps a function body between StatementBegin/End whole", () => {
    expectNoCrash(validate);
    expect(validate.code).toBe(0);
    expect(doc.migrations.map((m) => [m.id, m.statements])).toEqual([
      ["20240101000000", 1],
      ["20240102000000", 1],
      ["20240103000000", 3],
      ["20240104000000", 1],
      ["20240105000000", 0],
      ["20240106000000", 1],
    ]);
    expect(doc.findings.filter((f) => f.rule === "parse-error")).toEqual([]);
  });

  it("runs a NO TRANSACTION file outside a transaction: CONCURRENTLY there is fine", () => {
    expect(doc.findings.filter((f) => f.rule === "concurrently-in-transaction")).toEqual([]);
  });

  it("notices a Go migration without failing on it", () => {
    const go = doc.findings.filter((f) => f.path === file("20240105000000_backfill_names.go"));
    expect(go).toHaveLength(1);
    expect(go[0]).toMatchObject({ rule: "unanalyzed-operation", severity: "info" });
    expect(go[0]?.message).toContain("Go migration");
  });

  it("writes the verified rollback into the Down section, adding one where the file has none", async () => {
    expectNoCrash(rollback);
    expect(rollback.code).toBe(0);
    const rollbacks = (JSON.parse(rollback.stdout) as { rollbacks: Array<Record<string, unknown>> }).rollbacks;
    expect(rollbacks.map((r) => [r.migration, r.origin, r.verification])).toEqual([
      [file("20240102000000_add_email.sql"), "generated", "verified"],
      [file("20240103000000_touch_trigger.sql"), "generated", "verified"],
    ]);
    expect(await readFile(path.join(root, file("20240102000000_add_email.sql")), "utf8")).toBe(
      "-- +goose Up\nALTER TABLE users ADD COLUMN email text;\n\n-- +goose Down\nALTER TABLE users DROP COLUMN email;\n",
    );
    const trigger = await readFile(path.join(root, file("20240103000000_touch_trigger.sql")), "utf8");
    expect(trigger.slice(trigger.indexOf("-- +goose Down"))).toBe(
      "-- +goose Down\nDROP TRIGGER users_touch ON users;\n\nDROP FUNCTION touch_updated_at();\n\nALTER TABLE users DROP COLUMN updated_at;\n",
    );
    // Read back, the written Down sections are the migrations' own rollbacks now.
    const again = await runCli(["validate", "--format", "json"], root);
    expect(parseJson(again).findings.filter((f) => f.rule === "empty-downgrade")).toEqual([]);
  }, 120_000);
});
