import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, mkdir, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { k as engineAssets } from './cli-main-Btx-xaSS.js';
import { o as openEngine } from './engine-D6hZ76l5.js';
import { r as requestedExtensions } from './session-B127CMLA.js';

const CACHE_FORMAT = 1;
let engineIdentity;
function engineBuild() {
  engineIdentity ??= createHash("sha256").update(readFileSync(engineAssets().pgliteWasm)).digest("hex").slice(0, 16);
  return engineIdentity;
}
function migrationDigest(migration) {
  const content = migration.checksum ?? createHash("sha256").update(migration.statements.map((s) => s.sql).join("\n;\n")).digest("hex");
  return createHash("sha256").update(`${migration.path}\0${migration.id}\0${migration.transactional}\0${content}`).digest("hex").slice(0, 32);
}
function cacheEngineId() {
  return `${CACHE_FORMAT}-${engineBuild()}`;
}
function historyCacheKey(history) {
  const hash = createHash("sha256");
  hash.update(`db-migrate-engine:${cacheEngineId()}
`);
  for (const migration of history) hash.update(`${migrationDigest(migration)}
`);
  return hash.digest("hex");
}
function files(cacheDir, key) {
  return {
    data: path.join(cacheDir, `db-migrate-base-${key}.tar.gz`),
    report: path.join(cacheDir, `db-migrate-base-${key}.json`)
  };
}
async function readCachedBase(cacheDir, key) {
  const paths = files(cacheDir, key);
  try {
    const [data, report] = await Promise.all([readFile(paths.data), readFile(paths.report, "utf8")]);
    const parsed = JSON.parse(report);
    return {
      checkpoint: { kind: "pglite", data: new Uint8Array(gunzipSync(data)), extensions: parsed.extensions },
      report: parsed
    };
  } catch {
    return null;
  }
}
async function findCachedBase(cacheDir, history) {
  const key = historyCacheKey(history);
  const exact = await readCachedBase(cacheDir, key);
  if (exact) return { ...exact, key, covered: history.length };
  const digests = history.map(migrationDigest);
  let best = null;
  for (const name of await readdir(cacheDir).catch(() => [])) {
    const match = /^db-migrate-base-([0-9a-f]+)\.json$/.exec(name);
    if (!match) continue;
    try {
      const entry = JSON.parse(await readFile(path.join(cacheDir, name), "utf8"));
      const held = entry.history;
      if (entry.engine !== cacheEngineId() || !held || held.length === 0 || held.length > digests.length) continue;
      if (held.every((digest, i) => digests[i] === digest) && held.length > (best?.covered ?? 0))
        best = { key: match[1], covered: held.length };
    } catch {
    }
  }
  if (!best) return null;
  const cached = await readCachedBase(cacheDir, best.key);
  return cached ? { ...cached, ...best } : null;
}
async function writeCachedBase(cacheDir, key, base, history) {
  if (base.checkpoint.kind !== "pglite") return;
  const paths = files(cacheDir, key);
  await mkdir(cacheDir, { recursive: true });
  const suffix = `.${process.pid}.tmp`;
  await writeFile(paths.data + suffix, gzipSync(base.checkpoint.data, { level: 1 }));
  await writeFile(
    paths.report + suffix,
    JSON.stringify({
      ...base.report,
      extensions: base.checkpoint.extensions,
      engine: cacheEngineId(),
      history: history.map(migrationDigest)
    })
  );
  await rename(paths.data + suffix, paths.data);
  await rename(paths.report + suffix, paths.report);
}

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
      const servers = await import('./postgres-C8ENc-9m.js');
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

var engineSession = /*#__PURE__*/Object.freeze({
  __proto__: null,
  openEngineSession: openEngineSession
});

export { engineSession as e, historyCacheKey as h, openEngineSession as o };
