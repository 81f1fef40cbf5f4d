import type { Rule } from "../types.js";

/** The trace rules, one file each. */
export const rules: Rule[] = [];
