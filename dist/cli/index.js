#!/usr/bin/env node
import module$1 from 'node:module';
import { V as VERSION } from './version-DKITOyyo.js';

module$1.enableCompileCache?.();
const argv = process.argv.slice(2);
if (argv[0] === "--version" || argv[0] === "-v") process.stdout.write(`${VERSION}
`);
else await (await import('./cli-main-Btx-xaSS.js').then(function (n) { return n.a1; })).start(argv);
