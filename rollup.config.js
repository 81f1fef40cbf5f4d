// Bundles the action (dist/index.js), the CLI (dist/cli/index.js) and the
// engine's worker thread (dist/engine-worker.js), each one self-contained ESM
// file runnable with no node_modules. scripts/copy-assets.js then puts the WASM
// beside them.
import { existsSync } from "node:fs";
import commonjs from "@rollup/plugin-commonjs";
import json from "@rollup/plugin-json";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import esbuild from "rollup-plugin-esbuild";

const plugins = () => [
  nodeResolve({ preferBuiltins: true, exportConditions: ["node", "import", "default"] }),
  commonjs(),
  json(),
  esbuild({ target: "node20", minify: false, sourceMap: false }),
];

const bundle = (input, file, banner) => ({
  input,
  output: { file, format: "es", inlineDynamicImports: true, banner, sourcemap: false },
  plugins: plugins(),
  onwarn(warning, warn) {
    // Dependencies' own `this` rewrites and circular imports are theirs, not ours.
    if (["THIS_IS_UNDEFINED", "CIRCULAR_DEPENDENCY", "EVAL"].includes(warning.code)) return;
    warn(warning);
  },
});

export default [
  bundle("src/main.ts", "dist/index.js"),
  bundle("src/cli.ts", "dist/cli/index.js", "#!/usr/bin/env node"),
  ...(existsSync("src/engine/worker.ts") ? [bundle("src/engine/worker.ts", "dist/engine-worker.js")] : []),
];
