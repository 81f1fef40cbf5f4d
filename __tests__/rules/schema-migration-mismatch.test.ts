import { describe, expect, it } from "vitest";
import { history, migration, project } from "../helpers/history.js";

const before = `datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id Int @id\n}\n`;
const after = `datasource db {\n  provider = "postgresql"\n}\n\nmodel User {\n  id Int @id\n  email String\n}\n`;
const unchanged = migration({
  id: "20240101000000_init",
  path: "prisma/migrations/20240101000000_init/migration.sql",
  convention: "prisma",
  change: "unchanged",
});

describe("schema-migration-mismatch", () => {
  it("fires when schema.prisma changes the models and the PR adds no migration", () => {
    const findings = history("schema-migration-mismatch", {
      project: project("prisma", "prisma/migrations"),
      migrations: [unchanged],
      base: [unchanged],
      changedFiles: [{ path: "prisma/schema.prisma", before, after }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", path: "prisma/schema.prisma", line: 7 });
  });

  it("does not fire when a migration comes with the change", () => {
    const added = {
      ...unchanged,
      id: "20240201000000_email",
      path: "prisma/migrations/20240201000000_email/migration.sql",
      change: "added" as const,
    };
    const findings = history("schema-migration-mismatch", {
      project: project("prisma", "prisma/migrations"),
      migrations: [unchanged, added],
      base: [unchanged],
      changedFiles: [{ path: "prisma/schema.prisma", before, after }],
    });
    expect(findings).toEqual([]);
  });

  it("does not fire on comment, formatting or generator-only edits", () => {
    const cosmetic = `// the app schema\ngenerator client {\n  provider = "prisma-client-js"\n}\n${before.replace("id Int @id", "id   Int   @id")}`;
    const findings = history("schema-migration-mismatch", {
      project: project("prisma", "prisma/migrations"),
      migrations: [unchanged],
      base: [unchanged],
      changedFiles: [{ path: "prisma/schema.prisma", before, after: cosmetic }],
    });
    expect(findings).toEqual([]);
  });
});
