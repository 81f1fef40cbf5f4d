/**
 * The action's entry point (dist/index.js): the event comes from the Actions
 * environment. Small, so the V8 compile cache is on before the bundle loads.
 */

import { realpathSync } from "node:fs";
import module from "node:module";
import { pathToFileURL } from "node:url";
import type { RunOutcome } from "./github/run.js";

// Node >= 22.1 (the action runs on node24): V8 keeps the compiled bundle on disk for later starts.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** One action run; `@github/local-action` imports this module and calls it. */
export async function run(): Promise<RunOutcome> {
  const [{ context }, { actionContextFrom }, { run: runAction }] = await Promise.all([
    import("@actions/github"),
    import("./github/context.js"),
    import("./github/run.js"),
  ]);
  return runAction(actionContextFrom(context));
}

// Started as the action (`node dist/index.js`), not imported by a tool.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  await run();
  // Everything is posted and written: end the step now. A statement the deadline stopped can
  // leave the engine's worker busy (a loop in PostgreSQL's code), and that must not hold the job.
  process.exit();
}
