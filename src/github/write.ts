/**
 * The write path: commit files a command generated (setup's
 * `.db-migrate.yml`, later rollback patches and new migrations) to the PR
 * branch through the API. One file goes through the contents API; several go
 * as one commit through the git data API. Either way the commit is made on
 * top of the PR head the command read, so a branch that moved meanwhile makes
 * GitHub refuse the write instead of losing someone's push.
 */
import type { GitHubClient } from "./client.js";

export interface FileWrite {
  path: string;
  content: string;
}

export interface BranchTarget {
  owner: string;
  repo: string;
  branch: string;
  /** The PR head the command ran against. */
  expectedHeadSha: string;
}

export interface CommitResult {
  sha: string;
  url: string;
  api: "contents" | "git";
}

export async function commitFiles(
  client: GitHubClient,
  target: BranchTarget,
  files: FileWrite[],
  message: string,
): Promise<CommitResult> {
  if (files.length === 0) throw new Error("nothing to commit");
  const { data: ref } = await client.rest.git.getRef({
    owner: target.owner,
    repo: target.repo,
    ref: `heads/${target.branch}`,
  });
  if (ref.object.sha !== target.expectedHeadSha)
    throw new Error(
      `the branch \`${target.branch}\` moved to ${ref.object.sha.slice(0, 7)} after this command read ${target.expectedHeadSha.slice(0, 7)}; run the command again`,
    );
  if (files.length === 1) return commitOneFile(client, target, files[0]!, message);

  const { data: headCommit } = await client.rest.git.getCommit({
    owner: target.owner,
    repo: target.repo,
    commit_sha: target.expectedHeadSha,
  });
  const { data: tree } = await client.rest.git.createTree({
    owner: target.owner,
    repo: target.repo,
    base_tree: headCommit.tree.sha,
    tree: files.map((file) => ({
      path: file.path,
      mode: "100644" as const,
      type: "blob" as const,
      content: file.content,
    })),
  });
  const { data: commit } = await client.rest.git.createCommit({
    owner: target.owner,
    repo: target.repo,
    message,
    tree: tree.sha,
    parents: [target.expectedHeadSha],
  });
  // Not forced: GitHub refuses (422) if the branch is no longer at the parent.
  await client.rest.git.updateRef({
    owner: target.owner,
    repo: target.repo,
    ref: `heads/${target.branch}`,
    sha: commit.sha,
    force: false,
  });
  return { sha: commit.sha, url: commit.html_url, api: "git" };
}

async function commitOneFile(
  client: GitHubClient,
  target: BranchTarget,
  file: FileWrite,
  message: string,
): Promise<CommitResult> {
  const existingSha = await blobShaAt(client, target, file.path);
  const { data } = await client.rest.repos.createOrUpdateFileContents({
    owner: target.owner,
    repo: target.repo,
    path: file.path,
    branch: target.branch,
    message,
    content: Buffer.from(file.content, "utf8").toString("base64"),
    ...(existingSha ? { sha: existingSha } : {}),
  });
  return { sha: data.commit.sha ?? "", url: data.commit.html_url ?? "", api: "contents" };
}

async function blobShaAt(client: GitHubClient, target: BranchTarget, path: string): Promise<string | undefined> {
  try {
    const { data } = await client.rest.repos.getContent({
      owner: target.owner,
      repo: target.repo,
      path,
      ref: target.expectedHeadSha,
    });
    return Array.isArray(data) ? undefined : data.sha;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}
