import type { Rule } from "../types.js";

/** The locks rules, one file each. */
export const rules: Rule[] = [];
