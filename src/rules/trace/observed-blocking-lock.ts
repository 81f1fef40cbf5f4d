import type { ReportedRule } from "../types.js";

/** Reported by the engine (src/engine/trace-run.ts): pg_locks showed a lock blocking reads or writes of an existing table. */
export const observedBlockingLock: ReportedRule = {
  kind: "reported",
  meta: {
    id: "observed-blocking-lock",
    category: "trace",
    severity: "warning",
    enabledByDefault: true,
    summary: "a lock that blocks reads or writes was taken on an existing table, and held for so many statements",
    lock: null,
  },
};
