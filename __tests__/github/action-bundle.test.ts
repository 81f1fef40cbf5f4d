/**
 * The end-to-end scenarios through the bundle, `node dist/index.js`, as the
 * runner starts the action: real environment variables, real stdout commands,
 * the summary and output files, the exit status.
 */
import { existsSync } from "node:fs";
import { beforeAll, describe } from "vitest";
import { actionScenarios } from "./action-scenarios.js";
import { BUNDLE, runBundle } from "./e2e-harness.js";

describe("action bundle (node dist/index.js)", () => {
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: build it with \`npm run package\``);
  });
  actionScenarios(runBundle);
});
