import type { Rule } from "../types.js";
import { cascadeDrop } from "./cascade-drop.js";
import { dropColumn } from "./drop-column.js";
import { dropConstraint } from "./drop-constraint.js";
import { dropNotNull } from "./drop-not-null.js";
import { dropSchema } from "./drop-schema.js";
import { dropTable } from "./drop-table.js";
import { enumRecreate } from "./enum-recreate.js";
import { narrowingTypeChange } from "./narrowing-type-change.js";
import { truncateTable } from "./truncate-table.js";
import { unboundedDml } from "./unbounded-dml.js";

/** Data loss and destructive changes, one file each. */
export const rules: Rule[] = [
  dropTable,
  dropColumn,
  dropSchema,
  truncateTable,
  cascadeDrop,
  unboundedDml,
  narrowingTypeChange,
  enumRecreate,
  dropNotNull,
  dropConstraint,
];
