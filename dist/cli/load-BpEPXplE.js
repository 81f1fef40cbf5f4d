import path from 'node:path/posix';
import { K as excludeMatcher, U as PRISMA_MIGRATION_DIR, V as migrationShell, N as FILE_START, W as loadUpFile, X as runsAsImplicitTransaction, Y as loadDownFile, Z as linkLinear } from './cli-main-Btx-xaSS.js';
import 'node:util';
import 'node:fs/promises';
import 'node:path';
import 'process';
import 'buffer';
import 'node:crypto';
import 'node:url';
import 'node:fs';
import 'node:child_process';
import 'fs';
import 'path';
import 'url';
import 'module';
import 'node:module';
import 'node:zlib';
import 'node:worker_threads';
import './version-DKITOyyo.js';

async function loadPrisma(project, files, options) {
  const excluded = excludeMatcher(options.exclude);
  const prefix = project.folder ? `${project.folder}/` : "";
  const byDir = /* @__PURE__ */ new Map();
  for (const file of await files.list(project.folder)) {
    if (excluded(file)) continue;
    const rest = file.slice(prefix.length).split("/");
    if (rest.length < 2) continue;
    byDir.set(rest[0], [...byDir.get(rest[0]) ?? [], file]);
  }
  const migrations = [];
  for (const dir of [...byDir.keys()].sort()) {
    const dirFiles = byDir.get(dir) ?? [];
    const up = `${prefix}${dir}/migration.sql`;
    const name = PRISMA_MIGRATION_DIR.test(dir) ? dir.slice(15) : dir;
    const script = dirFiles.find((file) => SCRIPT_MIGRATION.test(file.slice(`${prefix}${dir}/`.length)));
    if (!dirFiles.includes(up) && script) {
      const migration2 = migrationShell(project, { id: dir, name, path: script, order: dir });
      migration2.problems.push(scriptNotice(script, false));
      migrations.push(migration2);
      continue;
    }
    if (!dirFiles.includes(up)) {
      const migration2 = migrationShell(project, { id: dir, name, path: `${prefix}${dir}`, order: dir });
      migration2.problems.push({
        rule: "unreadable-file",
        severity: "error",
        path: dirFiles[0] ?? `${prefix}${dir}`,
        span: FILE_START,
        message: `${prefix}${dir} has no migration.sql; \`prisma migrate deploy\` stops at this folder`,
        fix: "add the migration.sql, or remove the folder"
      });
      migrations.push(migration2);
      continue;
    }
    const { text: _text, ...migration } = await loadUpFile(
      project,
      files,
      { id: dir, name, path: up, order: dir },
      options
    );
    migration.transactional = project.transactional && runsAsImplicitTransaction(migration.statements);
    if (script) migration.problems.push(scriptNotice(script, true));
    const downFile = `${prefix}${dir}/down.sql`;
    if (dirFiles.includes(downFile)) {
      const { down, problems } = await loadDownFile(files, downFile, options);
      migration.down = down;
      migration.problems.push(...problems);
    }
    migrations.push(migration);
  }
  return linkLinear(migrations);
}
const SCRIPT_MIGRATION = /^migration\.(ts|mts|cts|js|mjs|cjs)$/;
function scriptNotice(file, besideSql) {
  return {
    rule: "unanalyzed-operation",
    severity: "info",
    path: file,
    span: FILE_START,
    message: besideSql ? "a data migration in code beside migration.sql: db-migrate reads the SQL and neither reads nor runs this file, so its data changes are not analysed" : "a data migration in code (no migration.sql): db-migrate neither reads nor runs it, so it is left out of the analysis and the replay; migrations after it that rely on its changes may report failures"
  };
}
function prismaMigrationDir(file) {
  return path.basename(path.dirname(file));
}

export { loadPrisma, prismaMigrationDir };
