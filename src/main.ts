/** The action's entry point (dist/index.js): the event comes from the Actions environment. */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { context } from "@actions/github";
import { actionContextFrom } from "./github/context.js";
import { run as runAction } from "./github/run.js";

/** One action run; `@github/local-action` imports this module and calls it. */
export async function run(): Promise<void> {
  const outcome = await runAction(actionContextFrom(context));
  // Past the deadline a hung replay is still running in its worker: everything is posted, so end here.
  if (outcome.abandoned) process.exit();
}

// Started as the action (`node dist/index.js`), not imported by a tool.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) await run();
