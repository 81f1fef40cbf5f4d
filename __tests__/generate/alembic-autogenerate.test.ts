import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/generate/index.js";
import { WorkingTree } from "../../src/workspace/working-tree.js";
import { fixtureRepo, runGenerate } from "./fixture-repo.js";

/** A Python with Alembic, SQLAlchemy and psycopg2 (DB_MIGRATE_PYTHON, else python3); the run test is skipped without one. */
const python = process.env.DB_MIGRATE_PYTHON ?? "python3";
const hasAlembic = (() => {
  try {
    execFileSync(python, ["-c", "import alembic, sqlalchemy, psycopg2"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("generate --autogenerate (Alembic)", () => {
  let repo: ReturnType<typeof fixtureRepo> | undefined;
  afterEach(() => repo?.remove());

  it.skipIf(!hasAlembic)(
    "runs the project's own alembic revision --autogenerate against the replayed history: only the model change, chained after the head",
    async () => {
      repo = fixtureRepo("alembic-app");
      // The fixture's URL names psycopg 3; the test's Python has psycopg2, the default driver.
      const ini = path.join(repo.root, "alembic.ini");
      writeFileSync(
        ini,
        readFileSync(ini, "utf8").replace(/^sqlalchemy\.url = .*$/m, "sqlalchemy.url = postgresql://app@localhost/app"),
      );
      const models = path.join(repo.root, "app/models.py");
      writeFileSync(
        models,
        readFileSync(models, "utf8").replace(
          "    last_login_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))\n",
          "    last_login_at: Mapped[Optional[datetime]] = mapped_column(DateTime(timezone=True))\n    nickname: Mapped[Optional[str]] = mapped_column(String(50))\n",
        ),
      );
      const { result, exitCode } = await runGenerate(repo.root, [], {
        autogenerate: true,
        python,
        name: "add nickname",
      });
      const file = result.files.find((f) => f.role === "migration");
      // The project's file_template (%%(rev)s_%%(slug)s) and its head as down_revision.
      expect(file?.path).toMatch(/^migrations\/versions\/[0-9a-f]{12}_add_nickname\.py$/);
      expect(file?.content).toContain("down_revision: Union[str, None] = '1a3c5e7f9b2d'");
      const upgrade = /def upgrade\(\)[\s\S]*?def downgrade/.exec(file?.content ?? "")?.[0] ?? "";
      expect(upgrade.match(/op\.\w+/g)).toEqual(["op.add_column"]);
      expect(upgrade).toContain("sa.Column('nickname', sa.String(length=50), nullable=True)");
      expect(result.rows?.outcomes.every((o) => o.ok)).toBe(true);
      for (const rollback of result.analysis?.rollbacks ?? []) expect(rollback.verification).toBe("verified");
      expect(exitCode).toBeLessThan(2);
    },
    600_000,
  );

  it("never runs the repository's Python for the PR bot (files read through the API)", async () => {
    repo = fixtureRepo("alembic-app");
    await expect(
      generate({ root: repo.root, files: new WorkingTree(repo.root), autogenerate: true, verify: false }),
    ).rejects.toThrow(/never runs in the PR bot or in GitHub Actions/);
  });

  it("asks for --autogenerate in an Alembic project instead of guessing", async () => {
    repo = fixtureRepo("alembic-app");
    await expect(generate({ root: repo.root, verify: false })).rejects.toThrow(/pass --autogenerate/);
  });
});
