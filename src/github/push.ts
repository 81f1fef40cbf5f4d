/**
 * A `push` to the default branch: replay its migrations on the embedded
 * PostgreSQL and save the replayed base to the Actions cache under the key a
 * PR based on this commit will ask for. GitHub lets every PR restore what the
 * default branch saved, so the next PR starts warm instead of cold.
 */
import path from "node:path";
import * as core from "@actions/core";
import { loadConfig } from "../config/load.js";
import { detectProjects } from "../detect/index.js";
import { readProjects } from "../pipeline.js";
import { ANALYSED_DIALECT } from "../sources/common/dialect.js";
import { WorkingTree } from "../workspace/working-tree.js";
import { ACTIONS_CACHE, ReplayCache } from "./cache.js";
import type { ActionContext } from "./context.js";
import type { Deadline } from "./deadline.js";
import type { ActionInputs } from "./inputs.js";
import { type ActionServices, replayCacheDir } from "./pull-request.js";

export interface PushRun {
  /** One line for the log and the job summary. */
  line: string;
  /** Keys saved (one per migration folder whose replayed history was new). */
  saved: string[];
}

export async function handlePush(
  context: ActionContext,
  inputs: ActionInputs,
  deadline: Deadline,
  services: ActionServices = {},
): Promise<PushRun> {
  const defaultBranch: string | undefined = context.payload.repository?.default_branch;
  if (!inputs.cache || !inputs.trace)
    return { line: "db-migrate: nothing to do on push (`cache` or `trace` is off).", saved: [] };
  if (!defaultBranch || context.payload.ref !== `refs/heads/${defaultBranch}`)
    return {
      line: `db-migrate: a push to ${context.payload.ref ?? "an unknown ref"}, not to the default branch: a replay cache saved here would serve no pull request (GitHub scopes caches by ref), so nothing is replayed.`,
      saved: [],
    };
  const root = path.resolve(context.workspace, inputs.workingDirectory);
  const config = await loadConfig(root, inputs.config);
  const files = new WorkingTree(root);
  const projects = (await detectProjects(files, config)).projects.filter((p) => p.dialect === ANALYSED_DIALECT);
  const cacheDir = replayCacheDir(context);
  const { openEngineSession } = await import("../engine/engine-session.js");
  const session = openEngineSession({
    pgVersion: inputs.pgVersion ?? config.pgVersion,
    budgetMs: config.trace.budgetSeconds * 1000,
    cacheDir,
    log: core.info,
    signal: deadline.signal,
  });
  const saved: string[] = [];
  try {
    for (const { project, input } of await readProjects(projects, files, null, config)) {
      if (input.migrations.length === 0) continue;
      const cache = new ReplayCache(cacheDir, services.cache ?? ACTIONS_CACHE, core.info);
      await cache.restore(input.migrations);
      const prepared = await session.prepareBase(input.migrations, []);
      core.info(`${project.folder}: ${input.migrations.length} migrations, replay cache ${prepared.cache}`);
      const key = await cache.save();
      if (key) saved.push(key);
    }
  } finally {
    await session.dispose();
  }
  const line =
    saved.length > 0
      ? `db-migrate: replayed ${defaultBranch}'s migrations and saved them to the Actions cache (${saved.join(", ")}); pull requests based on this commit start warm.`
      : `db-migrate: ${defaultBranch}'s replayed migrations were already cached; nothing new to save.`;
  return { line, saved };
}
