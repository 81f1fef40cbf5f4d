/** `.db-migrate.yml`: the schema, validated with zod so an error can name the key. */
import { z } from "zod";
import { CONVENTIONS } from "../sources/registry.js";

export const SEVERITIES = ["error", "warning", "info"] as const;
export const FAIL_ON = ["error", "warning", "info", "never"] as const;

const ruleSetting = z.union(
  [
    z.enum(["off", ...SEVERITIES]),
    z.boolean(),
    z.strictObject({
      enabled: z.boolean().optional(),
      severity: z.enum(SEVERITIES).optional(),
    }),
  ],
  { error: "use off, error, warning, info, true, false, or { enabled: …, severity: … }" },
);

const projectSchema = z.strictObject({
  path: z.string().min(1),
  tool: z.enum(["alembic", "prisma", "sql"]).optional(),
  convention: z.enum(CONVENTIONS).optional(),
  transactional: z.boolean().optional(),
  dialect: z.string().optional(),
});

/** An IANA time zone name (what both PostgreSQL and Intl know). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export const configSchema = z.strictObject({
  version: z.literal(1).optional(),
  "fail-on": z.enum(FAIL_ON).optional(),
  "pg-version": z.number().int().min(9).max(19).optional(),
  /** Migration folders; detected when absent. */
  projects: z.array(projectSchema).optional(),
  /** Shorthand for projects: plain folder paths, tool detected. */
  paths: z.array(z.string().min(1)).optional(),
  /** Globs of files never analysed. */
  exclude: z.array(z.string()).optional(),
  /** Whether raw SQL migrations run inside a transaction the tool opens. */
  transactional: z.boolean().optional(),
  rules: z.record(z.string(), ruleSetting).optional(),
  templates: z
    .strictObject({
      vars: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).optional(),
    })
    .optional(),
  "max-file-size": z.number().int().positive().optional(),
  /** Where migrations are replayed: pglite (in-process, default) or postgres (a real server of pg-version). */
  engine: z.enum(["pglite", "postgres"]).optional(),
  /** A disposable server to replay on instead (refused unless its database is empty or marked). */
  "engine-url": z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "use a postgres:// URL" })
    .optional(),
  trace: z
    .strictObject({
      enabled: z.boolean().optional(),
      "budget-seconds": z.number().positive().optional(),
      "cache-dir": z.string().optional(),
      /** The TimeZone migrations run in: timestamp conversions depend on it (default UTC). */
      timezone: z
        .string()
        .refine(isTimeZone, { error: "not a time zone name: use an IANA name such as Europe/Paris, or UTC" })
        .optional(),
    })
    .optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
export type RuleSetting = z.infer<typeof ruleSetting>;
export type ProjectConfig = z.infer<typeof projectSchema>;
