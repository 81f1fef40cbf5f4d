import type { Rule } from "../types.js";
import { addCheckValidating } from "./add-check-validating.js";
import { addColumnVolatileDefault } from "./add-column-volatile-default.js";
import { addExclusionConstraint } from "./add-exclusion-constraint.js";
import { addForeignKeyValidating } from "./add-foreign-key-validating.js";
import { addGeneratedColumn } from "./add-generated-column.js";
import { addJsonColumn } from "./add-json-column.js";
import { addPrimaryKey } from "./add-primary-key.js";
import { addRequiredColumn } from "./add-required-column.js";
import { addUniqueConstraint } from "./add-unique-constraint.js";
import { changeColumnType } from "./change-column-type.js";
import { createIndexNonConcurrently } from "./create-index-non-concurrently.js";
import { detachPartitionNonConcurrently } from "./detach-partition-non-concurrently.js";
import { domainWithConstraint } from "./domain-with-constraint.js";
import { dropIndexNonConcurrently } from "./drop-index-non-concurrently.js";
import { enumValueOrdering } from "./enum-value-ordering.js";
import { foreignKeyWithoutIndex } from "./foreign-key-without-index.js";
import { lockHeldAcrossStatements } from "./lock-held-across-statements.js";
import { missingLockTimeout } from "./missing-lock-timeout.js";
import { missingStatementTimeout } from "./missing-statement-timeout.js";
import { multipleAlterSameTable } from "./multiple-alter-same-table.js";
import { refreshMatviewNonConcurrently } from "./refresh-matview-non-concurrently.js";
import { reindexNonConcurrently } from "./reindex-non-concurrently.js";
import { setNotNull } from "./set-not-null.js";
import { tableRewriteCommand } from "./table-rewrite-command.js";

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
  changeColumnType,
  addJsonColumn,
  tableRewriteCommand,
  detachPartitionNonConcurrently,
  refreshMatviewNonConcurrently,
  domainWithConstraint,
  enumValueOrdering,
  missingLockTimeout,
  missingStatementTimeout,
  lockHeldAcrossStatements,
  multipleAlterSameTable,
  foreignKeyWithoutIndex,
];
