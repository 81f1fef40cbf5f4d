/**
 * Who may run `/db-migrate` commands: the commenter's permission on the
 * repository, asked of GitHub (`author_association` says nothing about
 * permission for members of an org without access, nor for outside collaborators).
 */
import type { GitHubClient } from "./client.js";
import type { PermissionLevel } from "./inputs.js";

const RANK: Record<PermissionLevel | "none", number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

export async function commenterPermission(
  client: GitHubClient,
  owner: string,
  repo: string,
  username: string,
): Promise<PermissionLevel | "none"> {
  const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
  // role_name distinguishes triage/maintain, which `permission` folds into read/write.
  const role = (data as { role_name?: string }).role_name ?? data.permission;
  return role in RANK ? (role as PermissionLevel | "none") : "none";
}

export function hasPermission(actual: PermissionLevel | "none", required: PermissionLevel): boolean {
  return RANK[actual] >= RANK[required];
}

export type Reaction = "eyes" | "rocket" | "confused";

export async function react(
  client: GitHubClient,
  owner: string,
  repo: string,
  commentId: number,
  content: Reaction,
): Promise<void> {
  await client.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content });
}
