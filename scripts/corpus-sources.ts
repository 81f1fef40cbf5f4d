/**
 * Measures detection, loading and `setup` on real repositories:
 * `npx tsx scripts/corpus-sources.ts <repo-root>… [--verbose]`.
 * For each repository: the projects detected (tool, folder, dialect,
 * transactions), per project the migration files on disk versus the files
 * loaded, load problems by rule, history-rule findings by rule, heads, and
 * whether the `.db-migrate.yml` that `setup` generates loads the same projects.
 */
import path from "node:path";
import { type SetupResult, setupCommand } from "../src/commands/setup.js";
import { defaultConfig, parseConfig } from "../src/config/load.js";
import { detectProjects } from "../src/detect/index.js";
import { analyzeHistory } from "../src/rules/run.js";
import { resolveRuleSettings } from "../src/rules/settings.js";
import { loadProject } from "../src/sources/index.js";
import type { Migration, Project } from "../src/types.js";
import { WorkingTree } from "../src/workspace/working-tree.js";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const roots = args.filter((arg) => !arg.startsWith("--"));
if (roots.length === 0) {
  console.error("usage: tsx scripts/corpus-sources.ts <repo-root>… [--verbose]");
  process.exit(2);
}

const settings = resolveRuleSettings({});

/** Files in the folder the project's tool would read: SQL, and Python revisions for Alembic. */
function candidates(project: Project, all: string[]): string[] {
  return all.filter((file) =>
    project.tool === "alembic"
      ? file.endsWith(".py") && !file.endsWith("__init__.py")
      : file.toLowerCase().endsWith(".sql") &&
        !(project.convention === "sqitch" && file.includes("/verify/")) &&
        !/(^|\/)verify\//.test(file),
  );
}

function countBy<T>(items: T[], key: (item: T) => string): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([name, count]) => `${name} ${count}`).join(", ") || "none";
}

async function measure(root: string): Promise<void> {
  const files = new WorkingTree(root);
  const started = Date.now();
  const detection = await detectProjects(files, defaultConfig());
  console.log(
    `\n== ${path.basename(root)}: ${detection.projects.length} project(s), detected in ${Date.now() - started} ms`,
  );
  for (const notice of detection.notices) console.log(`   notice (${notice.level}): ${notice.message}`);
  const loaded = new Map<string, Migration[]>();
  for (const project of detection.projects) {
    const t0 = Date.now();
    const migrations = await loadProject(project, files, {});
    loaded.set(project.folder, migrations);
    const read = new Set(migrations.flatMap((m) => [m.path, ...(m.down ? [m.down.path] : [])]));
    const onDisk = candidates(project, await files.list(project.folder));
    const missed = onDisk.filter((file) => !read.has(file));
    const problems = migrations.flatMap((m) => m.problems);
    const findings = analyzeHistory({ project, migrations, base: null, deleted: [] }, settings);
    const graph = migrations.filter((m) => !m.unrecognized && !m.repeatable);
    const referenced = new Set(graph.flatMap((m) => m.parents));
    const heads = graph.filter((m) => !referenced.has(m.id)).map((m) => m.id);
    const statements = migrations.reduce((n, m) => n + m.statements.length, 0);
    console.log(
      `-- ${project.folder || "."}: ${project.tool}/${project.convention}, ${project.dialect}, transactional ${project.transactional}`,
    );
    console.log(
      `   migrations ${migrations.length} (${migrations.filter((m) => m.down).length} with a down), statements ${statements}, loaded in ${Date.now() - t0} ms`,
    );
    console.log(
      `   files: ${onDisk.length} on disk, ${onDisk.length - missed.length} read${missed.length ? `; not read: ${missed.slice(0, 5).join(", ")}${missed.length > 5 ? " …" : ""}` : ""}`,
    );
    console.log(`   unrecognized (tool skips them): ${migrations.filter((m) => m.unrecognized).length}`);
    console.log(`   load problems: ${countBy(problems, (p) => p.rule)}`);
    console.log(`   history findings: ${countBy(findings, (f) => f.rule)}`);
    console.log(`   heads: ${heads.length} (${heads.slice(0, 3).join(", ")})`);
    if (verbose) for (const why of project.evidence) console.log(`   evidence: ${why}`);
    if (verbose)
      for (const problem of problems.slice(0, 20))
        console.log(`   ${problem.path}:${problem.span.line} ${problem.rule}: ${problem.message}`);
  }

  const setup = await setupCommand.run([], {}, { root, format: "json", trace: false, color: false, files });
  const config = parseConfig((setup.data as SetupResult).config, ".db-migrate.yml");
  const configured = await detectProjects(files, config);
  const same = configured.projects.map((p) => p.folder).join("|") === detection.projects.map((p) => p.folder).join("|");
  let migrationsMatch = true;
  for (const project of configured.projects) {
    const again = await loadProject(project, files, {});
    if (again.length !== loaded.get(project.folder)?.length) migrationsMatch = false;
  }
  console.log(
    `   setup: .db-migrate.yml with ${config.projects.length} project(s); loading with it: ${same && migrationsMatch ? "same projects and migrations" : "DIFFERENT"}`,
  );
}

for (const root of roots) await measure(path.resolve(root));
