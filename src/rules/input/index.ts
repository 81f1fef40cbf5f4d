import type { Rule } from "../types.js";

/** The input rules, one file each. */
export const rules: Rule[] = [];
