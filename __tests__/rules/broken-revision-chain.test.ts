import { describe, expect, it } from "vitest";
import { history, migration, project } from "../helpers/history.js";

const alembic = project("alembic", "alembic/versions");
const rev = (id: string, parents: string[], extra = {}) =>
  migration({ id, path: `alembic/versions/${id}.py`, convention: "alembic", parents, ...extra });

describe("broken-revision-chain", () => {
  it("fires on a down_revision that names no revision", () => {
    const findings = history("broken-revision-chain", {
      project: alembic,
      migrations: [rev("a1", []), rev("b2", ["zz99"])],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", path: "alembic/versions/b2.py" });
    expect(findings[0]?.message).toContain("`zz99`");
  });

  it("fires on a cycle, naming the revisions along it", () => {
    const findings = history("broken-revision-chain", {
      project: alembic,
      migrations: [rev("a1", []), rev("b2", ["c3"]), rev("c3", ["b2"])],
    });
    expect(findings.some((f) => f.message.includes("cycle"))).toBe(true);
  });

  it("warns about a second base revision (a forgotten down_revision)", () => {
    const findings = history("broken-revision-chain", {
      project: alembic,
      migrations: [rev("a1", []), rev("b2", ["a1"]), rev("c3", [])],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", path: "alembic/versions/c3.py" });
  });

  it("does not fire on a sound chain with a merge, or on an id prefix Alembic resolves", () => {
    const migrations = [rev("a1b2c3d4", []), rev("b2", ["a1b2"]), rev("c3", ["a1b2c3d4"]), rev("m4", ["b2", "c3"])];
    expect(history("broken-revision-chain", { project: alembic, migrations })).toEqual([]);
  });

  it("does not apply to version-ordered tools", () => {
    const sql = project("golang-migrate");
    expect(
      history("broken-revision-chain", {
        project: sql,
        migrations: [migration({ id: "2", path: "2.up.sql", parents: ["1"] })],
      }),
    ).toEqual([]);
  });
});
