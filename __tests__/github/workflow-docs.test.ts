/** The workflow `setup --write` creates is the one docs/action.md and the README show (comments aside). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { workflowTemplate } from "../../src/commands/workflow-template.js";

const root = path.resolve(import.meta.dirname, "../..");

function exampleWorkflow(file: string): unknown {
  const text = readFileSync(path.join(root, file), "utf8");
  const start = text.indexOf("```yaml\nname: db-migrate\n");
  expect(start, `${file} has the example workflow`).toBeGreaterThan(0);
  const body = text.slice(start + "```yaml\n".length, text.indexOf("\n```", start + 8));
  return parse(body);
}

describe("example workflow", () => {
  it.each(["docs/action.md", "README.md"])(
    "%s shows what setup writes, with the push job that warms the cache",
    (file) => {
      const documented = exampleWorkflow(file) as { on: Record<string, unknown>; jobs: Record<string, unknown> };
      expect(documented).toEqual(parse(workflowTemplate()));
      expect(documented.on.push).toEqual({ branches: ["main"] });
      expect(Object.keys(documented.jobs)).toEqual(["db-migrate", "command", "warm-cache"]);
    },
  );
});
