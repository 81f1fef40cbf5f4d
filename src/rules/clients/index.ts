import type { Rule } from "../types.js";
import { renameColumn } from "./rename-column.js";
import { renameTable } from "./rename-table.js";

/** Breaking running clients (expand/contract), one file each. */
export const rules: Rule[] = [renameColumn, renameTable];
