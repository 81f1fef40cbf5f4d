import { type ChildProcessByStdio, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { promisify } from "node:util";
import type { FileSource } from "./types.js";

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

/**
 * Files as they are at a git ref, without a checkout and in at most three git
 * processes however long the history: `rev-parse` checks the ref, one
 * `ls-tree -r` lists every file with its blob id, and one long-lived
 * `cat-file --batch` reads the blobs. A file whose working-tree bytes hash to
 * the ref's blob id (most of a PR's base) is read from disk, not from git.
 */
export class GitRef implements FileSource {
  readonly label: string;
  private listing: Promise<Map<string, string>> | undefined;
  private blobs: BlobReader | undefined;

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
    const all = [...(await this.tree()).keys()];
    if (!dir) return all;
    const prefix = `${dir.replace(/\/$/, "")}/`;
    return all.filter((file) => file.startsWith(prefix));
  }

  async read(file: string): Promise<Buffer | null> {
    const blob = (await this.tree()).get(file);
    if (!blob) return null;
    const onDisk = readIfSame(path.join(this.root, file), blob);
    if (onDisk) return onDisk;
    this.blobs ??= new BlobReader(this.root);
    return this.blobs.read(blob);
  }

  /** Ends the `cat-file` process (it also ends on its own when the run exits). */
  close(): void {
    this.blobs?.close();
    this.blobs = undefined;
  }

  /** path → blob id for every file at the ref, paths relative to `root` (ls-tree lists from the working folder). */
  private tree(): Promise<Map<string, string>> {
    this.listing ??= run("git", ["ls-tree", "-r", "-z", this.ref], { cwd: this.root, maxBuffer: MAX_BUFFER }).then(
      ({ stdout }) => {
        const entries = new Map<string, string>();
        for (const record of stdout.split("\0")) {
          // `<mode> SP <type> SP <object> TAB <path>`; submodules are `commit` entries, not files.
          const tab = record.indexOf("\t");
          if (tab < 0) continue;
          const [, type, object] = record.slice(0, tab).split(" ");
          if (type === "blob" && object) entries.set(record.slice(tab + 1), object);
        }
        return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      },
    );
    return this.listing;
  }
}

/** Git's blob id of some bytes: sha1 of `blob <size>\0<bytes>` (SHA-1 repositories, git's default). */
export function gitBlobId(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** The working-tree file when its bytes are exactly the blob's (no filters applied in between), else null. */
function readIfSame(file: string, blob: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  return gitBlobId(bytes) === blob ? bytes : null;
}

interface Pending {
  resolve: (bytes: Buffer | null) => void;
  reject: (error: Error) => void;
}

/**
 * One `git cat-file --batch` for the whole run: blob ids go in on stdin, and
 * `<id> blob <size>\n<bytes>\n` (or `<id> missing\n`) come back in order. The
 * process holds the event loop only while a read is pending.
 */
class BlobReader {
  private readonly child: ChildProcessByStdio<Writable, Readable, null>;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(root: string) {
    this.child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "ignore"] });
    this.child.stdout.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const request of this.pending.splice(0)) request.reject(error);
    };
    this.child.on("error", fail);
    this.child.on("exit", (code) => fail(new Error(`git cat-file --batch exited (${code ?? "signal"})`)));
    this.child.stdin.on("error", fail);
    this.idle();
  }

  read(blob: string): Promise<Buffer | null> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) this.busy();
      this.pending.push({ resolve, reject });
      this.child.stdin.write(`${blob}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  private drain(): void {
    for (;;) {
      const request = this.pending[0];
      const newline = this.buffer.indexOf(10);
      if (!request || newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      const [, type, sizeText] = header.split(" ");
      if (type !== "blob") {
        // `<id> missing` (or not a blob): the ref does not have it.
        this.buffer = this.buffer.subarray(newline + 1);
        this.settle()?.resolve(null);
        continue;
      }
      const size = Number(sizeText);
      const end = newline + 1 + size;
      if (this.buffer.length < end + 1) return;
      const bytes = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.settle()?.resolve(bytes);
    }
  }

  private settle(): Pending | undefined {
    const request = this.pending.shift();
    if (this.pending.length === 0) this.idle();
    return request;
  }

  private busy(): void {
    this.child.ref();
    (this.child.stdout as Readable & { ref?: () => void }).ref?.();
  }

  private idle(): void {
    this.child.unref();
    (this.child.stdout as Readable & { unref?: () => void }).unref?.();
    (this.child.stdin as Writable & { unref?: () => void }).unref?.();
  }
}
