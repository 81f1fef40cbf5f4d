/**
 * The feature table behind `unsupported-on-target-version` against real
 * PostgreSQL: each example fails on the major before `since` and runs on
 * `since`. Skipped with a message when the pg-server-<N> packages are absent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION_FEATURES } from "../../src/rules/data/version-features.js";
import { missingServersMessage, type RealPostgres, startRealPostgres } from "../helpers/real-postgres.js";

const MAJORS = [13, 14, 15, 16, 17, 18];
const missing = missingServersMessage(MAJORS);
if (missing) console.warn(`version-features: ${missing}`);

/** Runs setup + example in a fresh database; returns the error message or null. */
async function attempt(server: RealPostgres, index: number, setup: string, example: string): Promise<string | null> {
  const db = `vf_${index}`;
  await server.query(`CREATE DATABASE ${db}`);
  const client = await server.connect(db);
  try {
    if (setup) await client.query(setup);
  } catch (error) {
    throw new Error(`setup failed on ${server.major}: ${(error as Error).message}`);
  }
  try {
    if (/^COPY /i.test(example)) {
      // COPY FROM stdin needs the copy protocol: the options are checked before any row is read.
      await client.query(example.replace(/FROM stdin/i, "FROM '/nonexistent/db-migrate-probe'"));
    } else {
      await client.query(example);
    }
    return null;
  } catch (error) {
    const text = (error as Error).message;
    // COPY reached the file: the options were accepted.
    return /could not open file|No such file|must be superuser|permission denied/.test(text) ? null : text;
  } finally {
    await client.end();
  }
}

describe.skipIf(missing !== null)("version feature table on real PostgreSQL", () => {
  const servers = new Map<number, RealPostgres>();
  beforeAll(async () => {
    for (const major of MAJORS) servers.set(major, await startRealPostgres(major));
  });
  afterAll(async () => {
    for (const server of servers.values()) await server.stop();
  });

  it("each example fails on the major before `since` and runs on `since`", async () => {
    const wrong: string[] = [];
    for (const [index, feature] of VERSION_FEATURES.entries()) {
      const before = servers.get(feature.since - 1);
      const at = servers.get(feature.since);
      if (!before || !at) throw new Error(`${feature.key}: no server for ${feature.since - 1}/${feature.since}`);
      const onBefore = await attempt(before, index, feature.setup, feature.example);
      const onSince = await attempt(at, index, feature.setup, feature.example);
      if (onBefore === null) wrong.push(`${feature.key}: PostgreSQL ${feature.since - 1} accepts it`);
      if (onSince !== null) wrong.push(`${feature.key}: PostgreSQL ${feature.since} rejects it: ${onSince}`);
    }
    expect(wrong).toEqual([]);
  });
});
