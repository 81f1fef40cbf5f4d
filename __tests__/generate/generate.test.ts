import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateCommand } from "../../src/commands/generate.js";
import { UsageError } from "../../src/commands/types.js";
import { fixtureRepo, runGenerate } from "./fixture-repo.js";

/** The fixture's users table gains `plan String` (required, no default): Prisma writes ADD COLUMN … NOT NULL. */
function addRequiredPlan(root: string): void {
  const schema = path.join(root, "prisma/schema.prisma");
  const text = readFileSync(schema, "utf8");
  writeFileSync(schema, text.replace("  legacy_code String?\n", "  legacy_code String?\n  plan        String\n"));
}

describe("generate (Prisma, from the edited schema)", () => {
  let repo: ReturnType<typeof fixtureRepo> | undefined;
  afterEach(() => repo?.remove());

  it("turns a NOT NULL column on a table with rows into add nullable → backfill → SET NOT NULL via a validated CHECK, proven on seeded rows", async () => {
    repo = fixtureRepo("prisma-generate");
    addRequiredPlan(repo.root);
    const { result, exitCode, writes } = await runGenerate(repo.root, [], {
      name: "add_plan",
      backfill: ["plan='free'"],
      write: true,
    });
    expect(result.engineSql).toContain('ADD COLUMN     "plan" TEXT NOT NULL');
    const migrations = result.files.filter((f) => f.role === "migration");
    expect(migrations.map((f) => f.path.split("/")[2]?.slice(15))).toEqual([
      "add_plan",
      "add_plan_backfill",
      "add_plan_validate",
    ]);
    expect(migrations[0]?.content).toBe('-- AlterTable\nALTER TABLE "users" ADD COLUMN     "plan" TEXT;\n');
    expect(migrations[1]?.content).toContain(`UPDATE "users" SET "plan" = 'free' WHERE "plan" IS NULL;`);
    expect(migrations[1]?.content).toContain('CHECK ("plan" IS NOT NULL) NOT VALID;');
    expect(migrations[2]?.content).toBe(
      '-- Validate\nALTER TABLE "users" VALIDATE CONSTRAINT "users_plan_not_null";\nALTER TABLE "users" ALTER COLUMN "plan" SET NOT NULL;\nALTER TABLE "users" DROP CONSTRAINT "users_plan_not_null";\n',
    );
    // Rows were there (users and the teams they point at), and every step applied on them.
    expect(result.rows?.seeded).toEqual(expect.arrayContaining([{ table: "users", rows: 3 }]));
    expect(result.rows?.outcomes.every((o) => o.ok)).toBe(true);
    for (const rollback of result.analysis?.rollbacks ?? []) expect(rollback.verification).toMatch(/^verified/);
    expect(exitCode).toBe(0);
    // --write wrote exactly the migration folders and their down.sql, nothing else.
    for (const write of writes ?? [])
      expect(readFileSync(path.join(repo.root, write.path), "utf8")).toBe(write.content);
    expect(writes?.map((w) => w.path.split("/").at(-1)).sort()).toEqual([
      "down.sql",
      "down.sql",
      "down.sql",
      "migration.sql",
      "migration.sql",
      "migration.sql",
    ]);
  }, 600_000);

  it("shows that Prisma's own SQL fails on those rows (--plain), so the seeded check is real", async () => {
    repo = fixtureRepo("prisma-generate");
    addRequiredPlan(repo.root);
    const { result, exitCode } = await runGenerate(repo.root, [], { name: "add_plan", plain: true });
    expect(result.rows?.outcomes[0]?.ok).toBe(false);
    expect(result.rows?.outcomes[0]?.message).toMatch(/contains null values/);
    expect(exitCode).toBe(1);
  }, 600_000);

  it("refuses without a value for existing rows and names the exact edit", async () => {
    repo = fixtureRepo("prisma-generate");
    addRequiredPlan(repo.root);
    const { result, exitCode, writes } = await runGenerate(repo.root, [], { "no-verify": true });
    expect(exitCode).toBe(1);
    expect(writes).toEqual([]);
    expect(result.refusals[0]?.reason).toContain('"users"."plan" is added NOT NULL with no default');
    expect(result.refusals[0]?.edit).toContain("prisma/schema.prisma:13: `plan        String`");
    expect(result.refusals[0]?.edit).toContain("--backfill plan=<SQL value>");
  }, 600_000);

  it("asks whether a drop plus an add is a rename, and writes RENAME COLUMN when told", async () => {
    repo = fixtureRepo("prisma-generate");
    const schema = path.join(repo.root, "prisma/schema.prisma");
    writeFileSync(schema, readFileSync(schema, "utf8").replace("  name        String?\n", "  full_name   String?\n"));
    const asked = await runGenerate(repo.root, [], { "no-verify": true, "no-drift": true });
    expect(asked.result.notes.join("\n")).toContain("--rename users.name=full_name");
    const told = await runGenerate(repo.root, [], {
      "no-verify": true,
      "no-drift": true,
      rename: ["users.name=full_name"],
    });
    expect(told.result.files[0]?.content).toBe(
      '-- AlterTable\nALTER TABLE "users" RENAME COLUMN "name" TO "full_name";\n',
    );
  }, 600_000);

  it("starts from migrations already written since the base: a second run after --write has nothing left to add", async () => {
    repo = fixtureRepo("prisma-generate");
    const schema = path.join(repo.root, "prisma/schema.prisma");
    writeFileSync(
      schema,
      readFileSync(schema, "utf8").replace("  legacy_code String?\n", "  legacy_code String?\n  bio         String?\n"),
    );
    const first = await runGenerate(repo.root, [], { name: "add_bio", write: true, "no-verify": true });
    expect(first.result.files.map((f) => f.path)).toEqual([expect.stringMatching(/_add_bio\/migration\.sql$/)]);
    const second = await runGenerate(repo.root, [], { "no-verify": true });
    expect(second.result.from).toContain("1 migration(s) newer than HEAD");
    expect(second.result.engineSql).toBe("");
    expect(second.result.files).toEqual([]);
  }, 600_000);

  it("says there is nothing to generate when the schema did not change", async () => {
    repo = fixtureRepo("prisma-generate");
    const { result, exitCode, body } = await runGenerate(repo.root, [], { "no-verify": true });
    expect(result.engineSql).toBe("");
    expect(result.drift).toBe("");
    expect(result.files).toEqual([]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(body).generate.files).toEqual([]);
  }, 600_000);

  it("answers unknown phrasing with the grammar and its examples (usage error)", async () => {
    repo = fixtureRepo("prisma-generate");
    const run = generateCommand.run(
      ["make", "users", "faster"],
      {},
      { root: repo.root, format: "patch", trace: false, color: false },
    );
    await expect(run).rejects.toThrow(UsageError);
    await expect(run).rejects.toThrow(/^cannot read "make users faster"\n/);
    await expect(run).rejects.toThrow(
      /add column <name> <type>[\s\S]*e\.g\. generate "add column email text to users"/,
    );
  });
});
