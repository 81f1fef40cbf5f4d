import path from 'node:path/posix';
import { l as excludeMatcher, P as PRISMA_MIGRATION_DIR, n as migrationShell, F as FILE_START, o as loadUpFile, u as runsAsImplicitTransaction, v as loadDownFile, w as linkLinear } from './cli-B_9R6XYJ.js';
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
function prismaMigrationDir(file) {
  return path.basename(path.dirname(file));
}

export { loadPrisma, prismaMigrationDir };
