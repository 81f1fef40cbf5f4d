/**
 * The files a PR changes: `pulls.listFiles`, paginated. GitHub stops that list
 * at 3,000 files; past it, `git diff` on the checkout's history is the source.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { GitHubClient } from "./client.js";

const run = promisify(execFile);

/** GitHub's cap on `pulls.listFiles`. */
export const LIST_FILES_CAP = 3000;

export interface ChangedFiles {
  /** Repo-relative paths, including the old path of a rename. */
  files: string[];
  source: "api" | "git";
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  pullNumber: number;
  baseSha: string;
  headSha: string;
  /** `changed_files` from the payload, when known: past the cap, skip straight to git. */
  changedFileCount?: number;
}

export async function listChangedFiles(client: GitHubClient, pr: PullRequestRef, root: string): Promise<ChangedFiles> {
  if ((pr.changedFileCount ?? 0) < LIST_FILES_CAP) {
    const entries = await client.paginate(client.rest.pulls.listFiles, {
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.pullNumber,
      per_page: 100,
    });
    if (entries.length < LIST_FILES_CAP) {
      const files = new Set<string>();
      for (const entry of entries) {
        files.add(entry.filename);
        if (entry.previous_filename) files.add(entry.previous_filename);
      }
      return { files: [...files].sort(), source: "api" };
    }
  }
  return { files: await gitChangedFiles(root, pr.baseSha, pr.headSha), source: "git" };
}

async function gitChangedFiles(root: string, baseSha: string, headSha: string): Promise<string[]> {
  try {
    const { stdout } = await run("git", ["diff", "--name-only", "-z", "--no-renames", `${baseSha}...${headSha}`], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout.split("\0").filter(Boolean).sort();
  } catch (error) {
    throw new Error(
      `the PR changes more than ${LIST_FILES_CAP} files, past what the GitHub API lists, and \`git diff ${baseSha.slice(0, 12)}...${headSha.slice(0, 12)}\` failed in ${root}: check out with \`fetch-depth: 0\` (${error instanceof Error ? error.message.split("\n")[0] : error})`,
    );
  }
}
