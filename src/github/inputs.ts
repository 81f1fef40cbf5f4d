/** The action's inputs (action.yml), read and checked once. */
import * as core from "@actions/core";
import type { Severity } from "../types.js";

export type CommentMode = "always" | "on-findings" | "never" | "update-only";
export type PermissionLevel = "read" | "triage" | "write" | "maintain" | "admin";

export interface ActionInputs {
  token: string;
  workingDirectory: string;
  config?: string;
  /** Empty: the config's `fail-on` (default error). */
  failOn?: Severity | "never";
  comment: CommentMode;
  annotations: boolean;
  trace: boolean;
  databaseUrl?: string;
  pgVersion?: number;
  /** Empty: the config's `engine` (default pglite). */
  engine?: "pglite" | "postgres";
  engineUrl?: string;
  budgetSeconds?: number;
  sarifFile?: string;
  cache: boolean;
  allowedCommenters: PermissionLevel;
  /** The whole run's deadline, after which it posts what it has (`deadline-minutes`, default 5). */
  deadlineMs: number;
}

export const DEFAULT_DEADLINE_MINUTES = 5;

export class InputValueError extends Error {
  override name = "InputValueError";
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (!value) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new InputValueError(`input \`${name}\`: "${value}" is not one of ${allowed.join(", ")}`);
  return value as T;
}

function flag(name: string, fallback: boolean): boolean {
  return core.getInput(name).trim() ? core.getBooleanInput(name) : fallback;
}

function optional(name: string): string | undefined {
  return core.getInput(name).trim() || undefined;
}

export function readInputs(): ActionInputs {
  const failOn = optional("fail-on");
  if (failOn && !["error", "warning", "info", "never"].includes(failOn))
    throw new InputValueError(`input \`fail-on\`: "${failOn}" is not one of error, warning, info, never`);
  const pgVersionText = optional("pg-version");
  const pgVersion = pgVersionText ? Number(pgVersionText) : undefined;
  if (pgVersion !== undefined && !(Number.isInteger(pgVersion) && pgVersion >= 10 && pgVersion <= 18))
    throw new InputValueError(`input \`pg-version\`: "${pgVersionText}" is not a PostgreSQL major version (10–18)`);
  const deadlineText = optional("deadline-minutes");
  const deadlineMinutes = deadlineText ? Number(deadlineText) : DEFAULT_DEADLINE_MINUTES;
  if (!(Number.isFinite(deadlineMinutes) && deadlineMinutes > 0))
    throw new InputValueError(`input \`deadline-minutes\`: "${deadlineText}" is not a positive number of minutes`);
  const databaseUrl = optional("database-url");
  if (databaseUrl) core.setSecret(databaseUrl);
  const engine = optional("engine");
  if (engine && engine !== "pglite" && engine !== "postgres")
    throw new InputValueError(`input \`engine\`: "${engine}" is not one of pglite, postgres`);
  const engineUrl = optional("engine-url");
  if (engineUrl) core.setSecret(engineUrl);
  const budgetText = optional("budget-seconds");
  const budgetSeconds = budgetText ? Number(budgetText) : undefined;
  if (budgetSeconds !== undefined && !(Number.isFinite(budgetSeconds) && budgetSeconds > 0))
    throw new InputValueError(`input \`budget-seconds\`: "${budgetText}" is not a positive number of seconds`);
  return {
    token: core.getInput("github-token"),
    workingDirectory: optional("working-directory") ?? ".",
    config: optional("config"),
    failOn: failOn as ActionInputs["failOn"],
    comment: oneOf("comment", ["always", "on-findings", "never", "update-only"], "always"),
    annotations: flag("annotations", true),
    trace: flag("trace", true),
    databaseUrl,
    pgVersion,
    ...(engine ? { engine: engine as "pglite" | "postgres" } : {}),
    ...(engineUrl ? { engineUrl } : {}),
    ...(budgetSeconds ? { budgetSeconds } : {}),
    sarifFile: optional("sarif-file"),
    cache: flag("cache", true),
    allowedCommenters: oneOf("allowed-commenters", ["read", "triage", "write", "maintain", "admin"], "write"),
    deadlineMs: deadlineMinutes * 60_000,
  };
}
