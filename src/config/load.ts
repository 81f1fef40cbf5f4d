import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { Severity } from "../types.js";
import { configSchema, type RawConfig } from "./schema.js";

export const CONFIG_FILE = ".db-migrate.yml";

export interface Config {
  /** The file it came from, or null for defaults. */
  file: string | null;
  failOn: Severity | "never";
  pgVersion: number;
  projects: NonNullable<RawConfig["projects"]>;
  exclude: string[];
  transactional: boolean | undefined;
  rules: NonNullable<RawConfig["rules"]>;
  /** Line of each `rules:` key in the file, for errors about the rule id. */
  ruleLines: Record<string, number>;
  templateVars: Record<string, string> | undefined;
  maxFileBytes: number | undefined;
  trace: { enabled: boolean; budgetSeconds: number; cacheDir: string | undefined; timezone: string };
  engine: "pglite" | "postgres";
  engineUrl: string | undefined;
}

export const DEFAULT_PG_VERSION = 16;

/** Bad config: the message names the file, line and key. Maps to exit status 2. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function defaultConfig(): Config {
  return fromRaw({}, null);
}

/**
 * Reads `.db-migrate.yml` (or an explicit --config). A missing default file
 * gives the defaults; a missing explicit file, bad YAML or a bad key is a ConfigError.
 */
export async function loadConfig(root: string, explicit?: string): Promise<Config> {
  const file = explicit ? path.resolve(root, explicit) : path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    if (explicit) throw new ConfigError(`${explicit}: config file not found (run \`db-migrate setup\` to create one)`);
    return defaultConfig();
  }
  return parseConfig(text, path.relative(root, file) || file);
}

export function parseConfig(text: string, file: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const at = error?.linePos?.[0];
    throw new ConfigError(`${file}:${at?.line ?? 1}:${at?.col ?? 1}: invalid YAML: ${error?.message.split("\n")[0]}`);
  }
  const value = doc.toJS() ?? {};
  const result = configSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    // An unknown key is reported on its parent with the name in `keys`: point at the key itself.
    const unknownKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
    const keyPath = [...(issue?.path ?? []), ...(unknownKey ? [unknownKey] : [])].map(String);
    const line = lineOf(doc, keyPath, lineCounter);
    const key = keyPath.join(".") || "(top level)";
    throw new ConfigError(`${file}:${line}: \`${key}\`: ${issue?.message ?? "invalid"}`);
  }
  const config = fromRaw(result.data, file);
  for (const id of Object.keys(config.rules)) config.ruleLines[id] = lineOf(doc, ["rules", id], lineCounter);
  return config;
}

function fromRaw(raw: RawConfig, file: string | null): Config {
  const projects = [...(raw.projects ?? []), ...(raw.paths ?? []).map((p) => ({ path: p }))];
  return {
    file,
    failOn: raw["fail-on"] ?? "error",
    pgVersion: raw["pg-version"] ?? DEFAULT_PG_VERSION,
    projects,
    exclude: raw.exclude ?? [],
    transactional: raw.transactional,
    rules: raw.rules ?? {},
    ruleLines: {},
    templateVars: raw.templates?.vars,
    maxFileBytes: raw["max-file-size"],
    trace: {
      enabled: raw.trace?.enabled ?? false,
      budgetSeconds: raw.trace?.["budget-seconds"] ?? 30,
      cacheDir: raw.trace?.["cache-dir"],
      timezone: raw.trace?.timezone ?? "UTC",
    },
    engine: raw.engine ?? "pglite",
    engineUrl: raw["engine-url"],
  };
}

/** The line of the deepest existing node on `keyPath`, for error messages. */
function lineOf(doc: ReturnType<typeof parseDocument>, keyPath: string[], counter: LineCounter): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const key of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === key);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as { range?: [number] } | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return counter.linePos(offset).line;
}
