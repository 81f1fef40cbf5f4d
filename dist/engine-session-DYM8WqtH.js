import { historyCacheKey, findCachedBase, writeCachedBase } from './cache-B1DeuUs3.js';
import { o as openEngine } from './engine-BCADV4GD.js';
import { r as requestedExtensions } from './session-Cm9VP3aB.js';
import 'node:crypto';
import 'node:fs';
import 'node:fs/promises';
import 'node:path';
import 'node:zlib';
import './run-CpB94160.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import './github-D6ur7DmN.js';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'node:path/posix';
import 'process';
import 'buffer';
import 'node:child_process';
import 'url';
import 'module';
import 'node:module';
import 'stream';
import 'node:os';
import 'node:process';
import 'node:https';
import 'tty';

function mergeReports(cached, rest) {
  return {
    migrations: [...cached.migrations, ...rest.migrations],
    failures: [...cached.failures, ...rest.failures],
    createdRoles: [.../* @__PURE__ */ new Set([...cached.createdRoles, ...rest.createdRoles])],
    extensions: rest.extensions,
    durationMs: cached.durationMs + rest.durationMs
  };
}
function openEngineSession(options = {}) {
  return new Session(options);
}
class Session {
  constructor(options) {
    this.options = options;
  }
  options;
  stats = {
    boots: 0,
    starts: 0,
    baseReplays: 0,
    cacheRestores: 0,
    applied: /* @__PURE__ */ new Map(),
    baseMs: [],
    bootMs: 0
  };
  notices = [];
  started = null;
  used = false;
  ranOn = null;
  engine() {
    if (!this.started) throw new Error("the engine session has not started: prepareBase first");
    return this.started;
  }
  info() {
    return this.ranOn;
  }
  noteApplied(migration) {
    this.stats.applied.set(migration.path, (this.stats.applied.get(migration.path) ?? 0) + 1);
  }
  async prepareBase(baseHistory, upcoming) {
    const started = performance.now();
    const cacheDir = this.options.cacheDir;
    const cacheKey = historyCacheKey(baseHistory);
    let engine = this.started;
    let bootMs = 0;
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
      engine = await this.boot(cached ? cached.checkpoint : void 0, [...baseHistory, ...upcoming]);
      bootMs = performance.now() - started;
      this.stats.bootMs = bootMs;
    } else if (cached) {
      await engine.restore(cached.checkpoint);
    } else if (this.used) {
      await engine.reset();
    }
    this.used = true;
    let report;
    const rest = baseHistory.slice(cached?.covered ?? 0);
    if (cached) {
      this.stats.cacheRestores++;
      this.options.log?.(
        `engine: restored the replayed base from the cache (${cached.covered} of ${baseHistory.length} migrations)`
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
  wantsServer() {
    return Boolean(this.options.engineUrl) || this.options.engine === "postgres";
  }
  /** The real server asked for, or null after a notice (the run goes on with PGlite). */
  async bootServer() {
    const requested = this.options.engineUrl ? "url" : "postgres";
    const version = this.options.pgVersion ?? 16;
    try {
      const servers = await import('./postgres-CvSzSGco.js');
      const engine = this.options.engineUrl ? await servers.openUrlEngine(this.options.engineUrl, this.options) : await servers.openPostgresEngine({ ...this.options, pgVersion: version });
      this.recordStart(engine);
      if (requested === "url" && this.options.pgVersion && engine.majorVersion !== this.options.pgVersion)
        this.notices.push({
          level: "warning",
          message: `engine-url is PostgreSQL ${engine.majorVersion}, but pg-version is ${this.options.pgVersion}: the replay follows the server`
        });
      return engine;
    } catch (error) {
      const what = requested === "url" ? "the server given by engine-url" : `PostgreSQL ${version} (engine: postgres)`;
      const reason = error.message;
      this.options.log?.(`engine: ${what} cannot be used: ${reason}; falling back to PGlite`);
      this.notices.push({
        level: "warning",
        message: `${what} could not be used, so the migrations were replayed on PGlite (PostgreSQL 18) instead: ${reason}`
      });
      this.fellBackFrom = requested;
      return null;
    }
  }
  fellBackFrom;
  async boot(initial, migrations) {
    const engine = await openEngine({
      ...this.options,
      extensions: [.../* @__PURE__ */ new Set([...this.options.extensions ?? [], ...requestedExtensions(migrations)])],
      ...initial ? { initial } : {}
    });
    this.recordStart(engine);
    if (this.fellBackFrom && this.ranOn) this.ranOn.requested = this.fellBackFrom;
    return engine;
  }
  /** Counts the boot and remembers which PostgreSQL the run replays on, for the report's footer. */
  recordStart(engine) {
    this.stats.boots++;
    this.started = engine;
    this.ranOn = {
      kind: engine.kind,
      serverVersion: engine.serverVersion,
      majorVersion: engine.majorVersion,
      timezone: this.options.timezone ?? "UTC"
    };
  }
  async dispose() {
    const engine = this.started;
    this.started = null;
    if (engine) {
      this.stats.starts = engine.starts;
      await engine.close();
    }
  }
}

export { openEngineSession };
