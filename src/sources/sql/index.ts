/**
 * Raw-SQL migrations in each convention, in the order their tool applies them,
 * with up/down pairing:
 * - Flyway: `V<ver>__<desc>.sql` by numeric version parts, `R__` repeatables last, `U<ver>__` undo scripts;
 * - golang-migrate: `<ver>_<name>.up.sql` / `.down.sql` by version;
 * - diesel: `<ver>_<name>/up.sql` + `down.sql` by version, `metadata.toml` `run_in_transaction`;
 * - dbmate: `-- migrate:up` / `-- migrate:down` sections of one file, `transaction:false`;
 * - sqitch: the order of sqitch.plan, `deploy/`, `revert/` scripts;
 * - plain numbered files.
 */
import path from "node:path/posix";
import { parse as parseToml } from "smol-toml";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import {
  compareNumeric,
  compareVersionParts,
  DBMATE_FILE,
  DIESEL_DIR,
  FLYWAY_FILE,
  flywayVersionParts,
  GOLANG_MIGRATE_FILE,
  GOOSE_DOWN,
  GOOSE_NO_TRANSACTION,
  GOOSE_UP,
  PLAIN_FILE,
  paddedKey,
} from "./conventions.js";
import { loadDbmateFile, loadDownSection, markedSections } from "./dbmate.js";
import { linkLinear, loadDownFile, loadUpFile, readableName } from "./migration.js";
import { excludeMatcher, parseText, type ReadOptions } from "./read.js";
import { loadSqitch } from "./sqitch.js";
import { cannotRunInTransaction, runsAsImplicitTransaction } from "./transactions.js";

export interface SqlLoadOptions extends ReadOptions {
  exclude?: string[];
}

export async function loadSql(project: Project, files: FileSource, options: SqlLoadOptions): Promise<Migration[]> {
  const excluded = excludeMatcher(options.exclude);
  const all = (await files.list(project.folder)).filter((file) => !excluded(file));
  switch (project.convention) {
    case "flyway":
      return loadFlyway(project, files, all, options);
    case "golang-migrate":
      return loadGolangMigrate(project, files, all, options);
    case "diesel":
      return loadDiesel(project, files, all, options);
    case "dbmate":
      return loadFlat(project, files, all, options, DBMATE_FILE, "dbmate");
    case "sqitch":
      return loadSqitch(project, files, all, options);
    default:
      return loadFlat(project, files, all, options, PLAIN_FILE, "plain");
  }
}

function relative(project: Project, file: string): string {
  return project.folder ? file.slice(project.folder.length + 1) : file;
}

/** Flyway callbacks (`beforeMigrate.sql`, `afterEachMigrate__x.sql`) live beside migrations and are not migrations. */
const FLYWAY_CALLBACK = /^(before|after)[A-Za-z]*(__.*)?\.sql$/;

async function loadFlyway(
  project: Project,
  files: FileSource,
  all: string[],
  options: ReadOptions,
): Promise<Migration[]> {
  const versioned: Array<Migration & { parts: bigint[] }> = [];
  const repeatable: Migration[] = [];
  const undo = new Map<string, string>();
  const stray: Migration[] = [];
  for (const file of all.filter((f) => f.toLowerCase().endsWith(".sql"))) {
    const base = path.basename(file);
    const match = FLYWAY_FILE.exec(base);
    if (!match?.groups) {
      if (FLYWAY_CALLBACK.test(base)) continue;
      stray.push(
        await strayFile(
          project,
          files,
          file,
          options,
          "Flyway only runs files named V<version>__<description>.sql (or R__ / U)",
        ),
      );
      continue;
    }
    const { prefix, version, description } = match.groups as { prefix: string; version?: string; description: string };
    const kind = prefix.toUpperCase();
    if (kind === "U" && version) {
      undo.set(flywayVersionParts(version).join("."), file);
      continue;
    }
    if (kind === "V" && !version) {
      stray.push(
        await strayFile(project, files, file, options, "a versioned Flyway migration needs a version after `V`"),
      );
      continue;
    }
    const loaded = await loadUpFile(
      project,
      files,
      kind === "R"
        ? {
            id: `R__${description}`,
            name: readableName(description),
            path: file,
            order: `~R__${description}`,
            repeatable: true,
          }
        : { id: version as string, name: readableName(description), path: file, order: paddedKey(version as string) },
      options,
    );
    const { text, ...migration } = loaded;
    migration.transactional = flywayTransactional(project, migration, text, await files.read(`${file}.conf`));
    if (kind === "R") repeatable.push(migration);
    else versioned.push({ ...migration, parts: flywayVersionParts(version as string) });
  }
  versioned.sort((a, b) => compareVersionParts(a.parts, b.parts) || a.path.localeCompare(b.path));
  for (const migration of versioned) {
    const undoFile = undo.get(migration.parts.join("."));
    if (undoFile) {
      const { down, problems } = await loadDownFile(files, undoFile, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
  }
  repeatable.sort((a, b) => a.id.localeCompare(b.id));
  return linkLinear([...versioned.map(({ parts: _parts, ...migration }) => migration), ...repeatable, ...stray]);
}

/**
 * Flyway wraps a PostgreSQL migration in a transaction unless its script
 * config says `executeInTransaction=false` (a `-- flyway:` header line or a
 * `<file>.conf` beside it), or every statement is one PostgreSQL refuses in a
 * transaction (Flyway then runs the migration without one).
 */
function flywayTransactional(
  project: Project,
  migration: Migration,
  text: string | null,
  sidecar: Buffer | null,
): boolean {
  const header = /^\s*--\s*flyway:executeInTransaction\s*=\s*false\b/im.test(text ?? "");
  const conf = /^\s*executeInTransaction\s*=\s*false\b/m.test(sidecar?.toString("utf8") ?? "");
  if (header || conf) return false;
  const parsed = migration.statements.filter((statement) => statement.ast);
  if (parsed.length > 0 && parsed.every(cannotRunInTransaction)) return false;
  return project.transactional;
}

async function loadGolangMigrate(
  project: Project,
  files: FileSource,
  all: string[],
  options: ReadOptions,
): Promise<Migration[]> {
  const ups: Migration[] = [];
  const downs = new Map<string, string>();
  const stray: Migration[] = [];
  for (const file of all.filter(
    (f) => path.dirname(f) === (project.folder || ".") && f.toLowerCase().endsWith(".sql"),
  )) {
    const match = GOLANG_MIGRATE_FILE.exec(path.basename(file));
    if (!match?.groups) {
      stray.push(
        await strayFile(
          project,
          files,
          file,
          options,
          "golang-migrate only runs files named <version>_<title>.up.sql / .down.sql",
        ),
      );
      continue;
    }
    const { version, title, direction } = match.groups as { version: string; title: string; direction: string };
    if (direction === "down") {
      downs.set(BigInt(version).toString(), file);
      continue;
    }
    const { text: _text, ...migration } = await loadUpFile(
      project,
      files,
      { id: version, name: readableName(title), path: file, order: paddedKey(BigInt(version).toString()) },
      options,
    );
    // One Exec per file: a multi-statement file is one implicit transaction (see transactions.ts).
    migration.transactional = project.transactional || runsAsImplicitTransaction(migration.statements);
    ups.push(migration);
  }
  ups.sort((a, b) => compareNumeric(a.id, b.id) || a.path.localeCompare(b.path));
  for (const migration of ups) {
    const downFile = downs.get(BigInt(migration.id).toString());
    if (!downFile) continue;
    const { down, problems } = await loadDownFile(files, downFile, options);
    migration.down = down;
    migration.problems.push(...problems);
  }
  return linkLinear([...ups, ...stray]);
}

async function loadDiesel(
  project: Project,
  files: FileSource,
  all: string[],
  options: ReadOptions,
): Promise<Migration[]> {
  const byDir = new Map<string, string[]>();
  for (const file of all) {
    const rest = relative(project, file).split("/");
    if (rest.length !== 2) continue;
    byDir.set(rest[0] as string, [...(byDir.get(rest[0] as string) ?? []), file]);
  }
  const migrations: Migration[] = [];
  const stray: Migration[] = [];
  for (const [dir, dirFiles] of byDir) {
    const folder = project.folder ? `${project.folder}/${dir}` : dir;
    const up = `${folder}/up.sql`;
    const match = DIESEL_DIR.exec(dir);
    if (!match?.groups || !dirFiles.includes(up)) {
      const sql = dirFiles.find((file) => file.endsWith(".sql"));
      if (sql)
        stray.push(
          await strayFile(
            project,
            files,
            sql,
            options,
            match
              ? "diesel runs `up.sql` in each migration folder; this folder has none"
              : "diesel migration folders are named <version>_<name>",
          ),
        );
      continue;
    }
    const version = (match.groups.version as string).replace(/\D/g, "");
    const { text: _text, ...migration } = await loadUpFile(
      project,
      files,
      { id: version, name: readableName(match.groups.name as string), path: up, order: paddedKey(version) },
      options,
    );
    const metadata = dirFiles.find((file) => file.endsWith("/metadata.toml"));
    if (metadata && (await runInTransactionOff(files, metadata))) migration.transactional = false;
    const downFile = `${folder}/down.sql`;
    if (dirFiles.includes(downFile)) {
      const { down, problems } = await loadDownFile(files, downFile, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
    migrations.push(migration);
  }
  migrations.sort((a, b) => a.order.localeCompare(b.order) || a.path.localeCompare(b.path));
  return linkLinear([...migrations, ...stray]);
}

async function runInTransactionOff(files: FileSource, metadata: string): Promise<boolean> {
  try {
    const table = parseToml((await files.read(metadata))?.toString("utf8") ?? "") as Record<string, unknown>;
    return table.run_in_transaction === false;
  } catch {
    return false;
  }
}

/** One file per migration, named `<version>_<name>.sql` (dbmate) or numbered (plain). */
async function loadFlat(
  project: Project,
  files: FileSource,
  all: string[],
  options: ReadOptions,
  pattern: RegExp,
  kind: "dbmate" | "plain",
): Promise<Migration[]> {
  const migrations: Migration[] = [];
  const stray: Migration[] = [];
  for (const file of all.filter(
    (f) => path.dirname(f) === (project.folder || ".") && f.toLowerCase().endsWith(".sql"),
  )) {
    const match = pattern.exec(path.basename(file));
    if (!match?.groups) {
      const why =
        kind === "dbmate"
          ? "dbmate only runs files named <version>_<name>.sql"
          : "migration files here are numbered (<number>_<name>.sql); this one has no number, so its place in the order is unknown";
      stray.push(await strayFile(project, files, file, options, why));
      continue;
    }
    const version = match.groups.version as string;
    const name = readableName(match.groups.name ?? "");
    const parts = { id: version, name, path: file, order: paddedKey(BigInt(version).toString()) };
    migrations.push(
      kind === "dbmate"
        ? await loadDbmateFile(project, files, parts, options)
        : await loadPlain(project, files, parts, options),
    );
  }
  migrations.sort((a, b) => compareNumeric(a.id, b.id) || a.path.localeCompare(b.path));
  return linkLinear([...migrations, ...stray]);
}

/**
 * A numbered file. With goose annotations (`-- +goose Up` / `Down`) only the up
 * section runs and the down section is its rollback; goose wraps the file in a
 * transaction unless it says `-- +goose NO TRANSACTION`.
 */
async function loadPlain(
  project: Project,
  files: FileSource,
  parts: { id: string; name: string; path: string; order: string },
  options: ReadOptions,
): Promise<Migration> {
  const { text, ...migration } = await loadUpFile(project, files, parts, options);
  if (text === null || !GOOSE_UP.test(text)) return migration;
  const { up, down } = markedSections(text, GOOSE_UP, GOOSE_DOWN);
  const parsedUp = parseText(up?.text ?? "", parts.path, options, up?.lineOffset ?? 0);
  migration.statements = parsedUp.statements;
  migration.problems = [
    ...migration.problems.filter((problem) => problem.rule === "unreadable-file"),
    ...parsedUp.problems,
  ];
  if (GOOSE_NO_TRANSACTION.test(text)) migration.transactional = false;
  if (down) loadDownSection(migration, down, parts.path, options);
  return migration;
}

/** A file the tool will not run: loaded (so it is still analysed and pointed at) and marked. */
async function strayFile(
  project: Project,
  files: FileSource,
  file: string,
  options: ReadOptions,
  why: string,
): Promise<Migration> {
  const { text: _text, ...migration } = await loadUpFile(
    project,
    files,
    { id: file, name: path.basename(file), path: file, order: "", unrecognized: why },
    options,
  );
  return migration;
}
