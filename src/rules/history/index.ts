import type { Rule } from "../types.js";

/** The history rules, one file each. */
export const rules: Rule[] = [];
