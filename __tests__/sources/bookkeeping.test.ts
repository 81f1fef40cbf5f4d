/**
 * Each tool's bookkeeping table, one definition per adapter: created and
 * filled as the tool does during replay, then read back the way
 * `history --database-url` reads a live database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareApplied, readAppliedState } from "../../src/engine/drift.js";
import { type OwnedSession, openPgliteSession } from "../../src/rollback/session.js";
import { ADAPTERS } from "../../src/sources/registry.js";
import type { Migration } from "../../src/types.js";

function migration(convention: Migration["convention"], id: string, parents: string[]): Migration {
  return {
    id,
    name: `m ${id}`,
    path: `db/${id}.sql`,
    tool: "sql",
    convention,
    parents,
    order: id,
    transactional: true,
    statements: [],
    down: null,
    problems: [],
    checksum: "ab".repeat(32),
  };
}

const IDS = ["20240101000000", "20240102000000", "20240103000000"];

describe("bookkeeping tables", () => {
  let session: OwnedSession;
  beforeAll(async () => {
    session = await openPgliteSession();
  });
  afterAll(() => session.close());

  it("are written as the tool writes them and read back as applied and pending, for every tool that keeps one", async () => {
    const kept = ADAPTERS.filter((adapter) => adapter.bookkeeping);
    expect(kept.map((a) => a.convention).sort()).toEqual(
      ["alembic", "dbmate", "diesel", "flyway", "golang-migrate", "goose", "prisma", "sqlx"].sort(),
    );
    const histories = new Map<string, Migration[]>();
    for (const adapter of kept) {
      const bookkeeping = adapter.bookkeeping as NonNullable<typeof adapter.bookkeeping>;
      const history = IDS.map((id, i) => migration(adapter.convention, id, i === 0 ? [] : [IDS[i - 1] as string]));
      histories.set(adapter.convention, history);
      // One schema per tool: golang-migrate and dbmate both name theirs schema_migrations.
      const schema = `t_${adapter.convention.replace(/\W/g, "_")}`;
      await session.exec(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
      await session.exec(bookkeeping.create);
      for (const m of history.slice(0, 2)) {
        const record = bookkeeping.record(m);
        if (record) await session.exec(record);
      }
    }
    await session.exec("SET search_path = public");
    const states = await readAppliedState({ query: (sql) => session.query(sql) });
    expect(states.map((s) => s.tool).sort()).toEqual(kept.map((a) => a.convention).sort());
    for (const state of states) {
      const comparison = compareApplied(state, histories.get(state.tool) as Migration[]);
      expect([state.tool, comparison.applied.map((m) => m.id)]).toEqual([state.tool, IDS.slice(0, 2)]);
      expect([state.tool, comparison.pending.map((m) => m.id)]).toEqual([state.tool, IDS.slice(2)]);
      expect([state.tool, comparison.unknown]).toEqual([state.tool, []]);
    }
  });
});
