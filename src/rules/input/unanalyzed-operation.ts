import type { ReportedRule } from "../types.js";

/** Reported by the readers (sql layer and sources) when input cannot be analysed. */
export const unanalyzedOperation: ReportedRule = {
  kind: "reported",
  meta: {
    id: "unanalyzed-operation",
    category: "input",
    severity: "info",
    enabledByDefault: true,
    summary: "an operation in a migration file the static reader does not understand (loops, helpers, dynamic SQL)",
    lock: null,
  },
};
