#!/usr/bin/env node
import 'node:util';
export { x as main } from './cli-B_9R6XYJ.js';
import 'node:fs/promises';
import 'node:path';
import 'process';
import 'buffer';
import 'node:path/posix';
import 'node:crypto';
import 'node:url';
import 'node:fs';
import 'node:child_process';
import 'fs';
import 'path';
import 'url';
import 'module';
