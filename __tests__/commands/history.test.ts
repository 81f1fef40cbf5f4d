import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { historyCommand, type ProjectHistory } from "../../src/commands/history.js";
import type { CommonOptions } from "../../src/commands/types.js";
import type { AnalysisResult } from "../../src/types.js";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures");
const temps: string[] = [];
type HistoryJson = AnalysisResult & { history: ProjectHistory[] };

afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "db-migrate-history-"));
  temps.push(dir);
  return dir;
}

function git(root: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], {
    cwd: root,
    stdio: "ignore",
  });
}

/** A repository whose `main` holds the files, then the working tree changed by `change`. */
async function repoWithChange(
  setup: (root: string) => Promise<void>,
  change: (root: string) => Promise<void>,
): Promise<string> {
  const root = await tempDir();
  await setup(root);
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "base");
  await change(root);
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "change");
  return root;
}

const options = (root: string, format: CommonOptions["format"], base?: string): CommonOptions => ({
  root,
  format,
  trace: false,
  color: false,
  ...(base ? { base } : {}),
});

const revision = (id: string, down: string, message = `step ${id}`) => `"""${message}

Revision ID: ${id}
Revises: ${down.replace(/[()"]/g, "")}
Create Date: 2024-01-01 00:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = "${id}"
down_revision = ${down}
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("items", sa.Column("c_${id}", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("items", "c_${id}")
`;

async function alembicRepo(root: string, revisions: Record<string, string>): Promise<void> {
  await mkdir(path.join(root, "alembic/versions"), { recursive: true });
  await writeFile(path.join(root, "alembic.ini"), "[alembic]\nscript_location = alembic\n");
  await writeFile(path.join(root, "alembic/env.py"), "from alembic import context\ncontext.configure(url=None)\n");
  for (const [id, down] of Object.entries(revisions))
    await writeFile(path.join(root, `alembic/versions/${id}.py`), revision(id, down));
}

describe("history", () => {
  it("prints the ordered timeline of a SQL project, with its head", async () => {
    const output = await historyCommand.run([], {}, options(path.join(fixtures, "flyway-app"), "text"));
    const lines = output.body.split("\n");
    const ids = lines.filter((line) => /^\s+[●◉↻]/.test(line)).map((line) => line.trim().split(/\s+/)[1]);
    expect(ids).toEqual(["1", "1.1", "2", "10", "R__account_order_totals"]);
    expect(output.body).toContain("1 head: 10");
  });

  it("returns version 1 JSON with history, migrations, findings and summary", async () => {
    const output = await historyCommand.run([], {}, options(path.join(fixtures, "monorepo"), "json"));
    const json = JSON.parse(output.body) as HistoryJson;
    expect(json.version).toBe(1);
    expect(json.history.map((h) => [h.folder, h.heads])).toEqual([
      ["services/api/prisma/migrations", ["20240310120000_add_sessions"]],
      ["services/billing/migrations", ["20240312110000"]],
    ]);
    expect(json.migrations).toHaveLength(4);
    expect(json.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it("draws an Alembic graph with its branch point and merge", async () => {
    // Drawn in the order `alembic upgrade heads` applies: c3 before b2 (Alembic's topological walk from the head).
    const root = await tempDir();
    await alembicRepo(root, { a1: "None", b2: '"a1"', c3: '"a1"', m4: '("b2", "c3")', e5: '"m4"' });
    const output = await historyCommand.run([], {}, options(root, "text"));
    const graph = output.body
      .split("\n")
      .slice(1, 8)
      .map((line) => line.replace(/ +step \S+/, ""));
    expect(graph).toEqual([
      "  *  e5 (head)",
      "  *  m4 (merge)",
      "  |\\",
      "  * |  b2",
      "  | *  c3",
      "  |/",
      "  *  a1 (branch point) (base)",
    ]);
    expect(output.body).toContain("1 head: e5; 1 merge; branches at a1");
    expect(output.exitCode).toBe(0);
  });

  it("with --base, reports multiple heads after two PRs each added a revision", async () => {
    const root = await repoWithChange(
      (dir) => alembicRepo(dir, { a1: "None", b2: '"a1"', c3: '"b2"' }),
      (dir) => writeFile(path.join(dir, "alembic/versions/d4.py"), revision("d4", '"b2"')),
    );
    const output = await historyCommand.run([], {}, options(root, "json", "HEAD~1"));
    const json = JSON.parse(output.body) as HistoryJson;
    expect(json.history[0]?.heads.sort()).toEqual(["c3", "d4"]);
    expect(json.history[0]?.migrations.find((m) => m.id === "d4")?.change).toBe("added");
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: "multiple-heads", severity: "error", path: "alembic/versions/d4.py" }),
    );
    expect(output.exitCode).toBe(1);
    const text = (await historyCommand.run([], {}, options(root, "text", "HEAD~1"))).body;
    expect(text).toContain("2 heads");
    expect(text).toContain("this PR: 1 added, 0 changed, 0 deleted");
  });

  it("with --base, marks what the PR adds, changes and deletes in a SQL project", async () => {
    const root = await repoWithChange(
      (dir) => cp(path.join(fixtures, "golang-migrate-app"), dir, { recursive: true }),
      async (dir) => {
        const migrations = path.join(dir, "db/migrations");
        await writeFile(
          path.join(migrations, "000001_create_users.up.sql"),
          "CREATE TABLE users (id bigint PRIMARY KEY);\n",
        );
        await rm(path.join(migrations, "000002_add_users_email_index.up.sql"));
        await writeFile(
          path.join(migrations, "000004_add_teams_slug.up.sql"),
          "ALTER TABLE teams ADD COLUMN slug text;\n",
        );
        await writeFile(
          path.join(migrations, "000004_add_teams_slug.down.sql"),
          "ALTER TABLE teams DROP COLUMN slug;\n",
        );
      },
    );
    const json = JSON.parse((await historyCommand.run([], {}, options(root, "json", "main~1"))).body) as HistoryJson;
    const history = json.history[0] as ProjectHistory;
    expect(history.migrations.map((m) => [m.id, m.change])).toEqual([
      ["000001", "modified"],
      ["000003", "unchanged"],
      ["000004", "added"],
    ]);
    expect(history.deleted).toEqual(["db/migrations/000002_add_users_email_index.up.sql"]);
    expect(json.findings.filter((f) => f.rule === "edited-applied-migration").map((f) => f.path)).toEqual([
      "db/migrations/000001_create_users.up.sql",
      "db/migrations/000002_add_users_email_index.up.sql",
    ]);
  });

  it("with --base, reports a migration older than the base's newest as out of order", async () => {
    const root = await repoWithChange(
      (dir) => cp(path.join(fixtures, "golang-migrate-app"), dir, { recursive: true }),
      (dir) => writeFile(path.join(dir, "db/migrations/000000_bootstrap.up.sql"), "CREATE SCHEMA app;\n"),
    );
    const json = JSON.parse((await historyCommand.run([], {}, options(root, "json", "HEAD~1"))).body) as HistoryJson;
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: "out-of-order", path: "db/migrations/000000_bootstrap.up.sql" }),
    );
  });

  it("with --base, reports schema.prisma changed without a migration", async () => {
    const root = await repoWithChange(
      (dir) => cp(path.join(fixtures, "prisma-app"), dir, { recursive: true }),
      async (dir) => {
        const schema = path.join(dir, "prisma/schema.prisma");
        const { readFile } = await import("node:fs/promises");
        await writeFile(
          schema,
          (await readFile(schema, "utf8")).replace(
            "  name      String?\n",
            "  name      String?\n  nickname  String?\n",
          ),
        );
      },
    );
    const json = JSON.parse((await historyCommand.run([], {}, options(root, "json", "HEAD~1"))).body) as HistoryJson;
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: "schema-migration-mismatch", path: "prisma/schema.prisma", line: 14 }),
    );
  });

  it("exits 2 on a bad config and on an unknown base ref", async () => {
    const root = await tempDir();
    await writeFile(path.join(root, ".db-migrate.yml"), "projects: nope\n");
    expect((await historyCommand.run([], {}, options(root, "text"))).exitCode).toBe(2);
    await expect(
      historyCommand.run([], {}, options(path.join(fixtures, "flyway-app"), "text", "no-such-ref-xyz")),
    ).rejects.toThrow(/no such git ref/);
  });
});
