/** Test helper: history-rule findings for hand-built migration lists, as the runner reports them. */
import { analyzeHistory } from "../../src/rules/run.js";
import { resolveRuleSettings } from "../../src/rules/settings.js";
import type { HistoryInput } from "../../src/rules/types.js";
import { adapterFor } from "../../src/sources/registry.js";
import type { Convention, Finding, Migration, Project } from "../../src/types.js";

export function project(convention: Convention, folder = "migrations"): Project {
  return {
    tool: adapterFor(convention).tool,
    convention,
    folder,
    dialect: "postgresql",
    transactional: true,
    files: [],
    evidence: [],
  };
}

/** A migration with one statement and a non-empty down script unless told otherwise. */
export function migration(fields: Partial<Migration> & Pick<Migration, "id" | "path">): Migration {
  const convention = fields.convention ?? "golang-migrate";
  return {
    name: fields.id,
    tool: adapterFor(convention).tool,
    convention,
    parents: [],
    order: fields.id,
    transactional: true,
    statements: [
      {
        sql: `SELECT ${JSON.stringify(fields.id)}`,
        ast: null,
        kind: "SelectStmt",
        path: fields.path,
        span: { line: 1, column: 1, endLine: 1, endColumn: 10 },
        ignores: [],
      },
    ],
    down: { path: fields.path, statements: [], empty: false },
    problems: [],
    ...fields,
  };
}

/** Links each migration to the one before it, as linear tools do. */
export function linear(migrations: Migration[]): Migration[] {
  return migrations.map((m, i) => ({ ...m, parents: i === 0 ? [] : [migrations[i - 1]?.id as string] }));
}

export function history(
  rule: string,
  input: Partial<HistoryInput> & Pick<HistoryInput, "project" | "migrations">,
): Finding[] {
  const full: HistoryInput = { base: null, deleted: [], ...input };
  return analyzeHistory(full, resolveRuleSettings({})).filter((finding) => finding.rule === rule);
}
