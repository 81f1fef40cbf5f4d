import type { Rule } from "../types.js";
import { banChar } from "./ban-char.js";
import { duplicateColumnAssignment } from "./duplicate-column-assignment.js";
import { identifierTooLong } from "./identifier-too-long.js";
import { preferBigint } from "./prefer-bigint.js";
import { preferIdentity } from "./prefer-identity.js";
import { preferRobustStatements } from "./prefer-robust-statements.js";
import { preferText } from "./prefer-text.js";
import { preferTimestamptz } from "./prefer-timestamptz.js";
import { requireSchemaQualified } from "./require-schema-qualified.js";

/** Style and robustness: info, off unless enabled in .db-migrate.yml. */
export const rules: Rule[] = [
  preferRobustStatements,
  preferBigint,
  preferIdentity,
  preferText,
  preferTimestamptz,
  banChar,
  identifierTooLong,
  requireSchemaQualified,
  duplicateColumnAssignment,
];
