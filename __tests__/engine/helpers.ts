import { loadParser, parseSql } from "../../src/sql/parse.js";
import type { Migration } from "../../src/types.js";

export async function sqlMigration(
  id: string,
  sql: string,
  options: { transactional?: boolean; path?: string } = {},
): Promise<Migration> {
  await loadParser();
  const path = options.path ?? `migrations/${id}.sql`;
  const { statements, problems } = parseSql(sql, path);
  return {
    id,
    name: id,
    path,
    tool: "sql",
    convention: "plain",
    parents: [],
    order: id,
    transactional: options.transactional ?? true,
    statements,
    down: null,
    problems,
  };
}
