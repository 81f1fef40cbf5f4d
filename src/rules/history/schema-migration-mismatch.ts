import { adapterFor } from "../../sources/registry.js";
import type { HistoryRule } from "../types.js";
import { FILE_START } from "./graph.js";

/**
 * schema.prisma changed in the PR but no migration was added or changed: the
 * database will not get the change (`prisma migrate dev` was not run). This is
 * the file-based half of the rule; the replay compares the migrated schema.
 */
export const schemaMigrationMismatch: HistoryRule = {
  kind: "history",
  meta: {
    id: "schema-migration-mismatch",
    category: "history",
    // The PR check must fail: the deploy would ship code for a schema the database never gets.
    severity: "error",
    enabledByDefault: true,
    summary: "schema.prisma (or models) changed with no migration",
    lock: null,
  },
  check(input) {
    const model = adapterFor(input.project.convention).model;
    if (!input.base || !model || !input.changedFiles) return [];
    if (input.migrations.some((migration) => migration.change === "added" || migration.change === "modified"))
      return [];
    const schemaChanges = input.changedFiles.filter(
      (change) => model.files.test(change.path) && modelsOf(change.before) !== modelsOf(change.after),
    );
    return schemaChanges.map((change) => ({
      path: change.path,
      span: firstChangedLine(change.before, change.after),
      message: `${change.path} changes the data model but the PR adds no migration to ${input.project.folder}: databases will not get the change`,
      fix: `${model.regenerate}, or comment \`/db-migrate generate\` on the pull request to get it generated`,
    }));
  },
};

/**
 * The schema without comments, blank lines, indentation and `generator` blocks:
 * what a migration would have to follow.
 */
function modelsOf(text: string | null): string {
  if (text === null) return "";
  return text
    .replace(/\/\/.*$/gm, "")
    .replace(/\bgenerator\s+\w+\s*\{[^}]*\}/g, "")
    .split("\n")
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter(Boolean)
    .join("\n");
}

function firstChangedLine(before: string | null, after: string | null) {
  if (after === null) return FILE_START;
  const old = (before ?? "").split("\n");
  const index = after.split("\n").findIndex((line, i) => line !== old[i]);
  const line = index === -1 ? 1 : index + 1;
  return { line, column: 1, endLine: line, endColumn: 1 };
}
