import { describe, expect, it } from "vitest";
import { history, migration, project } from "../helpers/history.js";

const alembic = project("alembic", "alembic/versions");
const rev = (id: string, parents: string[], extra = {}) =>
  migration({ id, path: `alembic/versions/${id}.py`, convention: "alembic", parents, ...extra });

describe("multiple-heads", () => {
  it("fires when two PRs each added a revision on the same parent (after the merge)", () => {
    const migrations = [
      rev("a1", []),
      rev("b2", ["a1"]),
      rev("c3", ["b2"], { change: "unchanged" }),
      rev("d4", ["b2"], { change: "added" }),
    ];
    const findings = history("multiple-heads", { project: alembic, migrations, base: migrations.slice(0, 3) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", path: "alembic/versions/d4.py" });
    expect(findings[0]?.message).toContain("`c3`");
    expect(findings[0]?.message).toContain("forks at `b2`");
    expect(findings[0]?.fix).toContain("alembic merge");
  });

  it("points at the down_revision line when the loader gives it", () => {
    const span = { line: 14, column: 1, endLine: 14, endColumn: 20 };
    const migrations = [rev("a1", []), rev("b2", ["a1"]), rev("c3", ["a1"], { parentsSpan: span })];
    const findings = history("multiple-heads", { project: alembic, migrations });
    expect(findings.map((f) => f.line)).toContain(14);
  });

  it("does not fire once a merge revision joins the heads", () => {
    const migrations = [rev("a1", []), rev("b2", ["a1"]), rev("c3", ["a1"]), rev("m4", ["b2", "c3"])];
    expect(history("multiple-heads", { project: alembic, migrations })).toEqual([]);
  });

  it("accepts separately labelled branches", () => {
    const migrations = [
      rev("a1", [], { branchLabels: ["core"] }),
      rev("b2", ["a1"]),
      rev("x1", [], { branchLabels: ["audit"] }),
    ];
    expect(history("multiple-heads", { project: alembic, migrations })).toEqual([]);
  });
});
