#!/usr/bin/env node
/**
 * `db-migrate <command>`: a small entry, so the V8 compile cache is on before
 * the bundle loads and `--version` answers without loading it. The commands,
 * rules and renderers load after (src/cli-main.ts).
 */
import module from "node:module";
import { VERSION } from "./version.js";

// Node >= 22.1: V8 keeps the compiled bundle on disk, and later starts skip compiling it.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const argv = process.argv.slice(2);
if (argv[0] === "--version" || argv[0] === "-v") process.stdout.write(`${VERSION}\n`);
else await (await import("./cli-main.js")).start(argv);
