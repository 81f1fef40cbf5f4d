/** The embedded PostgreSQL engine (PGlite in a worker thread): replay, trace, checkpoints, drift. */
export { findCachedBase, historyCacheKey, readCachedBase, replayCacheKeys, writeCachedBase } from "./cache.js";
export {
  type Baseline,
  DEFAULT_BUDGET_MS,
  type Engine,
  type EngineOptions,
  openEngine,
  type VerifySession,
} from "./engine.js";
export {
  type EngineInfo,
  type EngineSession,
  type EngineSessionOptions,
  openEngineSession,
  type SessionStats,
} from "./engine-session.js";
export {
  baseCacheKey,
  baseHistoryOf,
  type ChangesRun,
  type ProjectHooks,
  type ProjectTraces,
  runChanges,
  runProjects,
  type TraceChangesInput,
  type TraceChangesResult,
  type TraceTimings,
  traceChanges,
  traceFindings,
} from "./trace-run.js";
export type * from "./types.js";
