/** The embedded PostgreSQL engine (PGlite in a worker thread): replay, trace, checkpoints, drift. */
export { historyCacheKey, readCachedBase, writeCachedBase } from "./cache.js";
export { type Baseline, DEFAULT_BUDGET_MS, type Engine, type EngineOptions, openEngine } from "./engine.js";
export {
  baseCacheKey,
  baseHistoryOf,
  type ProjectTraces,
  type TraceChangesInput,
  type TraceChangesResult,
  type TraceTimings,
  traceChanges,
  traceFindings,
  traceProjects,
} from "./trace-run.js";
export type * from "./types.js";
