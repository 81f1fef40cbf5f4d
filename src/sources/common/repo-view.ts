/** A cached, filtered view of a FileSource for detection: one listing, texts read once. */
import path from "node:path/posix";
import type { FileSource } from "../../workspace/types.js";

/** Folders that hold dependencies, build output or virtualenvs, never a project's own migrations. */
const IGNORED_SEGMENTS = new Set([
  "node_modules",
  ".git",
  ".venv",
  "venv",
  "__pycache__",
  "site-packages",
  ".tox",
  "vendor",
  "dist",
  "target",
  ".next",
]);

export class RepoView {
  private readonly texts = new Map<string, Promise<string | null>>();
  private readonly present: Set<string>;

  private constructor(
    readonly source: FileSource,
    readonly files: string[],
  ) {
    this.present = new Set(files);
  }

  static async open(source: FileSource, dir = ""): Promise<RepoView> {
    const listed = await source.list(dir);
    return new RepoView(
      source,
      listed.filter((file) => !file.split("/").some((segment) => IGNORED_SEGMENTS.has(segment))),
    );
  }

  has(file: string): boolean {
    return this.present.has(file);
  }

  /** Files strictly below `dir` (any depth). */
  under(dir: string): string[] {
    if (!dir || dir === ".") return this.files;
    const prefix = `${dir.replace(/\/$/, "")}/`;
    return this.files.filter((file) => file.startsWith(prefix));
  }

  /** Files directly inside `dir`. */
  children(dir: string): string[] {
    return this.under(dir).filter((file) => dirOf(file) === normalizeDir(dir));
  }

  /** Whether any file lives below `dir`. */
  isDir(dir: string): boolean {
    const prefix = `${normalizeDir(dir)}/`;
    return this.files.some((file) => file.startsWith(prefix));
  }

  /** The file as UTF-8 text, or null when absent or unreadable. */
  text(file: string): Promise<string | null> {
    let pending = this.texts.get(file);
    if (!pending) {
      pending = this.source.read(file).then((bytes) => (bytes ? bytes.toString("utf8") : null));
      this.texts.set(file, pending);
    }
    return pending;
  }
}

export function dirOf(file: string): string {
  const dir = path.dirname(file);
  return dir === "." ? "" : dir;
}

export function normalizeDir(dir: string): string {
  const normal = path.normalize(dir).replace(/\/$/, "");
  return normal === "." ? "" : normal;
}

/** Joins repo-relative parts; "" is the root. */
export function joinPath(...parts: string[]): string {
  return normalizeDir(path.join(...parts.map((part) => part || ".")));
}

/** `child` is `parent` or lies below it. */
export function isWithin(child: string, parent: string): boolean {
  if (!parent) return true;
  return child === parent || child.startsWith(`${parent}/`);
}

/** Shown in evidence and messages: the root is `.`. */
export function displayDir(dir: string): string {
  return dir || ".";
}
