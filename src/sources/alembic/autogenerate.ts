/**
 * The project's own `alembic revision --autogenerate`, run against a
 * PostgreSQL that holds the replayed history: an in-process PGlite served on a
 * loopback port by @electric-sql/pglite-socket, with `alembic_version` at the
 * current head(s). Alembic itself then writes the revision file: the project's
 * `file_template`, its script.py.mako, `down_revision` = the head.
 *
 * This runs the repository's Python (env.py imports the models), so it is for
 * a laptop or a job the user trusts: the caller refuses it in the PR bot and in
 * GitHub Actions. It runs in a temporary copy of the project, so the working
 * tree is only changed by `--write`.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { pgliteOptions } from "../../generate/pglite.js";
import type { Migration, Project } from "../../types.js";

const run = promisify(execFile);
const SKIPPED = new Set([".git", "node_modules", ".venv", "venv", "__pycache__", ".mypy_cache", ".pytest_cache"]);

export interface AutogenerateInput {
  root: string;
  project: Project;
  /** The project's revisions as loaded (their statements replay the history). */
  history: Migration[];
  message: string;
  /** The Python that has the project's dependencies (default `python3`). */
  python?: string;
  log?: (message: string) => void;
}

export interface AutogenerateResult {
  /** Repo-relative path of the revision file Alembic wrote. */
  path: string;
  content: string;
  /** Statements of the history that did not replay (the comparison then misses what they create). */
  replayFailures: string[];
}

export class AutogenerateError extends Error {
  override name = "AutogenerateError";
}

/** Revisions nothing revises: what `alembic_version` holds when the database is up to date. */
function heads(history: Migration[]): string[] {
  const parents = new Set(history.flatMap((m) => m.parents));
  return history.map((m) => m.id).filter((id) => !parents.has(id));
}

function listPython(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir).filter((file) => file.endsWith(".py")));
  } catch {
    return new Set();
  }
}

export async function alembicAutogenerate(input: AutogenerateInput): Promise<AutogenerateResult> {
  const ini = input.project.files.find((file) => file.endsWith(".ini"));
  if (!ini)
    throw new AutogenerateError(
      `${input.project.folder}: no alembic.ini found to run \`alembic revision --autogenerate\` with`,
    );
  const work = mkdtempSync(path.join(tmpdir(), "db-migrate-autogenerate-"));
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create(await pgliteOptions());
  let server: InstanceType<typeof PGLiteSocketServer> | undefined;
  try {
    cpSync(input.root, work, { recursive: true, filter: (source) => !SKIPPED.has(path.basename(source)) });
    const replayFailures: string[] = [];
    for (const migration of input.history) {
      for (const statement of migration.statements) {
        try {
          await db.exec(statement.sql);
        } catch (error) {
          replayFailures.push(`${statement.path}:${statement.span.line}: ${(error as Error).message}`);
        }
      }
    }
    await db.exec("CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)");
    for (const head of heads(input.history)) await db.query("INSERT INTO alembic_version VALUES ($1)", [head]);

    let port = 0;
    for (let attempt = 0; attempt < 5 && !server; attempt++) {
      port = 20000 + Math.floor(Math.random() * 30000);
      const candidate = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
      try {
        await candidate.start();
        server = candidate;
      } catch {
        // The port was taken: try another.
      }
    }
    if (!server) throw new AutogenerateError("could not open a loopback port for the replayed database");

    // The project's own driver (postgresql+psycopg, +asyncpg …) pointed at the replayed database.
    const iniPath = path.join(work, ini);
    const iniText = readFileSync(iniPath, "utf8");
    const scheme = /^\s*sqlalchemy\.url\s*=\s*([a-z0-9+]+):\/\//m.exec(iniText)?.[1] ?? "postgresql";
    const url = `${scheme}://postgres:postgres@127.0.0.1:${port}/postgres`;
    writeFileSync(
      iniPath,
      /^\s*sqlalchemy\.url\s*=/m.test(iniText)
        ? iniText.replace(/^(\s*sqlalchemy\.url\s*=).*$/m, `$1 ${url.replace(/%/g, "%%")}`)
        : iniText.replace(/^\[alembic\]\s*$/m, `[alembic]\nsqlalchemy.url = ${url}`),
    );
    const versions = path.join(work, input.project.folder);
    const before = listPython(versions);
    input.log?.(`generate: running alembic revision --autogenerate against the replayed history on 127.0.0.1:${port}`);
    try {
      await run(
        input.python ?? "python3",
        ["-m", "alembic", "-c", path.basename(ini), "revision", "--autogenerate", "-m", input.message],
        {
          cwd: path.dirname(iniPath),
          timeout: 180_000,
          maxBuffer: 16 * 1024 * 1024,
          // Common names env.py files read the URL from, beside alembic.ini's own.
          env: { ...process.env, DATABASE_URL: url, SQLALCHEMY_DATABASE_URI: url, DATABASE_STRING: url },
        },
      );
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? "";
      throw new AutogenerateError(
        `alembic revision --autogenerate failed: ${stderr.trim().split("\n").slice(-3).join(" ") || (error as Error).message}`,
      );
    }
    const created = [...listPython(versions)].filter((file) => !before.has(file));
    if (created.length !== 1)
      throw new AutogenerateError(`alembic wrote ${created.length} revision files; expected one`);
    const file = created[0] as string;
    return {
      path: path.posix.join(input.project.folder, file),
      content: readFileSync(path.join(versions, file), "utf8"),
      replayFailures,
    };
  } finally {
    await server?.stop();
    await db.close();
    rmSync(work, { recursive: true, force: true });
  }
}
