import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ActionContext } from "../../src/github/context.js";
import type { ActionInputs } from "../../src/github/inputs.js";
import { writeResultFiles } from "../../src/github/outputs.js";
import { addEmailResult } from "../report/markdown-fixtures.js";

describe("result files", () => {
  it("writes the rollback patch and the plan where the outputs point", async () => {
    const tempDir = await mkdtemp(path.join(tmpdir(), "db-migrate-out-"));
    const context = { tempDir, workspace: tempDir } as ActionContext;
    const inputs = {} as ActionInputs;
    const result = addEmailResult();
    const files = await writeResultFiles(context, inputs, result);

    expect(files.rollbackPatch).toBe(path.join(tempDir, "db-migrate/rollback.patch"));
    expect(await readFile(files.rollbackPatch!, "utf8")).toBe(result.rollbacks![0]!.diff);
    const plan = JSON.parse(await readFile(files.planJson!, "utf8"));
    expect(plan.plan[0].statements.map((s: { line: number }) => s.line)).toEqual([13, 14, 15]);
    expect(files.sarif).toBeUndefined();
  });

  it("writes nothing when there is no plan, rollback or SARIF request", async () => {
    const tempDir = await mkdtemp(path.join(tmpdir(), "db-migrate-out-"));
    const result = { ...addEmailResult(), plan: undefined, rollbacks: undefined };
    expect(
      await writeResultFiles({ tempDir, workspace: tempDir } as ActionContext, {} as ActionInputs, result),
    ).toEqual({});
  });
});
