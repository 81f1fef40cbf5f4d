/**
 * Rollbacks of declarative partitions, materialized views and implicit
 * objects, proven by round trip: a statement that cascades from the parent is
 * undone once, on the parent, not again on each partition.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OwnedSession, openPgliteSession } from "../../src/rollback/session.js";
import { roundTrip } from "./round-trip.js";

let session: OwnedSession;
beforeAll(async () => {
  session = await openPgliteSession();
});
afterAll(async () => {
  await session.close();
});

const PARTITIONED = `CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, kind text, payload text) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX events_at_idx ON events (at);
CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL, kind text, payload text);`;

async function verified(setup: string, up: string): Promise<string[]> {
  const result = await roundTrip(session, setup, up);
  expect(result.check.error, result.sql.join(";\n")).toBeUndefined();
  expect(result.check.differences.map((d) => d.describe)).toEqual([]);
  expect(result.check.verification).toBe("verified");
  return result.sql;
}

describe("declarative partitions", () => {
  it("add column on the parent is undone once, on the parent", async () => {
    const sql = await verified(PARTITIONED, "ALTER TABLE events ADD COLUMN source text;");
    expect(sql).toEqual(["ALTER TABLE events DROP COLUMN source"]);
  });
  it("drop column", async () => {
    await verified(PARTITIONED, "ALTER TABLE events DROP COLUMN payload;");
  });
  it("set not null", async () => {
    await verified(PARTITIONED, "ALTER TABLE events ALTER COLUMN kind SET NOT NULL;");
  });
  it("drop not null", async () => {
    await verified(
      PARTITIONED.replace("kind text,", "kind text NOT NULL,").replace(
        "CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL, kind text,",
        "CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL, kind text NOT NULL,",
      ),
      "ALTER TABLE events ALTER COLUMN kind DROP NOT NULL;",
    );
  });
  it("type change", async () => {
    await verified(PARTITIONED, "ALTER TABLE events ALTER COLUMN kind TYPE varchar(40);");
  });
  it("attach", async () => {
    await verified(
      PARTITIONED,
      "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
    );
  });
  it("detach", async () => {
    await verified(PARTITIONED, "ALTER TABLE events DETACH PARTITION events_2025;");
  });
  it("a new partition, and a new index on the parent", async () => {
    await verified(
      PARTITIONED,
      "CREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');\nCREATE INDEX events_kind_idx ON events (kind);",
    );
  });
  it("dropping the partitioned table brings back its partitions and indexes", async () => {
    await verified(PARTITIONED, "DROP TABLE events;");
  });
});

describe("materialized views and implicit objects", () => {
  it("a dropped materialized view comes back with its indexes", async () => {
    await verified(
      "CREATE TABLE t (id int PRIMARY KEY, a int); CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t; CREATE UNIQUE INDEX mv_id ON mv (id); CREATE INDEX mv_a ON mv (a);",
      "DROP MATERIALIZED VIEW mv;",
    );
  });
  it("an index added on a materialized view is dropped", async () => {
    await verified(
      "CREATE TABLE t (id int PRIMARY KEY, a int); CREATE MATERIALIZED VIEW mv AS SELECT id, a FROM t;",
      "CREATE INDEX mv_a ON mv (a);",
    );
  });
  it("a range type is dropped without its implicit constructors (multirange ones included)", async () => {
    const sql = await verified("", "CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);");
    expect(sql.join("\n")).not.toMatch(/multirange/);
  });
});
