/**
 * A FileSource over one commit fetched whole through the API: the repository
 * tarball at a pinned SHA, one request however many files a command reads.
 * The bot uses it in the privileged `issue_comment` context, where a PR's
 * code (maybe from a fork) must never be checked out or run, only read as
 * data; reading it blob by blob cost a request per file (1,114 for `history`
 * on a 285-migration repository, past a workflow token's 1,000 an hour).
 */
import { gunzipSync } from "node:zlib";
import { unpackTar } from "modern-tar";
import type { FileSource } from "../workspace/types.js";
import type { GitHubClient } from "./client.js";

/** Files above this are kept as names only and read one by one if a command asks (readers refuse them anyway). */
const LARGEST_KEPT_FILE = 16 * 1024 * 1024;

export class ApiSnapshot implements FileSource {
  readonly label: string;
  private snapshot: Promise<Snapshot> | undefined;

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
    readonly sha: string,
  ) {
    this.label = `github:${sha.slice(0, 12)}`;
  }

  async list(dir: string): Promise<string[]> {
    const all = (await this.load()).paths;
    if (!dir) return all;
    const prefix = `${dir.replace(/\/$/, "")}/`;
    return all.filter((file) => file.startsWith(prefix));
  }

  async read(path: string): Promise<Buffer | null> {
    const snapshot = await this.load();
    const content = snapshot.files.get(path);
    if (content !== undefined) return content;
    if (!snapshot.large.has(path)) return null;
    const { data } = await this.client.rest.repos.getContent({
      owner: this.owner,
      repo: this.repo,
      path,
      ref: this.sha,
      mediaType: { format: "raw" },
    });
    return Buffer.from(data as unknown as ArrayBuffer);
  }

  private load(): Promise<Snapshot> {
    this.snapshot ??= this.download();
    return this.snapshot;
  }

  private async download(): Promise<Snapshot> {
    // GitHub answers with a redirect to codeload; fetch follows it.
    const { data } = await this.client.rest.repos.downloadTarballArchive({
      owner: this.owner,
      repo: this.repo,
      ref: this.sha,
    });
    const archive = gunzipSync(Buffer.from(data as ArrayBuffer));
    const files = new Map<string, Buffer>();
    const large = new Set<string>();
    // Every entry sits under one `<owner>-<repo>-<sha>/` folder.
    for (const entry of await unpackTar(archive, { strip: 1 })) {
      if (entry.header.type !== "file" || !entry.header.name) continue;
      if (entry.header.size > LARGEST_KEPT_FILE) large.add(entry.header.name);
      else files.set(entry.header.name, Buffer.from(entry.data ?? new Uint8Array()));
    }
    const paths = [...files.keys(), ...large].sort();
    return { files, large, paths };
  }
}

interface Snapshot {
  files: Map<string, Buffer>;
  large: Set<string>;
  paths: string[];
}
