import { describe, expect, it } from "vitest";
import { history, migration, project } from "../helpers/history.js";

describe("naming-convention", () => {
  it("fires as an error on a file the tool will not run", () => {
    const stray = migration({
      id: "db/migration/V2_add_users.sql",
      path: "db/migration/V2_add_users.sql",
      convention: "flyway",
      unrecognized: "Flyway only runs files named V<version>__<description>.sql",
    });
    const findings = history("naming-convention", { project: project("flyway"), migrations: [stray] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", path: "db/migration/V2_add_users.sql" });
    expect(findings[0]?.fix).toContain("V<next version>__");
  });

  it("fires on a Prisma folder that is not <timestamp>_<name>", () => {
    const m = migration({ id: "add_users", path: "prisma/migrations/add_users/migration.sql", convention: "prisma" });
    const findings = history("naming-convention", { project: project("prisma"), migrations: [m] });
    expect(findings[0]?.message).toContain("add_users");
  });

  it("fires on a timestamp among sequence numbers", () => {
    const old = ["000001", "000002", "000003"].map((id) =>
      migration({ id, path: `${id}_x.up.sql`, change: "unchanged" }),
    );
    const added = migration({ id: "20240101120000", path: "20240101120000_y.up.sql", change: "added" });
    const findings = history("naming-convention", {
      project: project("golang-migrate"),
      migrations: [...old, added],
      base: old,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain("14 digits");
  });

  it("does not fire on well-named migrations", () => {
    const ok = ["000001", "000002", "000003", "000004"].map((id) => migration({ id, path: `${id}_x.up.sql` }));
    expect(history("naming-convention", { project: project("golang-migrate"), migrations: ok })).toEqual([]);
    const prisma = migration({
      id: "20240101120000_init",
      path: "prisma/migrations/20240101120000_init/migration.sql",
      convention: "prisma",
    });
    expect(history("naming-convention", { project: project("prisma"), migrations: [prisma] })).toEqual([]);
  });
});

describe("naming-convention version styles", () => {
  it("accepts a longer timestamp among timestamps (diesel's newer format)", () => {
    const old = ["20190226002946", "20200101000000", "20210101000000"].map((id) =>
      migration({ id, path: `${id}/up.sql`, change: "unchanged", convention: "diesel" }),
    );
    const added = migration({ id: "202607271433130000", path: "x/up.sql", change: "added", convention: "diesel" });
    expect(
      history("naming-convention", { project: project("diesel"), migrations: [...old, added], base: old }),
    ).toEqual([]);
  });
});
