import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, mkdir, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { j as engineAssets } from './run-CpB94160.js';
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

export { cacheEngineId, findCachedBase, historyCacheKey, migrationDigest, readCachedBase, writeCachedBase };
