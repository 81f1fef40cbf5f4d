import { ConfigError } from "../config/load.js";
import type { RuleSetting } from "../config/schema.js";
import type { Severity } from "../types.js";
import { ALL_RULES, ruleMeta } from "./index.js";

export interface RuleSettings {
  enabled(id: string): boolean;
  severity(id: string, fallback: Severity): Severity;
}

/** Applies `.db-migrate.yml` `rules:` over each rule's defaults. Unknown ids are a config error. */
export function resolveRuleSettings(
  config: Record<string, RuleSetting>,
  file: string | null = null,
  lines: Record<string, number> = {},
): RuleSettings {
  const enabled = new Map<string, boolean>(ALL_RULES.map((r) => [r.meta.id, r.meta.enabledByDefault]));
  const severity = new Map<string, Severity>();
  for (const [id, setting] of Object.entries(config)) {
    if (!ruleMeta(id)) {
      const at = lines[id] ? `:${lines[id]}` : "";
      throw new ConfigError(
        `${file ?? ".db-migrate.yml"}${at}: \`rules.${id}\`: unknown rule id (docs/rules/README.md lists them)`,
      );
    }
    if (setting === "off" || setting === false) enabled.set(id, false);
    else if (setting === true) enabled.set(id, true);
    else if (typeof setting === "string") {
      enabled.set(id, true);
      severity.set(id, setting);
    } else {
      if (setting.enabled !== undefined) enabled.set(id, setting.enabled);
      else enabled.set(id, true);
      if (setting.severity) severity.set(id, setting.severity);
    }
  }
  return {
    enabled: (id) => enabled.get(id) ?? true,
    severity: (id, fallback) => severity.get(id) ?? fallback,
  };
}
