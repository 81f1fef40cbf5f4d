/** PostgreSQL's table-level lock modes and what each one blocks for other sessions. */
import type { LockMode } from "../types.js";

export const LOCK_MODES: LockMode[] = [
  "AccessShareLock",
  "RowShareLock",
  "RowExclusiveLock",
  "ShareUpdateExclusiveLock",
  "ShareLock",
  "ShareRowExclusiveLock",
  "ExclusiveLock",
  "AccessExclusiveLock",
];

/** The conflict matrix from the PostgreSQL manual ("Table-Level Locks"). */
const CONFLICTS: Record<LockMode, LockMode[]> = {
  AccessShareLock: ["AccessExclusiveLock"],
  RowShareLock: ["ExclusiveLock", "AccessExclusiveLock"],
  RowExclusiveLock: ["ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
  ShareUpdateExclusiveLock: [
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
  ],
  ShareLock: [
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
  ],
  ShareRowExclusiveLock: [
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
  ],
  ExclusiveLock: [
    "RowShareLock",
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock",
  ],
  AccessExclusiveLock: LOCK_MODES,
};

export function conflicts(a: LockMode, b: LockMode): boolean {
  return CONFLICTS[a].includes(b);
}

export type Blocked = "reads" | "writes" | "ddl";

/** What ordinary traffic a lock blocks: SELECT (AccessShare), INSERT/UPDATE/DELETE (RowExclusive), other DDL. */
export function blockedBy(mode: LockMode | null): Blocked[] {
  if (!mode) return [];
  const blocked: Blocked[] = [];
  if (conflicts(mode, "AccessShareLock")) blocked.push("reads");
  if (conflicts(mode, "RowExclusiveLock")) blocked.push("writes");
  if (conflicts(mode, "ShareUpdateExclusiveLock")) blocked.push("ddl");
  return blocked;
}

export function strongest(modes: Iterable<LockMode>): LockMode | null {
  let best: LockMode | null = null;
  for (const mode of modes) if (!best || LOCK_MODES.indexOf(mode) > LOCK_MODES.indexOf(best)) best = mode;
  return best;
}

/** `AccessExclusiveLock` → `AccessExclusive`, as the PR comment prints it. */
export function shortLockName(mode: LockMode): string {
  return mode.replace(/Lock$/, "");
}

/** Locks that block reads or writes: the ones that need a lock_timeout. */
export function blocksTraffic(mode: LockMode | null): boolean {
  const blocked = blockedBy(mode);
  return blocked.includes("reads") || blocked.includes("writes");
}
