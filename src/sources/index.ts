/**
 * Sources: a detected project's files to the ordered Migration list of its
 * tool, with statements pointing at the lines the author wrote.
 */
import { loadParser } from "../sql/parse.js";
import type { Migration, Project } from "../types.js";
import type { FileSource } from "../workspace/types.js";
import type { LoadOptions } from "./adapter.js";
import { adapterFor } from "./registry.js";

export type { LoadOptions } from "./adapter.js";

/** The project's migrations, ordered as its tool applies them. Never throws for a bad file: it carries a problem. */
export async function loadProject(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> {
  await loadParser();
  const adapter = adapterFor(project.convention);
  const effective: Project =
    options.transactional !== undefined && adapter.transactions.configurable
      ? { ...project, transactional: options.transactional }
      : project;
  return adapter.load(effective, files, options);
}
