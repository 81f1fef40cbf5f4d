import type { ReportedRule } from "../types.js";

/** Reported by the rollback verifier (src/rollback): the migration loses data or state no rollback can restore. */
export const irreversible: ReportedRule = {
  kind: "reported",
  meta: {
    id: "irreversible",
    category: "trace",
    severity: "warning",
    enabledByDefault: true,
    summary: "the migration loses data or state no rollback can restore",
    lock: null,
  },
};
