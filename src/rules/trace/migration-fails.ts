import type { ReportedRule } from "../types.js";

/** Reported by the engine (src/engine/trace-run.ts): a statement errors when replayed on top of the history. */
export const migrationFails: ReportedRule = {
  kind: "reported",
  meta: {
    id: "migration-fails",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement errors when replayed on the embedded PostgreSQL, with PostgreSQL's own message",
    lock: null,
  },
};
