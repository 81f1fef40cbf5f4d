import type { Rule } from "../types.js";

/** The transactions rules, one file each. */
export const rules: Rule[] = [];
