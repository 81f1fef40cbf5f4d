import { readFileSync } from "node:fs";
import path from "node:path";
import { glob } from "tinyglobby";
import type { FileSource } from "./types.js";

const IGNORED = ["**/node_modules/**", "**/.git/**", "**/.venv/**", "**/venv/**", "**/__pycache__/**", "**/dist/**"];

/** Files as they are on disk below `root`. */
export class WorkingTree implements FileSource {
  readonly label = "working tree";
  constructor(readonly root: string) {}

  async list(dir: string): Promise<string[]> {
    const files = await glob(dir ? `${dir.replace(/\/$/, "")}/**/*` : "**/*", {
      cwd: this.root,
      ignore: IGNORED,
      dot: true,
      onlyFiles: true,
    });
    return files.sort();
  }

  async read(file: string): Promise<Buffer | null> {
    // Migration files are small and read one after another: a synchronous read skips the thread-pool round trip.
    try {
      return readFileSync(path.join(this.root, file));
    } catch {
      return null;
    }
  }
}
