// `npm run bench [-- <folder>…]`: the bundled db-migrate CLI and squawk
// (squawk-cli from npm) side by side on the same SQL, in one run: the
// fixtures, a generated corpus of a few thousand statements across hundreds
// of files, the real corpora under /tmp/corpus when present (documenso,
// langfuse, lemmy; skipped with a note when absent, as in CI), and any folder
// given. Prints wall time, files/s, statements/s, the ratio, finding counts,
// and how many findings fall on objects created earlier in the same file
// (where the risk is absent). Then the static PR check (`validate --base`) on
// each corpus, with the PR adding its last 2 migrations.
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadModule, parseSync } from "libpg-query";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/cli/index.js");
const squawk = path.join(root, "node_modules/.bin/squawk");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

await loadModule();

function sqlFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
      out.push(...sqlFiles(full));
    else if (entry.isFile() && entry.name.endsWith(".sql")) out.push(full);
  }
  return out.sort();
}

/** A corpus shaped like real migration folders: new tables with their indexes, and changes to live tables. */
function generateCorpus(files, dir) {
  mkdirSync(dir, { recursive: true });
  const live = ["users", "orders", "accounts", "events", "payments"];
  for (let i = 1; i <= files; i++) {
    const t = `feature_${i}`;
    const existing = live[i % live.length];
    const sql = [
      `CREATE TABLE ${t} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, owner_id bigint NOT NULL REFERENCES users (id), name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());`,
      `CREATE INDEX ${t}_owner_idx ON ${t} (owner_id);`,
      `ALTER TABLE ${t} ADD COLUMN status varchar(20) NOT NULL;`,
      `ALTER TABLE ${t} ADD CONSTRAINT ${t}_name_check CHECK (char_length(name) > 0);`,
      `ALTER TABLE ${t} ALTER COLUMN name SET NOT NULL;`,
      `ALTER TABLE ${existing} ADD COLUMN col_${i} text;`,
      `CREATE INDEX ${existing}_col_${i}_idx ON ${existing} (col_${i});`,
      `ALTER TABLE ${existing} ADD CONSTRAINT ${existing}_col_${i}_check CHECK (col_${i} <> '');`,
      `ALTER TABLE ${existing} ALTER COLUMN col_${i} SET NOT NULL;`,
      `UPDATE ${existing} SET col_${i} = 'x' WHERE col_${i} IS NULL;`,
      `CREATE UNIQUE INDEX CONCURRENTLY ${existing}_col_${i}_key ON ${existing} (col_${i});`,
      `COMMENT ON COLUMN ${t}.name IS 'display name';`,
    ].join("\n");
    writeFileSync(path.join(dir, `${String(i).padStart(4, "0")}_feature_${i}.sql`), `${sql}\n`);
  }
  return dir;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(command, args, cwd = root) {
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    last = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(times), output: last.stdout, stderr: last.stderr, status: last.status };
}

/** For each file: statements with their line ranges, target tables, and the tables created before each. */
function fileModel(file) {
  const text = readFileSync(file, "utf8");
  const bytes = Buffer.from(text);
  const lineOf = (offset) => bytes.subarray(0, offset).toString().split("\n").length;
  let stmts = [];
  try {
    stmts = parseSync(text).stmts ?? [];
  } catch {
    return { statements: [], count: 0 };
  }
  const created = new Set();
  const statements = stmts.map((raw) => {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    const tag = Object.keys(raw.stmt)[0];
    const node = raw.stmt[tag];
    const targets = new Set();
    const relation = node.relation ?? node.into?.rel;
    if (relation?.relname) targets.add(relation.relname);
    const onNew = [...targets].some((t) => created.has(t)) && tag !== "CreateStmt";
    if (tag === "CreateStmt" && relation?.relname) created.add(relation.relname);
    return { firstLine: lineOf(start), lastLine: lineOf(end), onNew };
  });
  return { statements, count: statements.length };
}

function onNewObjects(findings, models) {
  let count = 0;
  for (const f of findings) {
    const model = models.get(path.resolve(f.file));
    const statement = model?.statements.find((s) => f.line >= s.firstLine && f.line <= s.lastLine);
    if (statement?.onNew) count++;
  }
  return count;
}

function benchSet(label, dir, files) {
  const models = new Map(files.map((f) => [path.resolve(f), fileModel(f)]));
  const statements = [...models.values()].reduce((n, m) => n + m.count, 0);
  const relative = files.map((f) => path.relative(dir, f));
  const ours = time(process.execPath, [cli, "validate", "--format", "json", "--fail-on", "never", ...relative], dir);
  const theirs = time(squawk, ["--reporter", "json", ...files]);
  let ourFindings = [];
  try {
    ourFindings = JSON.parse(ours.output).findings.map((f) => ({
      file: path.resolve(dir, f.path),
      line: f.line,
      rule: f.rule,
    }));
  } catch {
    console.error(`db-migrate output was not JSON (exit ${ours.status}): ${ours.stderr.slice(0, 400)}`);
  }
  let squawkFindings = [];
  try {
    squawkFindings = JSON.parse(theirs.output || "[]").map((f) => ({
      file: f.file,
      line: f.line + 1,
      rule: f.rule_name,
    }));
  } catch {
    console.error(`squawk output was not JSON: ${theirs.stderr.slice(0, 400)}`);
  }
  const row = (name, r, findings) => ({
    tool: name,
    "wall ms": r.ms.toFixed(0),
    "files/s": ((files.length / r.ms) * 1000).toFixed(0),
    "statements/s": ((statements / r.ms) * 1000).toFixed(0),
    findings: findings.length,
    "on objects created earlier in the file": onNewObjects(findings, models),
  });
  console.log(`\n## ${label}: ${files.length} files, ${statements} statements (median of ${RUNS} runs)`);
  console.table([row("db-migrate", ours, ourFindings), row("squawk", theirs, squawkFindings)]);
  console.log(`ratio db-migrate/squawk wall time: ${(ours.ms / theirs.ms).toFixed(2)}×`);
}

/** Real projects, read from /tmp/corpus (never committed): what to copy for a PR check, and the migrations folder. */
const CORPORA = [
  { label: "documenso", repo: "documenso+documenso", copy: ["packages/prisma"], folder: "packages/prisma/migrations" },
  {
    label: "langfuse",
    repo: "langfuse+langfuse",
    copy: ["packages/shared/prisma"],
    folder: "packages/shared/prisma/migrations",
  },
  { label: "lemmy", repo: "LemmyNet+lemmy", copy: ["migrations", "diesel.toml"], folder: "migrations" },
];
const CORPUS_ROOT = process.env.DB_MIGRATE_CORPUS ?? "/tmp/corpus";

function git(cwd, ...args) {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "b",
      GIT_AUTHOR_EMAIL: "b@e",
      GIT_COMMITTER_NAME: "b",
      GIT_COMMITTER_EMAIL: "b@e",
    },
  });
}

/**
 * The static PR check as the action runs it: a repository whose base lacks the
 * folder's last 2 migrations and whose head adds them, then
 * `validate --base HEAD~1` (detection, both sides read and parsed, rules).
 */
function prCheck(corpus, source) {
  const dir = mkdtempSync(path.join(tmpdir(), `db-migrate-bench-pr-${corpus.label}-`));
  for (const part of corpus.copy) cpSync(path.join(source, part), path.join(dir, part), { recursive: true });
  const folder = path.join(dir, corpus.folder);
  const last = readdirSync(folder)
    .filter((name) => !name.includes(".") || name.endsWith(".sql"))
    .sort()
    .slice(-2);
  const held = mkdtempSync(path.join(tmpdir(), "db-migrate-bench-held-"));
  for (const name of last) cpSync(path.join(folder, name), path.join(held, name), { recursive: true });
  for (const name of last) rmSync(path.join(folder, name), { recursive: true });
  git(dir, "init", "-q");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "base");
  for (const name of last) cpSync(path.join(held, name), path.join(folder, name), { recursive: true });
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "the PR: its last 2 migrations");
  const run = time(
    process.execPath,
    [cli, "validate", "--base", "HEAD~1", "--format", "json", "--fail-on", "never"],
    dir,
  );
  let summary = `exit ${run.status}`;
  try {
    const result = JSON.parse(run.output);
    summary = `${result.migrations.length} migrations judged, ${result.findings.length} findings`;
  } catch {
    summary = `not JSON (exit ${run.status}): ${run.stderr.slice(0, 200)}`;
  }
  console.log(
    `static PR check ${corpus.label} (+${last.join(", ")}): ${run.ms.toFixed(0)} ms median of ${RUNS}; ${summary}`,
  );
  rmSync(dir, { recursive: true, force: true });
  rmSync(held, { recursive: true, force: true });
}

function phases() {
  // Where db-migrate's time goes, measured inside one process.
  const script = `
    const t0 = performance.now();
    const q = await import(${JSON.stringify(path.join(root, "node_modules/libpg-query/wasm/index.js"))});
    await q.loadModule();
    const t1 = performance.now();
    process.stdout.write(JSON.stringify({ wasm: t1 - t0 }));`;
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, ["-e", "0"]);
  const nodeStart = Number(process.hrtime.bigint() - start) / 1e6;
  const wasm = JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }),
  ).wasm;
  const version = time(process.execPath, [cli, "--version"]).ms;
  console.log(
    `\nphases: node process start ${nodeStart.toFixed(0)} ms; CLI bundle load (--version) ${version.toFixed(0)} ms; libpg-query WASM load ${wasm.toFixed(0)} ms`,
  );
}

try {
  statSync(cli);
} catch {
  console.error("dist/cli/index.js is missing: run `npm run package` first");
  process.exit(2);
}
console.log(
  `db-migrate ${JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version} vs ${execFileSync(squawk, ["--version"], { encoding: "utf8" }).trim()}`,
);
const fixtures = path.join(root, "fixtures");
benchSet("fixtures", fixtures, sqlFiles(fixtures));
const generated = generateCorpus(
  Number(process.env.BENCH_FILES ?? 300),
  mkdtempSync(path.join(tmpdir(), "db-migrate-bench-")),
);
benchSet("generated", generated, sqlFiles(generated));
const present = [];
for (const corpus of CORPORA) {
  const source = path.join(CORPUS_ROOT, corpus.repo);
  if (!existsSync(path.join(source, corpus.folder))) {
    console.log(
      `\n## ${corpus.label}: skipped, ${path.join(source, corpus.folder)} is absent (clone it there to include it)`,
    );
    continue;
  }
  present.push([corpus, source]);
  const folder = path.join(source, corpus.folder);
  benchSet(`${corpus.label} (${corpus.folder})`, folder, sqlFiles(folder));
}
for (const folder of process.argv.slice(2)) benchSet(folder, path.resolve(folder), sqlFiles(path.resolve(folder)));
console.log("");
for (const [corpus, source] of present) prCheck(corpus, source);
phases();
