import type { Rule } from "../types.js";

/** The style rules, one file each. */
export const rules: Rule[] = [];
