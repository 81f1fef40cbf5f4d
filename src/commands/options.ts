/** The flags every command takes on the command line (node:util parseArgs form), beside its own. */
export const COMMON_OPTIONS = {
  format: { type: "string" },
  config: { type: "string" },
  base: { type: "string" },
  trace: { type: "boolean" },
  "database-url": { type: "string" },
  "pg-version": { type: "string" },
  "fail-on": { type: "string" },
  "cache-dir": { type: "string" },
  "budget-seconds": { type: "string" },
  engine: { type: "string" },
  "engine-url": { type: "string" },
  "no-color": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;
