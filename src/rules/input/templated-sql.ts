import type { ReportedRule } from "../types.js";

/** Reported by the readers (sql layer and sources) when input cannot be analysed. */
export const templatedSql: ReportedRule = {
  kind: "reported",
  meta: {
    id: "templated-sql",
    category: "input",
    severity: "error",
    enabledByDefault: true,
    summary: "a statement with template placeholders ({{ … }} or dollar-brace) that cannot be analysed as written",
    lock: null,
  },
};
