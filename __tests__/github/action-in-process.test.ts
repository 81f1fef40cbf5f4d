/** The end-to-end scenarios through src/github/run.ts in this process (what dist/index.js bundles). */
import { describe } from "vitest";
import { actionScenarios } from "./action-scenarios.js";
import { runInProcess } from "./e2e-harness.js";

describe("action in-process", () => {
  actionScenarios(runInProcess);
});
