import type { ReportedRule } from "../types.js";

/** Reported by the readers (sql layer and sources) when input cannot be analysed. */
export const parseError: ReportedRule = {
  kind: "reported",
  meta: {
    id: "parse-error",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement PostgreSQL's parser rejects (file, line and column of the error)",
    lock: null,
  },
};
