import { analyze, exitCodeFor } from "../pipeline.js";
import { buildPlan } from "../plan/build.js";
import { planJson, renderPlanText } from "../plan/render.js";
import { renderJson } from "../report/json.js";
import { renderPlanReply } from "../report/markdown.js";
import { renderText } from "../report/text.js";
import { VERSION } from "../version.js";
import type { CommandDefinition } from "./types.js";

export const planCommand: CommandDefinition = {
  name: "plan",
  summary: "the execution plan: each pending statement's lock, what it blocks, rewrite or scan, transaction, rollback",
  usage: "db-migrate plan [paths…] [--base <ref>] [--static] [--format text|json|markdown]",
  options: {
    static: { type: "boolean" },
  },
  formats: ["text", "json", "markdown"],
  async run(positionals, flags, options) {
    // The plan replays on the embedded PostgreSQL unless --static asks for the static lock table only.
    const traced = flags.static !== true;
    const analysis = await analyze(positionals, { ...options, trace: traced });
    const result = {
      ...analysis.result,
      plan:
        analysis.result.plan ??
        buildPlan(analysis.targets, { findings: analysis.result.findings, pgVersion: analysis.pgVersion }),
    };
    const exitCode = exitCodeFor(result, options.failOn ?? analysis.config.failOn);
    switch (options.format) {
      case "json":
        return { exitCode, body: renderJson(result, { plan: planJson(result.plan) }), data: result };
      case "markdown":
        return {
          exitCode,
          // The plan alone: the findings are validate's report (the sticky comment).
          body: renderPlanReply(result, {
            version: VERSION,
            ...(options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {}),
          }),
          data: result,
        };
      default:
        return {
          exitCode,
          body: `${renderPlanText(result.plan, { color: options.color, ...(result.engine ? { engine: result.engine } : {}) })}\n${renderText(result, { color: options.color })}`,
          data: result,
        };
    }
  },
};
