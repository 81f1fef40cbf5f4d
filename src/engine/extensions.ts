/**
 * PostgreSQL extensions the embedded PostgreSQL can load. PGlite needs an
 * extension's files at startup, so the statements are scanned for
 * `CREATE EXTENSION` before they run.
 */
import { as } from "../sql/ast.js";
import type { Migration } from "../types.js";

/** Extensions whose files live in another extension's tarball. */
const SHARED_TARBALLS: Record<string, string> = {
  autoinc: "spi",
  insert_username: "spi",
  moddatetime: "spi",
  refint: "spi",
};

/** Extensions that must be preloaded when the server starts. */
export const SHARED_PRELOAD: ReadonlySet<string> = new Set(["pg_stat_statements", "auto_explain"]);

/** The tarball holding an extension's files, by the name `CREATE EXTENSION` uses. */
export function tarballName(extension: string): string {
  return SHARED_TARBALLS[extension] ?? extension;
}

/** Extensions the statements create, in order of first appearance. */
export function requestedExtensions(migrations: Migration[]): string[] {
  const names = new Set<string>();
  for (const migration of migrations) {
    for (const statement of migration.statements) {
      const create = as(statement.ast, "CreateExtensionStmt");
      if (create?.extname) names.add(create.extname);
    }
  }
  return [...names];
}

/** The extension a failed `CREATE EXTENSION` asked for, from PostgreSQL's message. */
export function missingExtension(message: string): string | undefined {
  return (
    /extension "([^"]+)" is not available/.exec(message)?.[1] ??
    /could not open extension control file "[^"]*\/([^"/]+)\.control"/.exec(message)?.[1]
  );
}
