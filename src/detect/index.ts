/**
 * Which migration tools a repository uses, and where: Alembic, Prisma and the
 * raw-SQL conventions, in any number of folders (monorepos). Configured
 * `projects` in .db-migrate.yml win over detection.
 */
import type { Config } from "../config/load.js";
import type { ProjectConfig } from "../config/schema.js";
import type { Notice, Project } from "../types.js";
import type { FileSource } from "../workspace/types.js";
import { detectAlembic } from "./alembic.js";
import { ANALYSED_DIALECT, dialectFromName, dialectNotice } from "./dialect.js";
import { detectPrisma } from "./prisma.js";
import { displayDir, isWithin, normalizeDir, RepoView } from "./repo.js";
import { DEFAULT_TRANSACTIONAL, detectSql } from "./sql.js";

export interface Detection {
  projects: Project[];
  notices: Notice[];
}

export async function detectProjects(files: FileSource, config: Config): Promise<Detection> {
  const repo = await RepoView.open(files);
  const detected = await detectAll(repo);
  const result = config.projects.length > 0 ? await applyConfigured(repo, detected, config.projects) : detected;
  for (const project of result.projects) {
    if (
      config.transactional !== undefined &&
      project.tool === "sql" &&
      !config.projects.some((p) => p.transactional !== undefined && isWithin(project.folder, normalizeDir(p.path)))
    ) {
      project.transactional = config.transactional;
      project.evidence.push(`.db-migrate.yml: transactional: ${config.transactional}`);
    }
  }
  if (result.projects.length === 0 && config.projects.length === 0) {
    result.notices.push({
      level: "warning",
      message: `no migrations found in ${files.label} (looked for Alembic, Prisma, Flyway, golang-migrate, diesel, dbmate, sqitch and numbered SQL files); name the folder under \`projects\` in .db-migrate.yml`,
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

async function detectAll(repo: RepoView, relaxedFolder?: string): Promise<Detection> {
  const alembic = await detectAlembic(repo);
  const prisma = await detectPrisma(repo);
  const notices = [...prisma.notices];
  const taken = [...alembic, ...prisma.projects].map((project) => project.folder);
  const sql = await detectSql(repo, taken, relaxedFolder);
  for (const project of alembic) {
    if (!repo.under(project.folder).some((file) => file.endsWith(".py")))
      notices.push({
        level: "info",
        message: `${displayDir(project.folder)}: the Alembic versions folder has no revisions yet`,
        path: project.folder,
      });
  }
  return { projects: [...alembic, ...prisma.projects, ...sql], notices };
}

/**
 * Each configured entry names a folder: the detected project at or inside it
 * (or whose versions folder it is), with the entry's tool, convention,
 * dialect and transactional settings applied.
 */
async function applyConfigured(repo: RepoView, detected: Detection, entries: ProjectConfig[]): Promise<Detection> {
  const projects: Project[] = [];
  const notices: Notice[] = [];
  for (const entry of entries) {
    const folder = normalizeDir(entry.path);
    let matches = detected.projects.filter(
      (project) => isWithin(project.folder, folder) || (project.tool === "alembic" && isWithin(folder, project.folder)),
    );
    if (entry.tool) matches = matches.filter((project) => project.tool === entry.tool);
    if (entry.convention) matches = matches.filter((project) => project.convention === entry.convention);
    if (matches.length === 0) {
      const relaxed = await detectAll(repo, folder);
      matches = relaxed.projects.filter(
        (project) => project.folder === folder && (!entry.convention || project.convention === entry.convention),
      );
    }
    if (matches.length === 0 && (entry.convention || entry.tool === "sql")) {
      const convention = entry.convention ?? "plain";
      matches = [
        {
          tool: convention === "alembic" ? "alembic" : convention === "prisma" ? "prisma" : "sql",
          convention,
          folder,
          dialect: ANALYSED_DIALECT,
          transactional: convention === "alembic" || convention === "prisma" ? true : DEFAULT_TRANSACTIONAL[convention],
          files: [],
          evidence: [`.db-migrate.yml: ${displayDir(folder)} is configured as ${convention}`],
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
