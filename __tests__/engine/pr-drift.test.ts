/**
 * `database-url` on the PR path: the pipeline the action's PR run, `validate` and `plan` share
 * reads the live database (a PGlite served over the wire protocol) read-only, and the comment
 * gets a Drift section naming the hand-made change and the locked table's size and rows.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import { memoryFiles } from "../helpers/files.js";

const INIT = "CREATE TABLE events (id bigint PRIMARY KEY, payload text);\n";
const PR = "ALTER TABLE events ALTER COLUMN payload TYPE varchar(100);\n";
const head = memoryFiles({ "migrations/001_init.sql": INIT, "migrations/002_narrow_payload.sql": PR });
const base = memoryFiles({ "migrations/001_init.sql": INIT }, "base");

let db: PGlite;
let server: PGLiteSocketServer;
let url: string;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "pr-drift-"));
  // "Production": the base migration applied, 20 000 rows, statistics gathered, and one change made by hand.
  db = await PGlite.create();
  await db.exec(`
    ${INIT}
    INSERT INTO events SELECT g, repeat('x', 50) FROM generate_series(1, 20000) g;
    ANALYZE events;
    CREATE INDEX events_payload_by_hand ON events (payload);
  `);
  const port = 40000 + Math.floor(Math.random() * 20000);
  server = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
  await server.start();
  url = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
});

afterAll(async () => {
  await server?.stop();
  await db?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

async function prRun(databaseUrl?: string) {
  const { result } = await analyze([], {
    root,
    format: "markdown",
    trace: true,
    rollbacks: true,
    color: false,
    files: head,
    baseFiles: base,
    base: "base",
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  return result;
}

describe("database-url on the PR path", () => {
  it("reports exactly the hand-made change as drift and the locked table's size and rows", async () => {
    const result = await prRun(url);
    expect(result.drift?.map((folder) => folder.drift.map((d) => d.object))).toEqual([
      [expect.stringMatching(/events_payload_by_hand/)],
    ]);
    const size = result.tableSizes?.events ?? result.tableSizes?.["public.events"];
    expect(size?.rows).toBe(20000);
    expect(size?.bytes).toBeGreaterThan(20000 * 50);

    const comment = renderMarkdown(result, { version: "0.1.0" });
    if (process.env.SHOW_COMMENT) console.log(comment);
    const drift = comment.slice(
      comment.indexOf("**Drift:**"),
      comment.indexOf("\n\n", comment.indexOf("**Drift:**") + 12),
    );
    expect(drift).toMatch(/differs from its applied migrations in 1 place/);
    const listed = comment
      .split("\n")
      .filter((line) => line.startsWith("- ") && comment.indexOf(line) > comment.indexOf("**Drift:**"));
    expect(listed[0]).toMatch(/events_payload_by_hand/);
    // The lock columns and the plan say what the AccessExclusive lock costs.
    expect(comment).toMatch(/\| AccessExclusive on `(public\.)?events` \(\d+(\.\d)? MB, 20k rows\) · reads, writes/);
    expect(comment).toMatch(/AccessExclusive on `(public\.)?events` \(\d+(\.\d)? MB, 20k rows\)/);
    expect(comment).toMatch(
      /line 1: `ALTER TABLE events[^\n]*AccessExclusive on `(public\.)?events` \(\d+(\.\d)? MB, 20k rows\)/,
    );

    const text = renderText(result, { color: false });
    expect(text).toMatch(
      /drift \(live database compared with its applied migrations\)\n {2}migrations: no bookkeeping table found[^\n]*\n {4}\+ index events_payload_by_hand[^\n]*\n {2}locked tables: (public\.)?events \(\d+(\.\d)? MB, 20k rows\)/,
    );

    const json = JSON.parse(renderJson(result));
    expect(json.drift[0].drift).toHaveLength(1);
    expect(json.drift[0].drift[0].describe).toMatch(/events_payload_by_hand/);
  });

  it("has no Drift section and no sizes without a database URL", async () => {
    const result = await prRun();
    expect(result.drift).toBeUndefined();
    const comment = renderMarkdown(result, { version: "0.1.0" });
    expect(comment).not.toMatch(/Drift/);
    expect(comment).toMatch(/AccessExclusive on `(public\.)?events` ×1/);
    expect(JSON.parse(renderJson(result)).drift).toBeUndefined();
  });

  it("a server that cannot be reached is a notice, and the rest of the PR is still analysed", async () => {
    const result = await prRun("postgresql://postgres@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=2");
    expect(result.drift).toBeUndefined();
    expect(result.notices.map((n) => n.message).join("\n")).toMatch(/database URL could not be read/);
    expect(result.migrations.map((m) => m.path)).toEqual(["migrations/002_narrow_payload.sql"]);
  });
});
