/**
 * `validate --database-url` (the CLI face of the PR path) against real PostgreSQL 13, 16 and 18 whose
 * database belongs to an application role: the JSON `drift` key lists exactly the hand-made
 * change (no ownership or version noise) and `tableSizes` the locked table's size and rows.
 * Skipped with a message when the pg-server package is absent.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateCommand } from "../../src/commands/validate.js";
import { memoryFiles } from "../helpers/files.js";
import { missingServersMessage, type RealPostgres, startRealPostgres } from "../helpers/real-postgres.js";

const MAJORS = [13, 16, 18];
const missing = missingServersMessage(MAJORS);
if (missing) console.warn(`pr-drift-real: ${missing}`);

const INIT = "CREATE TABLE events (id bigint PRIMARY KEY, payload text);\n";
const PR = "ALTER TABLE events ADD COLUMN kind text NOT NULL DEFAULT 'x', ALTER COLUMN payload TYPE varchar(100);\n";

describe.skipIf(missing !== null).each(MAJORS)("validate --database-url on real PostgreSQL %i", (major) => {
  let server: RealPostgres;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "pr-drift-real-"));
    server = await startRealPostgres(major);
    await server.query("CREATE ROLE app LOGIN; CREATE ROLE reader");
    await server.query("CREATE DATABASE appdb OWNER app");
    const app = await server.connect("appdb");
    await app.query("SET ROLE app");
    await app.query("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reader");
    await app.query(INIT);
    await app.query("INSERT INTO events SELECT g, repeat('x', 50) FROM generate_series(1, 50000) g");
    await app.query("ANALYZE events");
    await app.query("ALTER TABLE events ADD COLUMN added_by_hand int");
    await app.end();
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("JSON drift names exactly the hand-made column; tableSizes gives the locked table's size and rows", async () => {
    const output = await validateCommand.run(
      [],
      {},
      {
        root,
        format: "json",
        trace: true,
        color: false,
        base: "base",
        files: memoryFiles({ "migrations/001_init.sql": INIT, "migrations/002_events_kind.sql": PR }),
        baseFiles: memoryFiles({ "migrations/001_init.sql": INIT }, "base"),
        databaseUrl: server.url("appdb"),
      },
    );
    const json = JSON.parse(output.body);
    expect(json.drift).toHaveLength(1);
    expect(json.drift[0].drift.map((d: { describe: string }) => d.describe)).toEqual([
      "+ column events.added_by_hand (integer)",
    ]);
    const size = json.tableSizes.events ?? json.tableSizes["public.events"];
    expect(size.rows).toBe(50000);
    expect(size.bytes).toBeGreaterThan(50000 * 50);
  }, 240_000);
});
