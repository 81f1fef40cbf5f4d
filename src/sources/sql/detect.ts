/** What the raw-SQL tools' detections share: which folders look like a migration history, and the dialect. */
import type { Dialect } from "../../types.js";
import type { Detected } from "../adapter.js";
import { dialectFromDotEnv, dialectFromFolder, dialectFromSql } from "../common/dialect.js";
import type { RepoView } from "../common/repo-view.js";

/** Folder names that say "these numbered SQL files are migrations" (the last two segments are looked at). */
const MIGRATION_FOLDER = /migrat|schema|^(db|sql|database|ddl|changes|patches|upgrades?)$/i;
/** Numbered SQL under these is test data or examples, not a migration history. */
const NOT_MIGRATIONS =
  /^(tests?|__tests__|spec|testdata|test-data|fixtures|examples?|samples?|docs?|benchmarks?|seeds?)$/i;

/** Whether the folder's name says it holds migrations, and nothing above it says test data. */
export function looksLikeMigrationsFolder(folder: string): boolean {
  const segments = folder.split("/");
  return (
    segments.slice(-2).some((segment) => MIGRATION_FOLDER.test(segment)) &&
    !segments.some((segment) => NOT_MIGRATIONS.test(segment))
  );
}

/** How many of the folder's first files carry `marker` (a tool's annotation). */
export async function filesMarked(repo: RepoView, folder: string, names: string[], marker: RegExp): Promise<number> {
  let count = 0;
  for (const name of names.slice(0, 20)) if (marker.test((await repo.text(join(folder, name))) ?? "")) count++;
  return count;
}

export function join(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

/** The dialect from a .env DATABASE_URL, the folder's name, or SQL only one database accepts; PostgreSQL otherwise. */
export async function sqlDialect(repo: RepoView, found: Detected): Promise<{ dialect: Dialect; evidence: string }> {
  const fromEnv = await dialectFromDotEnv(repo, found.folder);
  if (fromEnv) return { dialect: fromEnv.dialect, evidence: `${fromEnv.file}: DATABASE_URL names ${fromEnv.dialect}` };
  const fromFolder = dialectFromFolder(found.folder);
  if (fromFolder) return { dialect: fromFolder, evidence: `the folder name ${found.folder} names ${fromFolder}` };
  for (const file of repo
    .under(found.folder)
    .filter((f) => f.endsWith(".sql"))
    .slice(0, 10)) {
    const dialect = dialectFromSql((await repo.text(file)) ?? "");
    if (dialect) return { dialect, evidence: `${file} uses ${dialect}-only syntax` };
  }
  return { dialect: "postgresql", evidence: "no database URL found; PostgreSQL assumed" };
}
