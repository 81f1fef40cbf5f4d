/**
 * Which migration tools a repository uses, and where, in any number of
 * folders (monorepos): each tool's adapter recognises its own projects
 * (sources/registry.ts). Configured `projects` in .db-migrate.yml win over
 * detection.
 */
import type { Config } from "../config/load.js";
import type { ProjectConfig } from "../config/schema.js";
import type { Detected, ToolAdapter } from "../sources/adapter.js";
import { ANALYSED_DIALECT, dialectFromName, dialectNotice } from "../sources/common/dialect.js";
import { dirOf, displayDir, isWithin, normalizeDir, RepoView } from "../sources/common/repo-view.js";
import { ADAPTERS, adapterFor, type Convention, toolLabels } from "../sources/registry.js";
import { sqlDialect } from "../sources/sql/detect.js";
import type { Notice, Project } from "../types.js";
import type { FileSource } from "../workspace/types.js";

export interface Detection {
  projects: Project[];
  notices: Notice[];
}

/**
 * `named` are folders the user named on the command line: each is analysed
 * even when its files follow no tool's naming (then as plain SQL files in
 * name order, with a notice saying so).
 */
export async function detectProjects(files: FileSource, config: Config, named: string[] = []): Promise<Detection> {
  const repo = await RepoView.open(files);
  const detected = await detectAll(repo, named.map(normalizeDir));
  const result = config.projects.length > 0 ? await applyConfigured(repo, detected, config.projects) : detected;
  for (const project of result.projects) {
    if (
      config.transactional !== undefined &&
      adapterFor(project.convention).transactions.configurable &&
      !config.projects.some((p) => p.transactional !== undefined && isWithin(project.folder, normalizeDir(p.path)))
    ) {
      project.transactional = config.transactional;
      project.evidence.push(`.db-migrate.yml: transactional: ${config.transactional}`);
    }
  }
  if (result.projects.length === 0 && config.projects.length === 0) {
    result.notices.push({
      level: "warning",
      message: `no migrations found in ${files.label} (looked for ${toolLabels().join(", ")}); name the folder under \`projects\` in .db-migrate.yml`,
    });
  }
  for (const project of result.projects) {
    if (project.dialect !== ANALYSED_DIALECT)
      result.notices.push({
        level: "warning",
        message: dialectNotice(project.dialect, displayDir(project.folder)),
        path: project.folder,
      });
  }
  result.projects.sort((a, b) => a.folder.localeCompare(b.folder));
  return result;
}

/**
 * Every adapter's scan, then each folder of `.sql` files no scan claimed,
 * offered to the adapters in registry order. In a folder the user named, the
 * last adapter (plain files) accepts any `.sql` files.
 */
async function detectAll(repo: RepoView, namedFolders: string[] = []): Promise<Detection> {
  const notices: Notice[] = [];
  const claimed: string[] = [];
  const found: Array<{ adapter: ToolAdapter; detected: Detected }> = [];
  for (const adapter of ADAPTERS) {
    if (!adapter.detection.scan) continue;
    for (const detected of await adapter.detection.scan(repo, { claimed, notices })) {
      found.push({ adapter, detected });
      claimed.push(detected.folder);
    }
  }

  const sqlByFolder = new Map<string, string[]>();
  for (const file of repo.files) {
    if (!file.toLowerCase().endsWith(".sql")) continue;
    const folder = dirOf(file);
    if (claimed.some((known) => isWithin(folder, known))) continue;
    const name = folder ? file.slice(folder.length + 1) : file;
    sqlByFolder.set(folder, [...(sqlByFolder.get(folder) ?? []), name]);
  }
  const classified = new Map<ToolAdapter, Detected[]>();
  for (const [folder, names] of sqlByFolder) {
    for (const adapter of ADAPTERS) {
      const detected = await adapter.detection.classify?.(repo, folder, names, namedFolders.includes(folder));
      if (!detected) continue;
      if (detected.notice) notices.push({ level: "warning", message: detected.notice, path: folder });
      classified.set(adapter, [...(classified.get(adapter) ?? []), detected]);
      break;
    }
  }
  for (const [adapter, detections] of classified)
    for (const detected of adapter.detection.consolidate?.(detections) ?? detections) found.push({ adapter, detected });

  const projects: Project[] = [];
  for (const { adapter, detected } of found) projects.push(await toProject(repo, adapter, detected));
  return { projects, notices };
}

async function toProject(repo: RepoView, adapter: ToolAdapter, detected: Detected): Promise<Project> {
  const evidence = [...detected.evidence];
  let dialect = detected.dialect;
  if (!dialect) {
    const found = (await adapter.detection.dialect?.(repo, detected)) ?? (await sqlDialect(repo, detected));
    dialect = found.dialect;
    evidence.push(found.evidence);
  }
  const note = detected.transactionNote ?? adapter.transactions.note;
  if (note) evidence.push(note);
  return {
    tool: adapter.tool,
    convention: adapter.convention as Convention,
    folder: detected.folder,
    dialect,
    transactional: detected.transactional ?? adapter.transactions.default,
    files: detected.files,
    evidence,
    ...(detected.schemaPath ? { schemaPath: detected.schemaPath } : {}),
  };
}

/**
 * Each configured entry names a folder: the detected project at or inside it
 * (or, for tools whose projects own their subfolders, around it), with the
 * entry's tool, convention, dialect and transactional settings applied.
 */
async function applyConfigured(repo: RepoView, detected: Detection, entries: ProjectConfig[]): Promise<Detection> {
  const projects: Project[] = [];
  const notices: Notice[] = [];
  for (const entry of entries) {
    const folder = normalizeDir(entry.path);
    let matches = detected.projects.filter(
      (project) =>
        isWithin(project.folder, folder) ||
        (adapterFor(project.convention).detection.ownsSubfolders === true && isWithin(folder, project.folder)),
    );
    if (entry.tool) matches = matches.filter((project) => project.tool === entry.tool);
    if (entry.convention) matches = matches.filter((project) => project.convention === entry.convention);
    if (matches.length === 0) {
      const relaxed = await detectAll(repo, [folder]);
      notices.push(...relaxed.notices.filter((notice) => notice.path === folder));
      matches = relaxed.projects.filter(
        (project) => project.folder === folder && (!entry.convention || project.convention === entry.convention),
      );
    }
    if (matches.length === 0 && (entry.convention || entry.tool === "sql")) {
      const adapter = adapterFor(entry.convention ?? "plain");
      matches = [
        {
          tool: adapter.tool,
          convention: adapter.convention as Convention,
          folder,
          dialect: ANALYSED_DIALECT,
          transactional: adapter.transactions.default,
          files: [],
          evidence: [`.db-migrate.yml: ${displayDir(folder)} is configured as ${adapter.convention}`],
        },
      ];
    }
    if (matches.length === 0) {
      notices.push({
        level: "error",
        message: `.db-migrate.yml: projects: ${entry.path}: no migrations found there (set \`convention\` to say how the files are laid out)`,
        path: entry.path,
      });
      continue;
    }
    for (const match of matches) {
      if (projects.some((known) => known.folder === match.folder)) continue;
      const project: Project = { ...match, evidence: [...match.evidence, `.db-migrate.yml: projects: ${entry.path}`] };
      if (entry.dialect) project.dialect = dialectFromName(entry.dialect);
      if (entry.transactional !== undefined) project.transactional = entry.transactional;
      projects.push(project);
    }
  }
  notices.push(
    ...detected.notices.filter(
      (notice) => !notice.path || projects.some((p) => isWithin(notice.path as string, p.folder)),
    ),
  );
  return { projects, notices };
}
