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

const reasons = async (setup: string, up: string) => {
  const result = await roundTrip(session, setup, up);
  // The schema is restored even where data is not.
  expect(result.check.verification).toBe("verified");
  return result.rollback.irreversible.map((p) => `${p.line}: ${p.reason}`);
};

describe("irreversible parts", () => {
  it("a dropped column or table that existed before the migration", async () => {
    expect(await reasons("CREATE TABLE users (id int, name text);", "ALTER TABLE users DROP COLUMN name;")).toEqual([
      "1: drops column `users.name` and its values: the rollback adds it back empty",
    ]);
    expect(await reasons("CREATE TABLE users (id int);", "SELECT 1;\nDROP TABLE users;")).toEqual([
      "2: drops table `users` and its rows: the rollback recreates it empty",
    ]);
  });

  it("objects the same migration creates lose nothing", async () => {
    expect(
      await reasons(
        "",
        "CREATE TABLE t (a int, b int);\nINSERT INTO t VALUES (1, 2);\nALTER TABLE t DROP COLUMN b;\nDROP TABLE t;",
      ),
    ).toEqual([]);
  });

  it("DML on existing tables, with the data-preserving alternative", async () => {
    const result = await roundTrip(
      session,
      "CREATE TABLE t (a int); INSERT INTO t VALUES (1);",
      "UPDATE t SET a = 2;\nDELETE FROM t WHERE a > 5;\nINSERT INTO t VALUES (3);\nTRUNCATE t;",
    );
    expect(result.rollback.irreversible.map((p) => p.line)).toEqual([1, 2, 3, 4]);
    expect(result.rollback.irreversible[0]?.alternative).toContain("backup table");
    // The generated rollback marks the data gap in a comment.
    expect(result.rollback.steps.filter((s) => s.note).map((s) => s.line)).toEqual([4, 3, 2, 1]);
  });

  it("narrowing casts, but not widening ones", async () => {
    expect(
      await reasons(
        "CREATE TABLE t (a varchar(10), b bigint, c int, d numeric(12,4));",
        "ALTER TABLE t ALTER COLUMN a TYPE varchar(200);\nALTER TABLE t ALTER COLUMN b TYPE int;\nALTER TABLE t ALTER COLUMN c TYPE bigint;\nALTER TABLE t ALTER COLUMN d TYPE numeric(10,2);",
      ),
    ).toEqual([
      "2: changes `t.b` from bigint to integer: values that do not fit are truncated or rounded, and converting back does not restore them",
      "4: changes `t.d` from numeric(12,4) to numeric(10,2): values that do not fit are truncated or rounded, and converting back does not restore them",
    ]);
  });

  it("a DO block that writes rows", async () => {
    expect(await reasons("CREATE TABLE t (a int);", "DO $$ BEGIN UPDATE t SET a = 1; END $$;")).toEqual([
      "1: the DO block writes rows: a schema rollback does not restore them",
    ]);
  });
});
