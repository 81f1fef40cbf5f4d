import { describe, expect, it } from "vitest";
import { history, migration, project } from "../helpers/history.js";

describe("duplicate-version", () => {
  it("fires on two golang-migrate files with the same number, however padded", () => {
    const findings = history("duplicate-version", {
      project: project("golang-migrate"),
      migrations: [
        migration({ id: "000002", path: "migrations/000002_a.up.sql" }),
        migration({ id: "2", path: "migrations/2_b.up.sql" }),
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", path: "migrations/2_b.up.sql" });
    expect(findings[0]?.message).toContain("000002_a.up.sql");
  });

  it("treats Flyway 1.0 and 1 as the same version", () => {
    const findings = history("duplicate-version", {
      project: project("flyway"),
      migrations: [
        migration({ id: "1", path: "V1__a.sql", convention: "flyway" }),
        migration({ id: "1.0", path: "V1.0__b.sql", convention: "flyway" }),
      ],
    });
    expect(findings).toHaveLength(1);
  });

  it("points at the migration the PR adds", () => {
    const old = migration({ id: "5", path: "5_old.up.sql", change: "unchanged" });
    const added = migration({ id: "5", path: "5_new.up.sql", change: "added" });
    const findings = history("duplicate-version", {
      project: project("golang-migrate"),
      migrations: [added, old],
      base: [old],
    });
    expect(findings.map((f) => f.path)).toEqual(["5_new.up.sql"]);
  });

  it("does not fire on distinct versions or a Flyway repeatable beside a versioned one", () => {
    const migrations = [
      migration({ id: "1", path: "V1__a.sql", convention: "flyway" }),
      migration({ id: "1.1", path: "V1.1__b.sql", convention: "flyway" }),
      migration({ id: "R__1", path: "R__1.sql", convention: "flyway", repeatable: true }),
    ];
    expect(history("duplicate-version", { project: project("flyway"), migrations })).toEqual([]);
  });
});
