import { execFile } from 'node:child_process';
import { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { p as pgliteOptions } from './cli-main-Btx-xaSS.js';
import 'node:fs/promises';
import 'node:path/posix';
import 'process';
import 'buffer';
import 'node:crypto';
import 'node:url';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:module';
import 'node:zlib';
import 'node:worker_threads';
import './version-DKITOyyo.js';

const run = promisify(execFile);
const SKIPPED = /* @__PURE__ */ new Set([".git", "node_modules", ".venv", "venv", "__pycache__", ".mypy_cache", ".pytest_cache"]);
class AutogenerateError extends Error {
  name = "AutogenerateError";
}
function heads(history) {
  const parents = new Set(history.flatMap((m) => m.parents));
  return history.map((m) => m.id).filter((id) => !parents.has(id));
}
function listPython(dir) {
  try {
    return new Set(readdirSync(dir).filter((file) => file.endsWith(".py")));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
async function alembicAutogenerate(input) {
  const ini = input.project.files.find((file) => file.endsWith(".ini"));
  if (!ini)
    throw new AutogenerateError(
      `${input.project.folder}: no alembic.ini found to run \`alembic revision --autogenerate\` with`
    );
  const work = mkdtempSync(path.join(tmpdir(), "db-migrate-autogenerate-"));
  const { PGlite } = await import('./index-b1VW-oFe.js').then(function (n) { return n.i; });
  const { PGLiteSocketServer } = await import('./dist-RfT4nA08.js');
  const db = await PGlite.create(await pgliteOptions());
  let server;
  try {
    cpSync(input.root, work, { recursive: true, filter: (source) => !SKIPPED.has(path.basename(source)) });
    const replayFailures = [];
    for (const migration of input.history) {
      for (const statement of migration.statements) {
        try {
          await db.exec(statement.sql);
        } catch (error) {
          replayFailures.push(`${statement.path}:${statement.span.line}: ${error.message}`);
        }
      }
    }
    await db.exec("CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY)");
    for (const head of heads(input.history)) await db.query("INSERT INTO alembic_version VALUES ($1)", [head]);
    let port = 0;
    for (let attempt = 0; attempt < 5 && !server; attempt++) {
      port = 2e4 + Math.floor(Math.random() * 3e4);
      const candidate = new PGLiteSocketServer({ db, port, host: "127.0.0.1" });
      try {
        await candidate.start();
        server = candidate;
      } catch {
      }
    }
    if (!server) throw new AutogenerateError("could not open a loopback port for the replayed database");
    const iniPath = path.join(work, ini);
    const iniText = readFileSync(iniPath, "utf8");
    const scheme = /^\s*sqlalchemy\.url\s*=\s*([a-z0-9+]+):\/\//m.exec(iniText)?.[1] ?? "postgresql";
    const url = `${scheme}://postgres:postgres@127.0.0.1:${port}/postgres`;
    writeFileSync(
      iniPath,
      /^\s*sqlalchemy\.url\s*=/m.test(iniText) ? iniText.replace(/^(\s*sqlalchemy\.url\s*=).*$/m, `$1 ${url.replace(/%/g, "%%")}`) : iniText.replace(/^\[alembic\]\s*$/m, `[alembic]
sqlalchemy.url = ${url}`)
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
          timeout: 18e4,
          maxBuffer: 16 * 1024 * 1024,
          // Common names env.py files read the URL from, beside alembic.ini's own.
          env: { ...process.env, DATABASE_URL: url, SQLALCHEMY_DATABASE_URI: url, DATABASE_STRING: url }
        }
      );
    } catch (error) {
      const stderr = error.stderr ?? "";
      throw new AutogenerateError(
        `alembic revision --autogenerate failed: ${stderr.trim().split("\n").slice(-3).join(" ") || error.message}`
      );
    }
    const created = [...listPython(versions)].filter((file2) => !before.has(file2));
    if (created.length !== 1)
      throw new AutogenerateError(`alembic wrote ${created.length} revision files; expected one`);
    const file = created[0];
    return {
      path: path.posix.join(input.project.folder, file),
      content: readFileSync(path.join(versions, file), "utf8"),
      replayFailures
    };
  } finally {
    await server?.stop();
    await db.close();
    rmSync(work, { recursive: true, force: true });
  }
}

export { AutogenerateError, alembicAutogenerate };
