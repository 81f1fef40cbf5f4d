import type { ReportedRule } from "../types.js";

/** Reported by the engine (src/engine/trace-run.ts): an existing table or index got a new relfilenode. */
export const observedRewrite: ReportedRule = {
  kind: "reported",
  meta: {
    id: "observed-rewrite",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a table or index was rewritten on the embedded PostgreSQL (its relfilenode changed)",
    lock: "AccessExclusiveLock",
  },
};
