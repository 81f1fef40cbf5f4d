import type { Convention, Severity } from "../../types.js";
import type { HistoryHit, HistoryRule } from "../types.js";
import { FILE_START, isGraphTool, ordered } from "./graph.js";

/** What each tool does with a migration older than the newest one a database already ran. */
const CONSEQUENCE: Partial<Record<Convention, { severity: Severity; what: string }>> = {
  flyway: {
    severity: "error",
    what: 'Flyway refuses it where the base is deployed (validate: "Detected resolved migration not applied to database") unless outOfOrder=true',
  },
  "golang-migrate": {
    severity: "error",
    what: "golang-migrate only runs versions above the database's current one, so it is silently skipped where the base is deployed",
  },
  prisma: {
    severity: "warning",
    what: "`prisma migrate deploy` runs it after newer migrations where the base is deployed, but in order on a fresh database: the two can end up different",
  },
  diesel: {
    severity: "warning",
    what: "diesel runs it after newer migrations where the base is deployed, in order elsewhere",
  },
  dbmate: {
    severity: "warning",
    what: "dbmate runs it after newer migrations where the base is deployed, in order elsewhere",
  },
  sqitch: {
    severity: "error",
    what: "sqitch refuses to deploy a plan whose already-deployed changes are no longer in the same order",
  },
  plain: {
    severity: "warning",
    what: "a runner that tracks the last version applied skips it where the base is deployed",
  },
};

/** A migration the PR adds whose version sorts before the newest one on the base branch. */
export const outOfOrder: HistoryRule = {
  kind: "history",
  meta: {
    id: "out-of-order",
    category: "history",
    severity: "warning",
    enabledByDefault: true,
    summary: "new migration sorts before the newest migration on the base branch",
    lock: null,
  },
  check(input) {
    if (!input.base || isGraphTool(input)) return [];
    const baseOrdered = ordered(input.base);
    const newest = baseOrdered.reduce<(typeof baseOrdered)[number] | undefined>(
      (best, migration) => (!best || migration.order > best.order ? migration : best),
      undefined,
    );
    if (!newest) return [];
    const consequence = CONSEQUENCE[input.project.convention] ?? CONSEQUENCE.plain;
    const hits: HistoryHit[] = [];
    for (const migration of ordered(input.migrations)) {
      if (migration.change !== "added" || migration.order >= newest.order) continue;
      hits.push({
        path: migration.path,
        span: FILE_START,
        migration: migration.id,
        severity: consequence?.severity,
        message: `\`${migration.id}\` sorts before \`${newest.id}\`, the newest migration on the base branch; ${consequence?.what}`,
        fix: "rename it with a version after the newest one on the base branch (regenerate its timestamp)",
      });
    }
    return hits;
  },
};
