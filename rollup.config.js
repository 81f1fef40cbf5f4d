// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js), each with
// the engine's worker thread beside it (engine-worker.js), as ESM that runs
// with no node_modules. Code is split into chunks in the same folder so a run
// loads only what it uses (the CLI's `validate` never loads PGlite or Octokit).
// scripts/copy-assets.js then puts the WASM beside them.
import { existsSync } from "node:fs";
import commonjs from "@rollup/plugin-commonjs";
import json from "@rollup/plugin-json";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import esbuild from "rollup-plugin-esbuild";

const worker = existsSync("src/engine/worker.ts") ? { "engine-worker": "src/engine/worker.ts" } : {};

/**
 * libpg-query's Emscripten glue reads `__dirname` to find libpg-query.wasm,
 * which ESM does not define: give that one module its own, from import.meta.url.
 */
const libpgQueryDirname = {
  name: "libpg-query-dirname",
  transform(code, id) {
    if (!/libpg-query[\\/]wasm[\\/]libpg-query\.js$/.test(id)) return null;
    const prelude = 'var __dbmDirname = require("node:url").fileURLToPath(new URL(".", import.meta.url));\n';
    return { code: prelude + code.replaceAll("__dirname", "__dbmDirname"), map: null };
  },
};

const build = (entry, dir) => ({
  input: { index: entry, ...worker },
  output: {
    dir,
    format: "es",
    entryFileNames: "[name].js",
    // Flat, beside the entry: libpg-query finds its .wasm next to the chunk that loads it.
    chunkFileNames: "[name]-[hash].js",
    sourcemap: false,
  },
  plugins: [
    libpgQueryDirname,
    nodeResolve({ preferBuiltins: true, exportConditions: ["node", "import", "default"] }),
    commonjs(),
    json(),
    esbuild({ target: "node20", minify: false, sourceMap: false }),
  ],
  onwarn(warning, warn) {
    // Dependencies' own `this` rewrites, circular imports and comment annotations are theirs, not ours.
    if (["THIS_IS_UNDEFINED", "CIRCULAR_DEPENDENCY", "EVAL", "INVALID_ANNOTATION"].includes(warning.code)) return;
    warn(warning);
  },
});

export default [build("src/main.ts", "dist"), build("src/cli.ts", "dist/cli")];
