import type { Rule } from "../types.js";
import { brokenRevisionChain } from "./broken-revision-chain.js";
import { duplicateVersion } from "./duplicate-version.js";
import { editedAppliedMigration } from "./edited-applied-migration.js";
import { emptyDowngrade } from "./empty-downgrade.js";
import { multipleHeads } from "./multiple-heads.js";
import { namingConvention } from "./naming-convention.js";
import { outOfOrder } from "./out-of-order.js";
import { schemaMigrationMismatch } from "./schema-migration-mismatch.js";

/** The history rules, one file each. */
export const rules: Rule[] = [
  multipleHeads,
  brokenRevisionChain,
  emptyDowngrade,
  outOfOrder,
  duplicateVersion,
  editedAppliedMigration,
  namingConvention,
  schemaMigrationMismatch,
];
