import type { ReportedRule } from "../types.js";

/** Reported by the readers (sql layer and sources) when input cannot be analysed. */
export const unreadableFile: ReportedRule = {
  kind: "reported",
  meta: {
    id: "unreadable-file",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a migration file that is binary, not UTF-8 or too large to analyse",
    lock: null,
  },
};
