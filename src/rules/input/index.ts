import type { Rule } from "../types.js";
import { parseError } from "./parse-error.js";
import { templatedSql } from "./templated-sql.js";
import { unanalyzedOperation } from "./unanalyzed-operation.js";
import { unreadableFile } from "./unreadable-file.js";
import { unsupportedOnTargetVersion } from "./unsupported-on-target-version.js";

/** Input problems: reported by the readers (listed here for config, docs and SARIF), and SQL the target version cannot run. */
export const rules: Rule[] = [
  parseError,
  templatedSql,
  unreadableFile,
  unanalyzedOperation,
  unsupportedOnTargetVersion,
];
