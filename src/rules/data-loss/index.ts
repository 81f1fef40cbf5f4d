import type { Rule } from "../types.js";
import { dropTable } from "./drop-table.js";

/** Data loss and destructive changes, one file each. */
export const rules: Rule[] = [dropTable];
