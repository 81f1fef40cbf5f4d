/**
 * Builds what the engine needs beside each bundle, in <dir>/pglite/:
 *   pgdata.tar.gz   a pre-initialised PostgreSQL data dir (initdb is most of PGlite's cold start)
 *   <ext>.tar.gz    extensions shipped as separate packages (vector, ...), beside PGlite's own
 * Usage: tsx scripts/build-engine-assets.ts [bundle dirs…]   (default: dist dist/cli)
 *
 * pgdata.tar.gz is not byte-reproducible (initdb stamps a system identifier
 * and file times), so check-dist should compare its presence, not its bytes.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const EXTENSION_PACKAGES: Record<string, string> = {
  "@electric-sql/pglite-pgvector": "vector.tar.gz",
  "@electric-sql/pglite-age": "age.tar.gz",
  "@electric-sql/pglite-pg_hashids": "pg_hashids.tar.gz",
  "@electric-sql/pglite-pg_ivm": "pg_ivm.tar.gz",
  "@electric-sql/pglite-pg_textsearch": "pg_textsearch.tar.gz",
  "@electric-sql/pglite-pg_uuidv7": "pg_uuidv7.tar.gz",
  "@electric-sql/pglite-pgtap": "pgtap.tar.gz",
};

const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["dist", "dist/cli"];

// 1 MB WAL segments (initdb's default is 16 MB): a smaller data dir to load, dump and cache.
const db = await PGlite.create({ initDbStartParams: ["--wal-segsize=1"] });
// A clean checkpoint: the data dir starts without WAL to recover.
await db.exec("CHECKPOINT");
const dump = await db.dumpDataDir("none");
await db.close();
const pgdata = gzipSync(new Uint8Array(await dump.arrayBuffer()), { level: 9 });

for (const dir of dirs) {
  const target = path.resolve(root, dir, "pglite");
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "pgdata.tar.gz"), pgdata);
  for (const [name, file] of Object.entries(EXTENSION_PACKAGES)) {
    let source: string;
    try {
      source = path.join(path.dirname(require.resolve(name)), file);
    } catch {
      continue;
    }
    copyFileSync(source, path.join(target, file));
  }
  console.error(
    `engine assets: ${path.relative(root, target)}/pgdata.tar.gz (${pgdata.length} bytes) and extension bundles`,
  );
}
