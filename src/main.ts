/**
 * The action's entry point (dist/index.js): the event comes from the Actions
 * environment. Small, so the V8 compile cache is on before the bundle loads.
 */

import { realpathSync } from "node:fs";
import module from "node:module";
import { pathToFileURL } from "node:url";

// Node >= 22.1 (the action runs on node24): V8 keeps the compiled bundle on disk for later starts.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

/** One action run; `@github/local-action` imports this module and calls it. */
export async function run(): Promise<void> {
  const [{ context }, { actionContextFrom }, { run: runAction }] = await Promise.all([
    import("@actions/github"),
    import("./github/context.js"),
    import("./github/run.js"),
  ]);
  const outcome = await runAction(actionContextFrom(context));
  // Past the deadline a hung replay is still running in its worker: everything is posted, so end here.
  if (outcome.abandoned) process.exit();
}

// Started as the action (`node dist/index.js`), not imported by a tool.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await run();
