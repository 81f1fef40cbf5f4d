/**
 * A FileSource over the GitHub REST API at one pinned commit: the git trees
 * API lists the files, the blobs API reads them. The bot uses it in the
 * privileged `issue_comment` context, where a PR's code (maybe from a fork)
 * must never be checked out or run, only read as data.
 */
import type { FileSource } from "../workspace/types.js";
import type { GitHubClient } from "./client.js";

export class ApiFiles implements FileSource {
  readonly label: string;
  private tree: Promise<Map<string, string>> | undefined;
  /** Blob contents by sha: sources read the same file more than once (detection, loading, history). */
  private readonly contents = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly client: GitHubClient,
    private readonly owner: string,
    private readonly repo: string,
    readonly sha: string,
  ) {
    this.label = `github:${sha.slice(0, 12)}`;
  }

  async list(dir: string): Promise<string[]> {
    const all = [...(await this.blobs()).keys()].sort();
    if (!dir) return all;
    const prefix = `${dir.replace(/\/$/, "")}/`;
    return all.filter((file) => file.startsWith(prefix));
  }

  async read(path: string): Promise<Buffer | null> {
    const blobSha = (await this.blobs()).get(path);
    if (!blobSha) return null;
    let content = this.contents.get(blobSha);
    if (!content) {
      content = this.client.rest.git
        .getBlob({ owner: this.owner, repo: this.repo, file_sha: blobSha })
        .then(({ data }) => Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8"));
      this.contents.set(blobSha, content);
    }
    return content;
  }

  /** path → blob sha for every file in the commit. */
  private blobs(): Promise<Map<string, string>> {
    this.tree ??= this.readTree(this.sha, "");
    return this.tree;
  }

  /** One recursive request; when GitHub truncates it (huge repos), walk the subtrees one by one. */
  private async readTree(treeSha: string, prefix: string): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    const recursive = prefix === "";
    const { data } = await this.client.rest.git.getTree({
      owner: this.owner,
      repo: this.repo,
      tree_sha: treeSha,
      ...(recursive ? { recursive: "true" } : {}),
    });
    if (recursive && !data.truncated) {
      for (const entry of data.tree)
        if (entry.type === "blob" && entry.path && entry.sha) files.set(entry.path, entry.sha);
      return files;
    }
    const shallow = recursive
      ? (await this.client.rest.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: treeSha })).data.tree
      : data.tree;
    for (const entry of shallow) {
      if (!entry.path || !entry.sha) continue;
      const path = `${prefix}${entry.path}`;
      if (entry.type === "blob") files.set(path, entry.sha);
      else if (entry.type === "tree")
        for (const [file, sha] of await this.readTree(entry.sha, `${path}/`)) files.set(file, sha);
    }
    return files;
  }
}

/** A FileSource seen from a subfolder (the action's `working-directory`). */
export function scopedFiles(source: FileSource, directory: string): FileSource {
  if (!directory) return source;
  const prefix = `${directory.replace(/\/$/, "")}/`;
  return {
    label: `${source.label}:${directory}`,
    async list(dir: string) {
      const files = await source.list(dir ? `${prefix}${dir}` : prefix.slice(0, -1));
      return files.map((file) => file.slice(prefix.length));
    },
    read: (file: string) => source.read(`${prefix}${file}`),
  };
}
