/**
 * Read-only access to a repository's files at one point in time: the working
 * tree, a git ref, or (in the action) the GitHub API at a pinned SHA. Sources
 * and detection read only through this, so the same code serves every face.
 */
export interface FileSource {
  /** e.g. `working tree`, `git:origin/main`, `github:abc123`. */
  readonly label: string;
  /** Every file below `dir` (repo-relative posix paths, sorted). `""` is the root. */
  list(dir: string): Promise<string[]>;
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Buffer | null>;
}
