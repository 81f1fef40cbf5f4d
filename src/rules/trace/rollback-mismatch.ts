import type { ReportedRule } from "../types.js";

/** Reported by the rollback verifier (src/rollback): after the migration and its rollback the schema differs from before. */
export const rollbackMismatch: ReportedRule = {
  kind: "reported",
  meta: {
    id: "rollback-mismatch",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "after the migration and its rollback the schema differs from before",
    lock: null,
  },
};
