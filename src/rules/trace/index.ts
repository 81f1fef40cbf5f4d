import type { Rule } from "../types.js";
import { irreversible } from "./irreversible.js";
import { rollbackFails } from "./rollback-fails.js";
import { rollbackMismatch } from "./rollback-mismatch.js";

/** The trace rules, one file each. */
export const rules: Rule[] = [rollbackFails, rollbackMismatch, irreversible];
