/**
 * The action's overall deadline: past it, the run stops waiting for the
 * embedded PostgreSQL and posts what it has, so a required check never stays
 * pending for the 6 hours GitHub gives a job. The engine's own budget bounds
 * each migration; this bounds the whole run, whatever hangs.
 */
export interface Deadline {
  readonly ms: number;
  /** Aborted when the deadline passes: the engine stops the statement it runs and the analysis returns what it has. */
  readonly signal: AbortSignal;
  /** Aborted a grace period later, should anything not stop when asked: the run then stops waiting for it. */
  readonly hardStop: AbortSignal;
  clear(): void;
}

/** How long past the deadline work may take to stop before the run gives up waiting for it. */
export const DEADLINE_GRACE_MS = 30_000;

export function startDeadline(ms: number, graceMs = DEADLINE_GRACE_MS): Deadline {
  const soft = new AbortController();
  const hard = new AbortController();
  const timers = [
    setTimeout(() => soft.abort(new DeadlineExceeded(ms)), ms),
    setTimeout(() => hard.abort(new DeadlineExceeded(ms + graceMs)), ms + graceMs),
  ];
  // The timers alone never keep the run alive.
  for (const timer of timers) timer.unref();
  return {
    ms,
    signal: soft.signal,
    hardStop: hard.signal,
    clear: () => {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
  constructor(readonly ms: number) {
    super(`stopped at the deadline (${describeDuration(ms)})`);
  }
}

/** The work's value, or null when the hard stop comes first (the work is left running; the caller ends the run). */
export function beforeDeadline<T>(work: Promise<T>, deadline: Deadline): Promise<T | null> {
  const signal = deadline.hardStop;
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const expire = () => resolve(null);
    signal.addEventListener("abort", expire, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", expire);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", expire);
        reject(error);
      },
    );
  });
}

export function describeDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = ms / 60_000;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`;
}
