import { describe, expect, it } from "vitest";
import { alembicUpgradeOrder, compareFileOrder } from "../../../src/sources/alembic/order.js";
import type { Migration } from "../../../src/types.js";

function revision(file: string, id: string, parents: string[], dependsOn: string[] = []): Migration {
  return {
    id,
    name: id,
    path: `migrations/versions/${file}.py`,
    tool: "alembic",
    convention: "alembic",
    parents,
    dependsOn,
    order: "",
    transactional: true,
    statements: [],
    down: null,
    problems: [],
  };
}

describe("alembicUpgradeOrder", () => {
  it("applies parallel branches, a merge, a dependency and a second head as `alembic upgrade heads` does", () => {
    // The expected order is real Alembic's (ScriptDirectory._upgrade_revs("heads", "base")) on these files.
    const migrations = [
      revision("1_a", "a", []),
      revision("5_b1", "b1", ["a"]),
      revision("2_c1", "c1", ["a"]),
      revision("3_b2", "b2", ["b1"]),
      revision("4_c2", "c2", ["c1"]),
      revision("6_m", "m", ["b2", "c2"]),
      revision("0_h", "h", ["a"]),
      revision("7_d", "d", ["c2"], ["b1"]),
    ];
    expect(alembicUpgradeOrder(migrations).map((m) => m.id)).toEqual(["a", "c1", "c2", "b1", "d", "b2", "m", "h"]);
  });

  it("walks a folder's files by name before its sub-folders, by code point", () => {
    const paths = ["v/b/x.py", "v/z.py", "v/a.py", "v/B.py", "v/a/y.py"];
    expect([...paths].sort(compareFileOrder)).toEqual(["v/B.py", "v/a.py", "v/z.py", "v/a/y.py", "v/b/x.py"]);
  });

  it("still returns every revision of a graph with a cycle, parents first where it can", () => {
    const migrations = [revision("1", "a", []), revision("2", "b", ["c"]), revision("3", "c", ["b"])];
    expect(alembicUpgradeOrder(migrations).map((m) => m.id)).toEqual(["a", "b", "c"]);
  });
});
