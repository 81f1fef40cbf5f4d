import { analyze, exitCodeFor } from "../pipeline.js";
import { renderJson } from "../report/json.js";
import { renderMarkdown } from "../report/markdown.js";
import { renderSarif } from "../report/sarif.js";
import { renderText } from "../report/text.js";
import { VERSION } from "../version.js";
import type { CommandDefinition } from "./types.js";

export const validateCommand: CommandDefinition = {
  name: "validate",
  summary: "safety findings for the changed (or named) migrations",
  usage: "db-migrate validate [paths…] [--base <ref>] [--trace] [--format text|json|markdown|sarif]",
  options: {},
  formats: ["text", "json", "markdown", "sarif"],
  async run(positionals, _flags, options) {
    const analysis = await analyze(positionals, options);
    const { result } = analysis;
    const failOn = options.failOn ?? analysis.config.failOn;
    // An error notice is bad config (a configured folder with no migrations): exit 2, as design.md asks.
    const configErrors = result.notices.filter((notice) => notice.level === "error");
    const exitCode = configErrors.length > 0 ? 2 : exitCodeFor(result, failOn);
    // Text shows notices itself; the machine formats keep stdout to one document, so say it on stderr too.
    if (options.format !== "text") {
      for (const notice of configErrors)
        options.log?.(`db-migrate: ${notice.path ? `${notice.path}: ` : ""}${notice.message}`);
    }
    switch (options.format) {
      case "json":
        return { exitCode, body: renderJson(result), data: result };
      case "sarif":
        return { exitCode, body: renderSarif(result, VERSION), data: result };
      case "markdown":
        return {
          exitCode,
          body: renderMarkdown(result, {
            version: VERSION,
            ...(options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {}),
          }),
          data: result,
        };
      default:
        return { exitCode, body: renderText(result, { color: options.color }), data: result };
    }
  },
};
