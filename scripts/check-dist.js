// The action runs dist/, so dist/ must be exactly what src/ builds. Rebuilds,
// fails when the committed bundle differs, then runs the bundles from a
// temporary folder with no node_modules.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { cwd: root, encoding: "utf8", ...options });

// initdb stamps a random system identifier and file times into the pre-initialised
// data dir, so only its presence is compared, not its bytes.
const NOT_REPRODUCIBLE = new Set(["dist/pglite/pgdata.tar.gz", "dist/cli/pglite/pgdata.tar.gz"]);

run("npm", ["run", "package"], { stdio: "inherit" });
const changed = run("git", ["status", "--porcelain", "--", "dist"])
  .split("\n")
  .filter((line) => line.trim() && !(line.startsWith(" M ") && NOT_REPRODUCIBLE.has(line.slice(3))))
  .join("\n");
if (changed) {
  console.error(`dist/ is stale: rebuild with \`npm run package\` and commit it.\n${changed}`);
  process.exit(1);
}

const sandbox = mkdtempSync(path.join(tmpdir(), "db-migrate-dist-"));
try {
  cpSync(path.join(root, "dist"), path.join(sandbox, "dist"), { recursive: true });
  cpSync(path.join(root, "fixtures"), path.join(sandbox, "fixtures"), { recursive: true });
  const cli = path.join(sandbox, "dist/cli/index.js");
  const version = spawnSync(process.execPath, [cli, "--version"], { cwd: sandbox, encoding: "utf8" });
  if (version.status !== 0) throw new Error(`bundled CLI --version failed: ${version.stderr}`);
  const validate = spawnSync(process.execPath, [cli, "validate", "--format", "json", "--fail-on", "never"], {
    cwd: path.join(sandbox, "fixtures/plain-sql-app"),
    encoding: "utf8",
  });
  if (validate.status !== 0) throw new Error(`bundled CLI validate failed (${validate.status}): ${validate.stderr}`);
  const report = JSON.parse(validate.stdout);
  if (report.version !== 1 || report.migrations.length === 0) {
    throw new Error(`bundled CLI found no migrations in fixtures/plain-sql-app: ${validate.stdout.slice(0, 300)}`);
  }
  console.log(
    `dist/ is up to date; the bundled CLI ran from ${sandbox} with no node_modules (${report.migrations.length} migrations, ${report.findings.length} findings)`,
  );
} finally {
  rmSync(sandbox, { recursive: true, force: true });
  // Leave the committed data dir in place of the rebuilt one.
  const tracked = run("git", ["ls-files", "--", ...NOT_REPRODUCIBLE])
    .split("\n")
    .filter(Boolean);
  if (tracked.length > 0) run("git", ["checkout", "--", ...tracked]);
}
