/** Shared by the history rules: the revision graph of a project and which migrations the PR touches. */
import { adapterFor } from "../../sources/registry.js";
import type { Migration, SourceSpan } from "../../types.js";
import type { HistoryInput } from "../types.js";

export const FILE_START: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Migrations the tool runs, in order (files it skips and repeatables have no place in the graph). */
export function ordered(migrations: Migration[]): Migration[] {
  return migrations.filter((migration) => !migration.unrecognized && !migration.repeatable);
}

/** Revisions nothing points at as its parent: where `upgrade head` ends. */
export function heads(migrations: Migration[]): Migration[] {
  const graph = ordered(migrations);
  const referenced = new Set(graph.flatMap((migration) => migration.parents));
  return graph.filter((migration) => !referenced.has(migration.id));
}

/** Revisions with no parent. */
export function roots(migrations: Migration[]): Migration[] {
  return ordered(migrations).filter((migration) => migration.parents.length === 0);
}

/** Each cycle in the parent graph once, as the ids along it. */
export function cycles(migrations: Migration[]): string[][] {
  const byId = new Map(ordered(migrations).map((migration) => [migration.id, migration]));
  const state = new Map<string, "visiting" | "done">();
  const found: string[][] = [];
  const visit = (id: string, trail: string[]): void => {
    const status = state.get(id);
    if (status === "done") return;
    if (status === "visiting") {
      found.push(trail.slice(trail.indexOf(id)));
      return;
    }
    state.set(id, "visiting");
    for (const parent of byId.get(id)?.parents ?? []) if (byId.has(parent)) visit(parent, [...trail, id]);
    state.set(id, "done");
  };
  for (const id of byId.keys()) visit(id, []);
  return found;
}

/**
 * The migrations a rule about the author's own work should look at: the ones
 * the PR adds or changes with --base, every migration without it.
 */
export function inScope(input: HistoryInput): Migration[] {
  if (!input.base) return input.migrations;
  return input.migrations.filter((migration) => migration.change === "added" || migration.change === "modified");
}

/** Whether the tool links migrations by revision ids rather than by a version order. */
export function isGraphTool(input: HistoryInput): boolean {
  return adapterFor(input.project.convention).naming.graph;
}

/** Where the migration declares its place in the history (Alembic's `down_revision` line), else line 1. */
export function declarationSpan(migration: Migration): SourceSpan {
  return migration.parentsSpan ?? FILE_START;
}
