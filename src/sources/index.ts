/**
 * Sources: a detected project's files to the ordered Migration list of its
 * tool, with statements pointing at the lines the author wrote.
 */
import { loadParser } from "../sql/parse.js";
import type { Migration, Project } from "../types.js";
import type { FileSource } from "../workspace/types.js";
import { loadSql } from "./sql/index.js";
import type { ReadOptions } from "./sql/read.js";

export interface LoadOptions {
  templateVars?: Record<string, string>;
  maxFileBytes?: number;
  /** Parses shared between the loads of one run (see ReadOptions). */
  parseCache?: ReadOptions["parseCache"];
  exclude?: string[];
  /**
   * Forces the transaction mode of a raw-SQL project. detectProjects already
   * applies .db-migrate.yml (`transactional`, then each project's own), so
   * pass this only to override those.
   */
  transactional?: boolean;
}

/** The project's migrations, ordered as its tool applies them. Never throws for a bad file: it carries a problem. */
export async function loadProject(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  await loadParser();
  const effective: Project =
    options.transactional !== undefined && project.tool === "sql"
      ? { ...project, transactional: options.transactional }
      : project;
  switch (effective.tool) {
    // Loaded on demand: the Python and Prisma readers are only needed for their own projects.
    case "alembic":
      return (await import("./alembic/index.js")).loadAlembic(effective, files, options);
    case "prisma":
      return (await import("./prisma/index.js")).loadPrisma(effective, files, options);
    default:
      return loadSql(effective, files, options);
  }
}
