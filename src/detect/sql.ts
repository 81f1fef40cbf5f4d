/**
 * Raw-SQL migration folders, by the convention their file names follow:
 * sqitch (sqitch.plan), diesel (`<version>_<name>/up.sql`), golang-migrate
 * (`.up.sql`/`.down.sql`), Flyway (`V1__x.sql`), dbmate (`-- migrate:up`) and
 * plain numbered files.
 */
import { parse as parseToml } from "smol-toml";
import {
  DBMATE_FILE,
  DBMATE_UP,
  DIESEL_DIR,
  FLYWAY_FILE,
  GOLANG_MIGRATE_FILE,
  GOOSE_UP,
  PLAIN_FILE,
  type SqlConvention,
} from "../sources/sql/conventions.js";
import type { Dialect, Project } from "../types.js";
import { dialectFromDotEnv, dialectFromFolder, dialectFromSql, dialectFromUrl } from "./dialect.js";
import { iniValue, parseIni } from "./ini.js";
import { dirOf, isWithin, joinPath, type RepoView } from "./repo.js";

/** Folder names that say "these numbered SQL files are migrations" (the last two segments are looked at). */
const MIGRATION_FOLDER = /migrat|schema|^(db|sql|database|ddl|changes|patches|upgrades?)$/i;
/** Numbered SQL under these is test data or examples, not a migration history. */
const NOT_MIGRATIONS =
  /^(tests?|__tests__|spec|testdata|test-data|fixtures|examples?|samples?|docs?|benchmarks?|seeds?)$/i;

interface Candidate {
  folder: string;
  convention: SqlConvention;
  evidence: string[];
  files: string[];
  transactional?: boolean;
  /** How the tool runs transactions, when the convention's default note does not fit. */
  note?: string;
}

/** Every raw-SQL migration folder in the repository (`relaxed` accepts any folder of .sql files as plain). */
export async function detectSql(repo: RepoView, taken: string[], relaxedFolder?: string): Promise<Project[]> {
  const candidates: Candidate[] = [];
  const claimed = new Set<string>(taken);

  for (const plan of repo.files.filter((file) => /(^|\/)sqitch\.plan$/.test(file))) {
    const candidate = await sqitchCandidate(repo, plan);
    candidates.push(candidate);
    claimed.add(candidate.folder);
  }

  const dieselFolders = new Map<string, number>();
  for (const file of repo.files) {
    const match = /^(?:(.*)\/)?([^/]+)\/up\.sql$/.exec(file);
    if (match && DIESEL_DIR.test(match[2] as string)) {
      const folder = match[1] ?? "";
      dieselFolders.set(folder, (dieselFolders.get(folder) ?? 0) + 1);
    }
  }
  for (const [folder, count] of dieselFolders) {
    if ([...claimed].some((known) => isWithin(folder, known))) continue;
    const evidence = [`${folder || "."}/<version>_<name>/up.sql: ${count} migration folder(s) (diesel layout)`];
    const config = await dieselConfig(repo, folder);
    if (config) evidence.push(config);
    candidates.push({ folder, convention: "diesel", evidence, files: config ? [config.split(":")[0] as string] : [] });
    claimed.add(folder);
  }

  const sqlByFolder = new Map<string, string[]>();
  for (const file of repo.files) {
    if (!file.toLowerCase().endsWith(".sql")) continue;
    const folder = dirOf(file);
    if ([...claimed].some((known) => isWithin(folder, known))) continue;
    sqlByFolder.set(folder, [...(sqlByFolder.get(folder) ?? []), file]);
  }
  const classified: Candidate[] = [];
  for (const [folder, files] of sqlByFolder) {
    const candidate = await classifyFolder(repo, folder, files, folder === relaxedFolder);
    if (candidate) classified.push(candidate);
  }
  candidates.push(...mergeFlywayFolders(classified));

  const projects: Project[] = [];
  for (const candidate of candidates) {
    const { dialect, evidence: dialectEvidence } = await sqlDialect(repo, candidate);
    projects.push({
      tool: "sql",
      convention: candidate.convention,
      folder: candidate.folder,
      dialect,
      transactional: candidate.transactional ?? DEFAULT_TRANSACTIONAL[candidate.convention],
      files: candidate.files,
      evidence: [...candidate.evidence, ...dialectEvidence, candidate.note ?? TRANSACTION_NOTE[candidate.convention]],
    });
  }
  return projects;
}

/**
 * Flyway reads its locations recursively: version subfolders (`migration/v1/`,
 * `migration/v2/`) are one history. A Flyway folder inside another joins it;
 * sibling Flyway folders join their parent, unless they are named for
 * different databases (`migrations/postgres`, `migrations/mysql`).
 */
function mergeFlywayFolders(candidates: Candidate[]): Candidate[] {
  const flyway = candidates.filter((candidate) => candidate.convention === "flyway");
  const others = candidates.filter((candidate) => candidate.convention !== "flyway");
  const namedForDatabase = (folder: string) => dialectFromFolder(folder.split("/").at(-1) ?? "") !== null;
  const byParent = new Map<string, Candidate[]>();
  for (const candidate of flyway) {
    if (namedForDatabase(candidate.folder) || !candidate.folder) continue;
    const parent = dirOf(candidate.folder);
    byParent.set(parent, [...(byParent.get(parent) ?? []), candidate]);
  }
  let roots = flyway.map((candidate) => ({ ...candidate }));
  for (const [parent, siblings] of byParent) {
    if (siblings.length < 2 || roots.some((root) => root.folder === parent)) continue;
    roots.push({
      folder: parent,
      convention: "flyway",
      evidence: [
        `${parent}: Flyway version subfolders ${siblings.map((s) => s.folder.slice(parent.length + 1)).join(", ")} (Flyway reads locations recursively)`,
      ],
      files: [...new Set(siblings.flatMap((s) => s.files))],
    });
  }
  roots = roots.filter(
    (candidate) =>
      !roots.some(
        (outer) =>
          outer !== candidate &&
          outer.folder !== candidate.folder &&
          isWithin(candidate.folder, outer.folder) &&
          !namedForDatabase(candidate.folder),
      ),
  );
  return [...others, ...roots];
}

/** Whether the tool wraps each migration in a transaction by default (PostgreSQL). */
export const DEFAULT_TRANSACTIONAL: Record<SqlConvention, boolean> = {
  flyway: true,
  "golang-migrate": false,
  diesel: true,
  dbmate: true,
  sqitch: false,
  plain: false,
};

const TRANSACTION_NOTE: Record<SqlConvention, string> = {
  flyway:
    "Flyway runs each PostgreSQL migration in a transaction (unless executeInTransaction=false or it holds CONCURRENTLY-type statements)",
  "golang-migrate":
    "golang-migrate sends each file in one Exec: no transaction of its own, but a multi-statement file runs as one implicit transaction",
  diesel: "diesel runs each migration in a transaction unless metadata.toml sets run_in_transaction = false",
  dbmate: "dbmate runs each migration in a transaction unless `-- migrate:up transaction:false`",
  sqitch: "sqitch runs scripts through psql without a transaction; scripts hold their own BEGIN/COMMIT",
  plain: "plain SQL files: no tool transaction assumed (set `transactional` in .db-migrate.yml)",
};

async function classifyFolder(
  repo: RepoView,
  folder: string,
  files: string[],
  relaxed: boolean,
): Promise<Candidate | null> {
  const names = files.map((file) => file.slice(folder ? folder.length + 1 : 0));
  const golang = names.filter((name) => GOLANG_MIGRATE_FILE.test(name));
  if (golang.length > 0 && golang.length >= names.length / 2) {
    const ups = golang.filter((name) => name.endsWith(".up.sql")).length;
    return {
      folder,
      convention: "golang-migrate",
      evidence: [
        `${folder}: ${ups} <version>_<name>.up.sql file(s) with ${golang.length - ups} .down.sql (golang-migrate)`,
      ],
      files: [],
    };
  }
  const flyway = names.filter((name) => FLYWAY_FILE.test(name) && /^[VR]/i.test(name));
  if (flyway.length > 0 && flyway.length >= names.length / 2) {
    const config = await flywayConfig(repo, folder);
    return {
      folder,
      convention: "flyway",
      evidence: [
        `${folder}: ${flyway.length} V<version>__<description>.sql / R__ file(s) (Flyway)`,
        ...(config ? [config.evidence] : []),
      ],
      files: config ? [config.file] : [],
    };
  }
  // dbmate runs only `<version>_<name>.sql`: marked files named otherwise are something else's (e.g. init scripts).
  let dbmate = 0;
  for (const file of files.slice(0, 20)) if (DBMATE_UP.test((await repo.text(file)) ?? "")) dbmate++;
  const dbmateNamed = names.filter((name) => DBMATE_FILE.test(name)).length;
  if (dbmate > 0 && dbmateNamed >= names.length / 2) {
    return {
      folder,
      convention: "dbmate",
      evidence: [`${folder}: ${dbmate} file(s) with a \`-- migrate:up\` section (dbmate)`],
      files: [],
    };
  }
  const numbered = names.filter((name) => PLAIN_FILE.test(name));
  let goose = 0;
  for (const file of files.slice(0, 20)) if (GOOSE_UP.test((await repo.text(file)) ?? "")) goose++;
  if (goose > 0 && numbered.length >= names.length / 2) {
    return {
      folder,
      convention: "plain",
      evidence: [`${folder}: ${goose} numbered file(s) with \`-- +goose Up\` annotations (goose)`],
      files: [],
      transactional: true,
      note: "goose runs each migration in a transaction unless it says `-- +goose NO TRANSACTION`",
    };
  }
  const segments = folder.split("/");
  const looksLikeMigrations =
    segments.slice(-2).some((segment) => MIGRATION_FOLDER.test(segment)) &&
    !segments.some((segment) => NOT_MIGRATIONS.test(segment));
  // One numbered file is enough in a folder named for migrations (a project's first one).
  const enough = /migrat/i.test(segments.at(-1) ?? "") ? 1 : 2;
  if (relaxed || (numbered.length >= enough && looksLikeMigrations && numbered.length >= names.length / 2)) {
    return {
      folder,
      convention: "plain",
      evidence: [
        `${folder}: ${numbered.length} numbered .sql file(s) (plain SQL migrations, applied in version order)`,
      ],
      files: [],
    };
  }
  return null;
}

async function sqitchCandidate(repo: RepoView, plan: string): Promise<Candidate> {
  const dir = dirOf(plan);
  const conf = joinPath(dir, "sqitch.conf");
  const evidence = [`${plan} lists the changes in order (sqitch)`];
  const files = [plan];
  let top = dir;
  if (repo.has(conf)) {
    files.push(conf);
    const topDir = iniValue(parseIni((await repo.text(conf)) ?? ""), "core", "top_dir");
    if (topDir) {
      top = joinPath(dir, topDir.value);
      evidence.push(`${conf}:${topDir.line}: top_dir = ${topDir.value}`);
    }
    const engine = iniValue(parseIni((await repo.text(conf)) ?? ""), "core", "engine");
    if (engine) evidence.push(`${conf}:${engine.line}: engine = ${engine.value}`);
  }
  return { folder: top, convention: "sqitch", evidence, files };
}

async function dieselConfig(repo: RepoView, folder: string): Promise<string | null> {
  let dir = dirOf(folder);
  for (;;) {
    const file = joinPath(dir, "diesel.toml");
    if (repo.has(file)) return `${file}: diesel configuration`;
    if (!dir) return null;
    dir = dirOf(dir);
  }
}

/** flyway.conf / flyway.toml naming this folder in `locations`, with its URL. */
async function flywayConfig(
  repo: RepoView,
  folder: string,
): Promise<{ file: string; evidence: string; url?: string } | null> {
  // The config whose `locations` names this folder, else one in the folder's ancestors.
  const configs = repo.files.filter((f) => /(^|\/)flyway\.(conf|toml)$/.test(f));
  let chosen: { file: string; text: string } | undefined;
  for (const file of configs) {
    const text = (await repo.text(file)) ?? "";
    const named = text.includes(folder.slice(dirOf(file).length ? dirOf(file).length + 1 : 0));
    if (named || isWithin(folder, dirOf(file))) {
      chosen = { file, text };
      if (named) break;
    }
  }
  if (!chosen) return null;
  const { file, text } = chosen;
  let url: string | undefined;
  if (file.endsWith(".toml")) {
    try {
      const table = parseToml(text) as Record<string, Record<string, Record<string, unknown>>>;
      for (const env of Object.values(table.environments ?? {})) if (typeof env.url === "string") url ??= env.url;
      const flyway = table.flyway as Record<string, unknown> | undefined;
      if (typeof flyway?.url === "string") url ??= flyway.url;
    } catch {
      // A TOML error leaves the URL unknown; the file still marks the project as Flyway's.
    }
  } else url = /^\s*flyway\.url\s*=\s*(.+)$/m.exec(text)?.[1]?.trim();
  return { file, evidence: `${file}: Flyway configuration`, ...(url ? { url } : {}) };
}

async function sqlDialect(repo: RepoView, candidate: Candidate): Promise<{ dialect: Dialect; evidence: string[] }> {
  if (candidate.convention === "flyway") {
    const config = await flywayConfig(repo, candidate.folder);
    const dialect = config?.url ? dialectFromUrl(config.url) : null;
    if (dialect) return { dialect, evidence: [`${config?.file}: url names ${dialect}`] };
  }
  if (candidate.convention === "sqitch") {
    const conf = candidate.files.find((file) => file.endsWith("sqitch.conf"));
    const engine = conf ? iniValue(parseIni((await repo.text(conf)) ?? ""), "core", "engine")?.value : undefined;
    if (engine) {
      const dialect = engine === "pg" ? "postgresql" : (dialectFromUrl(`${engine}:`) ?? "unknown");
      return { dialect, evidence: [`sqitch engine ${engine}`] };
    }
  }
  const fromEnv = await dialectFromDotEnv(repo, candidate.folder);
  if (fromEnv)
    return { dialect: fromEnv.dialect, evidence: [`${fromEnv.file}: DATABASE_URL names ${fromEnv.dialect}`] };
  const fromFolder = dialectFromFolder(candidate.folder);
  if (fromFolder) return { dialect: fromFolder, evidence: [`the folder name ${candidate.folder} names ${fromFolder}`] };
  for (const file of repo
    .under(candidate.folder)
    .filter((f) => f.endsWith(".sql"))
    .slice(0, 10)) {
    const dialect = dialectFromSql((await repo.text(file)) ?? "");
    if (dialect) return { dialect, evidence: [`${file} uses ${dialect}-only syntax`] };
  }
  return { dialect: "postgresql", evidence: ["no database URL found; PostgreSQL assumed"] };
}
