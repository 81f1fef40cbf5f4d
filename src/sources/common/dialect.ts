/** Which database a project targets, from a provider name, a connection URL, a folder name or the SQL itself. */
import type { Dialect } from "../../types.js";
import type { RepoView } from "./repo-view.js";
import { dirOf, joinPath } from "./repo-view.js";

const NAMES: Array<[RegExp, Dialect]> = [
  [/^(postgres|postgresql|pg|pgsql|psql|postgis|timescale(db)?|supabase|neon)$/, "postgresql"],
  [/^(cockroach|cockroachdb|crdb)$/, "cockroachdb"],
  [/^(mysql|mariadb|mysql2|aurora-mysql|planetscale)$/, "mysql"],
  [/^(sqlite|sqlite3|libsql|turso|file)$/, "sqlite"],
  [/^(sqlserver|mssql|azuresql|tds)$/, "sqlserver"],
  [/^(mongodb|mongodb\+srv|mongo)$/, "mongodb"],
  [/^(clickhouse|ch)$/, "clickhouse"],
];

/** A provider or driver name (`postgresql`, `mysql+pymysql`, `jdbc:sqlserver`) to a dialect. */
export function dialectFromName(name: string): Dialect {
  const base = name
    .trim()
    .toLowerCase()
    .replace(/^jdbc:/, "")
    .split(/[+:]/)[0] as string;
  for (const [pattern, dialect] of NAMES) if (pattern.test(base)) return dialect;
  return "unknown";
}

/**
 * A connection URL's dialect, or null when the URL is empty or filled in at
 * run time (`${DATABASE_URL}`, `%(DB_URL)s`, `env("…")`): then it tells nothing.
 */
export function dialectFromUrl(url: string): Dialect | null {
  const value = url.trim().replace(/^["']|["']$/g, "");
  // Interpolation after the scheme (`postgres://${USER}@…`) still names the database.
  if (!value || /^(\$|%\(|env\()/.test(value)) return null;
  const scheme = /^(jdbc:)?([a-z][a-z0-9+.-]*):/i.exec(value)?.[2];
  if (!scheme) return null;
  const dialect = dialectFromName(scheme);
  if (dialect !== "unknown") return dialect;
  // A database we know is not PostgreSQL; anything else (`driver://` in Alembic's template) tells nothing.
  return OTHER_DATABASES.test(scheme.split("+")[0] as string) ? "unknown" : null;
}

/** Databases we know by name but do not model: a folder named after one is not PostgreSQL. */
const OTHER_DATABASES =
  /^(h2|hsqldb|derby|oracle|db2|snowflake|bigquery|redshift|spanner|firebird|vertica|exasol|duckdb|tidb)$/i;

/** A folder segment naming a dialect (`migrations/mysql`, `clickhouse/migrations`), as tools with one folder per database do. */
export function dialectFromFolder(folder: string): Dialect | null {
  for (const segment of folder.split("/").reverse()) {
    if (OTHER_DATABASES.test(segment)) return "unknown";
    const dialect = dialectFromName(segment);
    if (dialect !== "unknown" && segment !== "file" && segment !== "ch") return dialect;
  }
  return null;
}

/** Unmistakable syntax of another database in migration SQL. */
export function dialectFromSql(text: string): Dialect | null {
  if (/\bENGINE\s*=\s*(Replicated)?(Replacing|Summing|Aggregating|Collapsing)?MergeTree\b/i.test(text))
    return "clickhouse";
  if (/\bENGINE\s*=\s*(InnoDB|MyISAM)\b|\bAUTO_INCREMENT\b/i.test(text)) return "mysql";
  if (/\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b/i.test(text)) return "sqlite";
  if (/\bNVARCHAR\s*\(\s*MAX\s*\)|^\s*GO\s*$/im.test(text)) return "sqlserver";
  return null;
}

/** `DATABASE_URL` from a `.env` file in `dir` or one of its ancestors (dbmate and diesel read it). */
export async function dialectFromDotEnv(
  repo: RepoView,
  dir: string,
): Promise<{ dialect: Dialect; file: string } | null> {
  let current = dir;
  for (;;) {
    for (const name of [".env", ".env.example", ".env.sample"]) {
      const file = joinPath(current, name);
      if (!repo.has(file)) continue;
      const text = await repo.text(file);
      const url = /^\s*(?:export\s+)?DATABASE_URL\s*=\s*(.+)$/m.exec(text ?? "")?.[1];
      const dialect = url ? dialectFromUrl(url.replace(/\s+#.*$/, "")) : null;
      if (dialect) return { dialect, file };
    }
    if (!current) return null;
    current = dirOf(current);
  }
}

export const ANALYSED_DIALECT: Dialect = "postgresql";

export function dialectNotice(dialect: Dialect, folder: string): string {
  return dialect === "unknown"
    ? `${folder}: the database dialect is not recognised; analysis covers PostgreSQL, so this folder is not analysed (set \`dialect: postgresql\` for it in .db-migrate.yml if that is what it targets)`
    : `${folder}: analysis covers PostgreSQL; ${dialect} is detected but not analysed`;
}
