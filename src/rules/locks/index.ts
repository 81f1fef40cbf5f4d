import type { Rule } from "../types.js";
import { addCheckValidating } from "./add-check-validating.js";
import { addColumnVolatileDefault } from "./add-column-volatile-default.js";
import { addExclusionConstraint } from "./add-exclusion-constraint.js";
import { addForeignKeyValidating } from "./add-foreign-key-validating.js";
import { addGeneratedColumn } from "./add-generated-column.js";
import { addPrimaryKey } from "./add-primary-key.js";
import { addRequiredColumn } from "./add-required-column.js";
import { addUniqueConstraint } from "./add-unique-constraint.js";
import { createIndexNonConcurrently } from "./create-index-non-concurrently.js";
import { dropIndexNonConcurrently } from "./drop-index-non-concurrently.js";
import { reindexNonConcurrently } from "./reindex-non-concurrently.js";
import { setNotNull } from "./set-not-null.js";

/** The locks rules, one file each. */
export const rules: Rule[] = [
  createIndexNonConcurrently,
  dropIndexNonConcurrently,
  reindexNonConcurrently,
  addForeignKeyValidating,
  addCheckValidating,
  addUniqueConstraint,
  addPrimaryKey,
  addExclusionConstraint,
  setNotNull,
  addColumnVolatileDefault,
  addRequiredColumn,
  addGeneratedColumn,
];
