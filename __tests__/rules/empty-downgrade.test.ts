import { describe, expect, it } from "vitest";
import { history, migration, project } from "../helpers/history.js";

describe("empty-downgrade", () => {
  it("fires on a golang-migrate up file without a .down.sql", () => {
    const findings = history("empty-downgrade", {
      project: project("golang-migrate"),
      migrations: [migration({ id: "000003", path: "migrations/000003_teams.up.sql", down: null })],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", path: "migrations/000003_teams.up.sql", line: 1 });
    expect(findings[0]?.message).toContain(".down.sql");
  });

  it("fires on an Alembic downgrade() that is pass, at the downgrade body", () => {
    const span = { line: 30, column: 1, endLine: 31, endColumn: 9 };
    const findings = history("empty-downgrade", {
      project: project("alembic", "alembic/versions"),
      migrations: [
        migration({
          id: "a1",
          path: "alembic/versions/a1.py",
          convention: "alembic",
          down: { path: "alembic/versions/a1.py", statements: [], empty: true, span },
        }),
      ],
    });
    expect(findings[0]).toMatchObject({ line: 30 });
    expect(findings[0]?.message).toContain("downgrade()");
  });

  it("only looks at what the PR adds when --base is given", () => {
    const old = migration({ id: "1", path: "migrations/1_a.up.sql", down: null, change: "unchanged" });
    const added = migration({ id: "2", path: "migrations/2_b.up.sql", change: "added" });
    expect(
      history("empty-downgrade", { project: project("golang-migrate"), migrations: [old, added], base: [old] }),
    ).toEqual([]);
  });

  it("fires on an empty optional down script (a goose Down section, a Prisma down.sql)", () => {
    const m = migration({
      id: "1",
      path: "m/00001_a.sql",
      convention: "plain",
      down: { path: "m/00001_a.sql", statements: [], empty: true },
    });
    const findings = history("empty-downgrade", { project: project("plain"), migrations: [m] });
    expect(findings[0]?.message).toContain("down script of `1` is empty");
  });

  it("does not fire where the convention has no down (Prisma, Flyway, plain)", () => {
    for (const convention of ["prisma", "flyway", "plain"] as const) {
      const m = migration({ id: "1", path: "m.sql", convention, down: null });
      expect(history("empty-downgrade", { project: project(convention), migrations: [m] })).toEqual([]);
    }
  });
});
