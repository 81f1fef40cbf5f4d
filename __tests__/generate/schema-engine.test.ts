import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openSchemaEngine,
  SCHEMA_ENGINE_PACKAGE,
  type SchemaEngineSession,
  schemaEngineVersion,
} from "../../src/sources/prisma/generate/schema-engine.js";

/**
 * `generate` promises the SQL Prisma itself writes, so the engine build is
 * pinned. Upgrading it must be deliberate: change package.json, re-run the
 * langfuse measurement (scripts/corpus-generate-prisma.ts), then these values.
 */
const PINNED = "8.1.0-2.59be4fda12412a79eeb9c2ae727b6aa723593323";
const ENGINE_COMMIT = "59be4fda12412a79eeb9c2ae727b6aa723593323";

const schema = (models: string) => `datasource db {\n  provider = "postgresql"\n}\n\n${models}`;
const USERS = `model User {\n  id   Int    @id @default(autoincrement())\n  name String\n}\n`;

describe("Prisma's schema engine (WASM)", () => {
  let engine: SchemaEngineSession;
  beforeAll(async () => {
    engine = await openSchemaEngine();
  });
  afterAll(async () => engine?.close());

  it("is pinned to the exact version generate was measured with", async () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8"));
    expect(pkg.dependencies[SCHEMA_ENGINE_PACKAGE]).toBe(PINNED);
    expect(await schemaEngineVersion()).toBe(ENGINE_COMMIT);
  });

  it("diffs two schemas into the SQL Prisma writes", async () => {
    const withEmail = USERS.replace("  name String\n", "  name  String\n  email String @unique\n");
    const sql = await engine.diff(
      { kind: "schema", files: [{ path: "schema.prisma", content: schema(USERS) }] },
      { kind: "schema", files: [{ path: "schema.prisma", content: schema(withEmail) }] },
    );
    expect(sql).toBe(
      '-- AlterTable\nALTER TABLE "User" ADD COLUMN     "email" TEXT NOT NULL;\n\n-- CreateIndex\nCREATE UNIQUE INDEX "User_email_key" ON "User"("email");\n',
    );
  });

  it("replays a migrations folder on a shadow database to diff it against a schema (drift)", async () => {
    const init = await engine.diff(
      { kind: "empty" },
      { kind: "schema", files: [{ path: "s.prisma", content: schema(USERS) }] },
    );
    const drifted = `${init}\nCREATE TABLE "audit" ("id" INTEGER);\n`;
    const drift = await engine.diff(
      { kind: "migrations", folders: [{ name: "20240101000000_init", sql: drifted }] },
      { kind: "schema", files: [{ path: "s.prisma", content: schema(USERS) }] },
    );
    expect(drift).toContain('DROP TABLE "audit"');
    expect(drift).not.toContain('"User"');
  });
});
