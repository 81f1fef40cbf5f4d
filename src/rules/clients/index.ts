import type { Rule } from "../types.js";

/** The clients rules, one file each. */
export const rules: Rule[] = [];
