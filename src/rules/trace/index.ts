import type { Rule } from "../types.js";
import { irreversible } from "./irreversible.js";
import { migrationFails } from "./migration-fails.js";
import { observedBlockingLock } from "./observed-blocking-lock.js";
import { observedRewrite } from "./observed-rewrite.js";
import { rollbackFails } from "./rollback-fails.js";
import { rollbackMismatch } from "./rollback-mismatch.js";

/** The trace rules (over engine facts) and the rollback verdicts' rules, one file each; `run.ts` runs the former. */
export const rules: Rule[] = [
  migrationFails,
  observedRewrite,
  observedBlockingLock,
  rollbackFails,
  rollbackMismatch,
  irreversible,
];
