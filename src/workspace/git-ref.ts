import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { FileSource } from "./types.js";

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

/** Files as they are at a git ref, read with `git ls-tree` / `git show` (no checkout). */
export class GitRef implements FileSource {
  readonly label: string;
  private listing: Promise<string[]> | undefined;

  constructor(
    readonly root: string,
    readonly ref: string,
  ) {
    this.label = `git:${ref}`;
  }

  /** Throws a clear error when the ref does not exist. */
  static async open(root: string, ref: string): Promise<GitRef> {
    try {
      await run("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { cwd: root });
    } catch {
      throw new Error(`--base ${ref}: no such git ref in ${root} (fetch it first, e.g. \`git fetch origin ${ref}\`)`);
    }
    return new GitRef(root, ref);
  }

  async list(dir: string): Promise<string[]> {
    this.listing ??= run("git", ["ls-tree", "-r", "--name-only", "-z", this.ref], {
      cwd: this.root,
      maxBuffer: MAX_BUFFER,
    }).then(({ stdout }) => stdout.split("\0").filter(Boolean).sort());
    const all = await this.listing;
    if (!dir) return all;
    const prefix = `${dir.replace(/\/$/, "")}/`;
    return all.filter((file) => file.startsWith(prefix));
  }

  async read(file: string): Promise<Buffer | null> {
    try {
      // `./` keeps the path relative to the working folder, as `ls-tree` lists it from a subfolder.
      const { stdout } = await run("git", ["show", `${this.ref}:./${file}`], {
        cwd: this.root,
        encoding: "buffer",
        maxBuffer: MAX_BUFFER,
      });
      return stdout;
    } catch {
      return null;
    }
  }
}
