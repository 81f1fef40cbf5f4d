import { traceProjects } from "../engine/trace-run.js";
import { analyze, buildResult, exitCodeFor } from "../pipeline.js";
import { buildPlan } from "../plan/build.js";
import { planJson, renderPlanText } from "../plan/render.js";
import { renderJson } from "../report/json.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderText } from "../report/text.js";
import { VERSION } from "../version.js";
import type { CommandDefinition } from "./types.js";

export const planCommand: CommandDefinition = {
  name: "plan",
  summary: "the execution plan: each pending statement's lock, what it blocks, rewrite or scan, transaction, rollback",
  usage: "db-migrate plan [paths…] [--base <ref>] [--static] [--budget <seconds>] [--format text|json|markdown]",
  options: {
    static: { type: "boolean" },
    budget: { type: "string" },
  },
  formats: ["text", "json", "markdown"],
  async run(positionals, flags, options) {
    // The plan traces below itself (with --budget); the analysis stays static.
    const analysis = await analyze(positionals, { ...options, trace: false });
    let { result } = analysis;
    if (flags.static === true) {
      result = {
        ...result,
        plan: buildPlan(analysis.targets, { findings: result.findings, pgVersion: analysis.pgVersion }),
      };
    } else {
      const budget = typeof flags.budget === "string" ? Number(flags.budget) * 1000 : undefined;
      const traced = await traceProjects(
        analysis.history,
        analysis.targets,
        { pgVersion: analysis.pgVersion, settings: analysis.settings },
        {
          ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
          ...(options.log ? { log: options.log } : {}),
          ...(budget && Number.isFinite(budget) && budget > 0 ? { budgetMs: budget } : {}),
        },
      );
      result = {
        ...buildResult(
          analysis.targets,
          [...result.findings, ...traced.findings],
          [...result.notices, ...traced.notices],
          analysis.projects,
        ),
        plan: traced.plan,
      };
    }
    const exitCode = exitCodeFor(result, options.failOn ?? analysis.config.failOn);
    const plan = result.plan ?? [];
    switch (options.format) {
      case "json":
        return { exitCode, body: renderJson(result, { plan: planJson(plan) }), data: result };
      case "markdown":
        return { exitCode, body: renderMarkdown(result, { version: VERSION }), data: result };
      default:
        return {
          exitCode,
          body: `${renderPlanText(plan, { color: options.color })}\n${renderText(result, { color: options.color })}`,
          data: result,
        };
    }
  },
};
