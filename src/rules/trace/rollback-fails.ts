import type { ReportedRule } from "../types.js";

/** Reported by the rollback verifier (src/rollback): the rollback (generated or the author's) errors when applied after the migration. */
export const rollbackFails: ReportedRule = {
  kind: "reported",
  meta: {
    id: "rollback-fails",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "the rollback (generated or the author's) errors when applied after the migration",
    lock: null,
  },
};
