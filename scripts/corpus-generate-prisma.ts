/**
 * Prisma against Prisma itself: for every commit of a repository's history that
 * changed schema.prisma and added exactly one migration (not hand-edited), set
 * up a repository at the parent, drop in the commit's schema, run `generate
 * --write` (the real command), then apply the generated migrations and the
 * committed migration.sql to two replays of the parent and compare catalogs.
 *
 *   npx tsx scripts/corpus-generate-prisma.ts /tmp/corpus/langfuse+langfuse \
 *     [--prisma packages/shared/prisma] [--limit N] [--skip N] [--json out.json]
 *
 * Prints the share of identical catalogs, how many generated texts equal
 * Prisma's byte for byte (in --plain mode, i.e. before the safe rewrite), and
 * every other commit with its cause.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCommand } from "../src/commands/generate.js";
import { defaultConfig } from "../src/config/load.js";
import { detectProjects } from "../src/detect/index.js";
import { diffSnapshots, snapshotSchema } from "../src/engine/catalog/index.js";
import { openEngine } from "../src/engine/engine.js";
import type { GenerateResult } from "../src/generate/index.js";
import { makeSafe } from "../src/generate/safe.js";
import { loadProject } from "../src/sources/index.js";
import { loadParser, parseSql } from "../src/sql/parse.js";
import type { Migration, Project } from "../src/types.js";
import { WorkingTree } from "../src/workspace/working-tree.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    prisma: { type: "string" },
    limit: { type: "string" },
    skip: { type: "string" },
    json: { type: "string" },
  },
});
const repo = positionals[0];
if (!repo) {
  console.error("usage: tsx scripts/corpus-generate-prisma.ts <repo> [--prisma <dir>] [--limit N] [--json out.json]");
  process.exit(2);
}
const prismaDir = values.prisma ?? "packages/shared/prisma";
const schemaFile = `${prismaDir}/schema.prisma`;
const migrationsDir = `${prismaDir}/migrations`;
const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", maxBuffer: 1 << 28 });

/** Comments Prisma writes: `-- CreateTable`-style headers and its data-loss warnings block. */
const PRISMA_COMMENT = /^-- [A-Z][A-Za-z]+$/;
const DATA_KINDS = new Set(["InsertStmt", "UpdateStmt", "DeleteStmt", "DoStmt", "CreateFunctionStmt", "CopyStmt"]);

function handEdited(sql: string): string | null {
  const withoutWarnings = sql.replace(/^\/\*\s*Warnings:[\s\S]*?\*\/\s*/, "");
  if (!/^-- [A-Z][A-Za-z]+\n/.test(withoutWarnings))
    return "does not start with Prisma's `-- CreateTable`-style header";
  if (/\bIF (NOT )?EXISTS\b/i.test(withoutWarnings)) return "IF [NOT] EXISTS, which Prisma does not write";
  if (/\/\*/.test(withoutWarnings)) return "a block comment Prisma does not write";
  const comment = withoutWarnings
    .split("\n")
    .find((line) => line.trim().startsWith("--") && !PRISMA_COMMENT.test(line.trim()));
  if (comment) return `comment Prisma does not write: ${comment.trim().slice(0, 60)}`;
  const { statements } = parseSql(sql, "migration.sql");
  const data = statements.find((s) => DATA_KINDS.has(s.kind));
  if (data) return `data statement (${data.kind})`;
  if (statements.length === 0) return "empty";
  return null;
}

interface Candidate {
  commit: string;
  parent: string;
  folder: string;
}

function candidates(): { eligible: Candidate[]; skipped: Array<Candidate & { reason: string }> } {
  const eligible: Candidate[] = [];
  const skipped: Array<Candidate & { reason: string }> = [];
  const commits = git("log", "--no-merges", "--format=%H %P", "--reverse", "--", schemaFile).trim().split("\n");
  for (const line of commits) {
    const [commit, parent] = line.split(" ") as [string, string | undefined];
    if (!parent) continue;
    const changes = git("diff", "--name-status", parent, commit, "--", migrationsDir)
      .trim()
      .split("\n")
      .filter(Boolean);
    const added = changes.filter((c) => /^A\t.*\/migration\.sql$/.test(c));
    if (added.length !== 1) continue;
    const folder = path.posix.basename(path.posix.dirname((added[0] as string).split("\t")[1] as string));
    const candidate = { commit, parent, folder };
    if (changes.length !== 1) {
      skipped.push({ ...candidate, reason: "the commit also changes other migration files" });
      continue;
    }
    const sql = git("show", `${commit}:${migrationsDir}/${folder}/migration.sql`);
    const reason = handEdited(sql);
    if (reason) skipped.push({ ...candidate, reason: `hand-edited: ${reason}` });
    else eligible.push(candidate);
  }
  return { eligible, skipped };
}

/** The committed migration is read from a folder sorted after every other (`~` > digits). */
const GENERATED_MARK = "~";

async function projectAt(files: WorkingTree): Promise<Project> {
  const { projects } = await detectProjects(files, defaultConfig());
  const project = projects.find((p) => p.folder === migrationsDir);
  if (!project) throw new Error(`no Prisma project at ${migrationsDir}`);
  return project;
}

async function run(args: string[], flags: Record<string, unknown>, root: string) {
  return generateCommand.run(args, flags, { root, format: "json", trace: false, color: false, log: () => {} });
}

await loadParser();
const { eligible, skipped } = candidates();
// --skip N resumes a run after its first N commits; --limit N takes the N newest.
const chosen = (values.limit ? eligible.slice(-Number(values.limit)) : eligible).slice(Number(values.skip ?? 0));
console.log(
  `${repo}: ${eligible.length + skipped.length} commits changed ${schemaFile} and added one migration; ${skipped.length} skipped:`,
);
for (const s of skipped) console.log(`  skip ${s.commit.slice(0, 8)} ${s.folder}: ${s.reason}`);

const engine = await openEngine({ budgetMs: 60_000, log: () => {} });
/**
 * The engine holds the replay of the previous parent: commits are taken oldest
 * first, so each parent's history is usually the previous one plus a few
 * migrations, replayed on top instead of from scratch.
 */
const empty = await engine.checkpoint();
let applied: string[] = [];
let atParent = empty;
async function replayParent(base: Migration[]) {
  const continues = applied.length <= base.length && applied.every((id, i) => base[i]?.id === id);
  await engine.restore(continues ? atParent : empty);
  await engine.replay(continues ? base.slice(applied.length) : base);
  applied = base.map((m) => m.id);
  atParent = await engine.checkpoint();
  return atParent;
}
const timings = { generate: 0, replay: 0, compare: 0 };
const timed = async <T>(key: keyof typeof timings, work: () => Promise<T>): Promise<T> => {
  const start = Date.now();
  try {
    return await work();
  } finally {
    timings[key] += Date.now() - start;
  }
};

const rows: Array<Record<string, unknown>> = [];
let identical = 0;
let plainIdentical = 0;
let sameText = 0;
const started = Date.now();
for (const { commit, parent, folder } of chosen) {
  const dir = mkdtempSync(path.join(tmpdir(), "gen-corpus-"));
  const row: Record<string, unknown> = { commit, folder };
  try {
    execFileSync("sh", ["-c", `git -C '${repo}' archive ${parent} ${prismaDir} | tar -x -C '${dir}'`]);
    execFileSync("sh", ["-c", "git init -q && git add -A && git -c user.email=c@c -c user.name=c commit -qm parent"], {
      cwd: dir,
    });
    writeFileSync(path.join(dir, schemaFile), git("show", `${commit}:${schemaFile}`));
    const name = folder.slice(15);
    const committedSql = git("show", `${commit}:${migrationsDir}/${folder}/migration.sql`);

    // Read from disk, not through git: a GitRef costs one `git show` per migration file.
    const tree = new WorkingTree(dir);
    const base = (await loadProject(await projectAt(tree), tree, {})).filter((m) => !m.id.startsWith(GENERATED_MARK));
    const committedDir = path.join(dir, migrationsDir, `${GENERATED_MARK}${folder}`);
    mkdirSync(committedDir);
    writeFileSync(path.join(committedDir, "migration.sql"), committedSql);
    const committed = (await loadProject(await projectAt(tree), tree, {})).filter((m) =>
      m.id.startsWith(GENERATED_MARK),
    );
    rmSync(committedDir, { recursive: true });
    const checkpoint = await timed("replay", () => replayParent(base));
    const apply = async (migrations: Migration[]) => {
      await engine.restore(checkpoint);
      const report = await engine.replay(migrations);
      return { failures: report.failures, snapshot: await snapshotSchema((sql) => engine.query(sql)) };
    };
    const compare = async (theirs: Awaited<ReturnType<typeof apply>>, generated: Migration[]) => {
      const ours = await timed("compare", () => apply(generated));
      const differences = diffSnapshots(theirs.snapshot, ours.snapshot);
      const failures = [
        ...theirs.failures.map((f) => `committed: ${f.message}`),
        ...ours.failures.map((f) => `generated: ${f.message}`),
      ];
      return differences.length === 0 && failures.length === 0
        ? null
        : [...failures, ...differences.map((d) => JSON.stringify(d))].join("; ").slice(0, 600);
    };
    const theirs = await timed("compare", () => apply(committed));
    const written = async (flags: Record<string, unknown>) => {
      execFileSync("sh", ["-c", "git clean -qfd"], { cwd: dir });
      const result = (
        await timed("generate", () =>
          run([], { name, write: true, "no-verify": true, "no-drift": true, ...flags }, dir),
        )
      ).data as GenerateResult;
      const after = await loadProject(await projectAt(new WorkingTree(dir)), new WorkingTree(dir), {});
      return { result, generated: after.filter((m) => !base.some((b) => b.id === m.id)) };
    };
    const asPrisma = await written({ plain: true });
    const prismaText = committedSql.replace(/^\/\*\s*Warnings:[\s\S]*?\*\/\s*/, "");
    row.sameText = asPrisma.result.engineSql === prismaText;
    if (row.sameText) sameText++;
    row.plainCause = await compare(theirs, asPrisma.generated);
    if (row.plainCause === null) plainIdentical++;

    // The safe rewrite leaves most changes as Prisma wrote them: then the default run writes the same files.
    const reshaped = makeSafe(asPrisma.result.engineSql, { backfill: {} });
    if (reshaped.notes.length === 0 && reshaped.refusals.length === 0) {
      row.folders = asPrisma.result.files.map((f) => f.path.split("/").at(-2));
      row.outcome = row.plainCause === null ? "identical" : "different";
      row.cause = row.plainCause;
      if (row.outcome === "identical") identical++;
      continue;
    }
    const safe = await written({});
    row.folders = safe.result.files.filter((f) => f.role === "migration").map((f) => f.path.split("/").at(-2));
    row.notes = safe.result.notes;
    if (safe.result.refusals.length > 0) {
      row.outcome = "refused";
      row.cause = safe.result.refusals.map((r) => r.reason).join("; ");
      continue;
    }
    row.cause = await compare(theirs, safe.generated);
    row.outcome = row.cause === null ? "identical" : "different";
    if (row.outcome === "identical") identical++;
  } catch (error) {
    row.outcome = "error";
    row.cause = error instanceof Error ? error.message.split("\n").slice(0, 3).join(" ") : String(error);
  } finally {
    rows.push(row);
    rmSync(dir, { recursive: true, force: true });
    const plainNote = row.plainCause ? ` [plain differs: ${row.plainCause}]` : "";
    console.log(
      `  ${String(row.outcome).padEnd(9)} ${folder}${row.sameText ? "" : " (text differs)"}${row.cause ? ` — ${row.cause}` : ""}${plainNote}`,
    );
  }
}
await engine.close();

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
console.log(
  `\nidentical catalogs, as Prisma wrote it (--plain): ${plainIdentical}/${chosen.length} (${pct(plainIdentical, chosen.length)}); made safe (default): ${identical}/${chosen.length} (${pct(identical, chosen.length)}); Prisma's text byte for byte (--plain): ${sameText}/${chosen.length} (${pct(sameText, chosen.length)}); ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(
  `time: generate ${(timings.generate / 1000).toFixed(0)} s, replay ${(timings.replay / 1000).toFixed(0)} s, apply and compare ${(timings.compare / 1000).toFixed(0)} s`,
);
const rewritten = rows.filter((r) => Array.isArray(r.folders) && (r.folders as string[]).length > 1).length;
console.log(
  `made safe into several migrations: ${rewritten}; refused (NOT NULL with no value for existing rows): ${rows.filter((r) => r.outcome === "refused").length}`,
);
if (values.json) writeFileSync(values.json, JSON.stringify({ eligible: chosen.length, skipped, rows }, null, 2));
