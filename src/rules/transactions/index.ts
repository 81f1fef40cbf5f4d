import type { Rule } from "../types.js";
import { concurrentlyInTransaction } from "./concurrently-in-transaction.js";
import { enumAddValueInTransaction } from "./enum-add-value-in-transaction.js";
import { nestedTransaction } from "./nested-transaction.js";
import { uncommittedTransaction } from "./uncommitted-transaction.js";

/** Transaction misuse, one file each. */
export const rules: Rule[] = [
  concurrentlyInTransaction,
  uncommittedTransaction,
  nestedTransaction,
  enumAddValueInTransaction,
];
