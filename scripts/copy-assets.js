// Puts the WASM and data files the bundles load beside them, for the action
// (dist/) and the CLI (dist/cli/): libpg-query.wasm next to the entry files,
// PGlite's runtime and extension bundles in <dir>/pglite/, Prisma's schema engine in <dir>/prisma/.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const pgliteDist = path.join(root, "node_modules/@electric-sql/pglite/dist");
const pgliteAsset = /\.(wasm|data|tar\.gz)$/;

for (const dir of ["dist", "dist/cli"]) {
  const target = path.join(root, dir);
  mkdirSync(path.join(target, "pglite"), { recursive: true });
  copyFileSync(
    path.join(root, "node_modules/libpg-query/wasm/libpg-query.wasm"),
    path.join(target, "libpg-query.wasm"),
  );
  for (const file of readdirSync(pgliteDist).filter((f) => pgliteAsset.test(f))) {
    copyFileSync(path.join(pgliteDist, file), path.join(target, "pglite", file));
  }
  // Prisma's schema engine for `generate`, loaded by src/sources/prisma/generate/schema-engine.ts.
  mkdirSync(path.join(target, "prisma"), { recursive: true });
  copyFileSync(
    path.join(root, "node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm"),
    path.join(target, "prisma", "schema_engine_bg.wasm"),
  );
}
