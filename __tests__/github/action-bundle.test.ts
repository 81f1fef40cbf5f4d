/**
 * The end-to-end scenarios through the bundle, `node dist/index.js`, as the
 * runner starts the action: a copy of dist/ with no node_modules anywhere
 * above it, real environment variables, stdout workflow commands, the summary
 * and output files, the exit status.
 */
import { existsSync } from "node:fs";
import { describe } from "vitest";
import { actionScenarios } from "./action-scenarios.js";
import { BUNDLE, isolatedBundle, runBundle } from "./e2e-harness.js";

describe("action bundle (node dist/index.js)", () => {
  let bundle: Promise<string> | undefined;
  actionScenarios(async (request) => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: build it with \`npm run package\``);
    bundle ??= isolatedBundle();
    return runBundle(await bundle)(request);
  });
});
