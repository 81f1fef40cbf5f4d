/** Listing a raw-SQL project's files, and keeping the files its tool will not run. */
import path from "node:path/posix";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { LoadOptions } from "../adapter.js";
import { loadUpFile } from "./migration.js";
import { excludeMatcher, type ReadOptions } from "./read.js";

/** Every file below the project's folder, minus `exclude`. */
export async function projectFiles(project: Project, files: FileSource, options: LoadOptions): Promise<string[]> {
  const excluded = excludeMatcher(options.exclude);
  return (await files.list(project.folder)).filter((file) => !excluded(file));
}

/** The `.sql` files directly inside the project's folder. */
export function topLevelSql(project: Project, all: string[]): string[] {
  return all.filter((file) => path.dirname(file) === (project.folder || ".") && file.toLowerCase().endsWith(".sql"));
}

/** A path relative to the project's folder. */
export function relativeTo(project: Project, file: string): string {
  return project.folder ? file.slice(project.folder.length + 1) : file;
}

/** A file the tool will not run: loaded (so it is still analysed and pointed at) and marked with why. */
export async function strayFile(
  project: Project,
  files: FileSource,
  file: string,
  options: ReadOptions,
  why: string,
): Promise<Migration> {
  const { text: _text, ...migration } = await loadUpFile(
    project,
    files,
    { id: file, name: path.basename(file), path: file, order: "", unrecognized: why },
    options,
  );
  return migration;
}
