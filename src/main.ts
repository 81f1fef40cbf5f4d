/** The action's entry point (dist/index.js): the event comes from the Actions environment. */
import { context } from "@actions/github";
import { actionContextFrom } from "./github/context.js";
import { run } from "./github/run.js";

await run(actionContextFrom(context));
