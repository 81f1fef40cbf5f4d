import type { Rule } from "../types.js";
import { parseError } from "./parse-error.js";
import { templatedSql } from "./templated-sql.js";
import { unanalyzedOperation } from "./unanalyzed-operation.js";
import { unreadableFile } from "./unreadable-file.js";

/** Input problems: reported by the readers, listed here for config, docs and SARIF. */
export const rules: Rule[] = [parseError, templatedSql, unreadableFile, unanalyzedOperation];
