/**
 * Sticky comments: one per migration folder, found by its hidden marker and
 * the bot's own login (so a user quoting the marker is never overwritten),
 * across every page of comments, and updated in place. Two runs racing can
 * both create one; the copies are removed, keeping the oldest.
 */
import type { GitHubClient } from "./client.js";
import { isPermissionDenied } from "./errors.js";
import type { CommentMode } from "./inputs.js";

export interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface StickyComment {
  id: number;
  body: string;
  url: string;
}

export type StickyOutcome =
  | { action: "created" | "updated" | "unchanged"; url: string; duplicatesRemoved: number }
  | { action: "skipped"; reason: string }
  | { action: "denied"; reason: string }
  /** GitHub kept failing (5xx, rate limit) after the client's retries. */
  | { action: "failed"; reason: string };

/** The GITHUB_TOKEN acts as this user; a PAT or app token reports its own login. */
export const ACTIONS_BOT_LOGIN = "github-actions[bot]";

/** Who the token posts as: `GET /user` works for PATs; installation tokens get 403 and are the Actions bot. */
export async function botLogin(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if (isPermissionDenied(error)) return ACTIONS_BOT_LOGIN;
    throw error;
  }
}

/** Every db-migrate comment the bot left on the PR, oldest first (all pages). */
export async function listStickyComments(
  client: GitHubClient,
  issue: IssueRef,
  login: string,
): Promise<StickyComment[]> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: issue.owner,
    repo: issue.repo,
    issue_number: issue.issueNumber,
    per_page: 100,
  });
  return comments
    .filter((c) => c.user?.login === login && (c.body ?? "").startsWith(MARKER_PREFIX))
    .sort((a, b) => a.id - b.id)
    .map((c) => ({ id: c.id, body: c.body ?? "", url: c.html_url }));
}

const MARKER_PREFIX = "<!-- db-migrate:";

/** The marker line a sticky comment starts with. */
export function markerOf(body: string): string {
  return body.split("\n", 1)[0] ?? "";
}

/**
 * Creates or updates the folder's comment according to the `comment` input:
 * `always`; `on-findings` (creates only with findings, but keeps an existing
 * one current so it never shows stale errors); `update-only`; `never`.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  issue: IssueRef,
  options: {
    marker: string;
    body: string;
    login: string;
    mode: CommentMode;
    hasFindings: boolean;
    /** The bot's comments, listed once per run (listStickyComments). */
    existing: StickyComment[];
  },
): Promise<StickyOutcome> {
  if (options.mode === "never") return { action: "skipped", reason: "`comment: never`" };
  const withMarker = (comments: StickyComment[]) => comments.filter((c) => markerOf(c.body) === options.marker);
  try {
    const [first, ...copies] = withMarker(options.existing);
    if (!first) {
      if (options.mode === "update-only")
        return { action: "skipped", reason: "`comment: update-only` and no comment yet" };
      if (options.mode === "on-findings" && !options.hasFindings)
        return { action: "skipped", reason: "`comment: on-findings` and nothing found" };
      const { data } = await client.rest.issues.createComment({
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.issueNumber,
        body: options.body,
      });
      // A concurrent run may have created one too: keep the oldest, carrying this run's body.
      const now = withMarker(await listStickyComments(client, issue, options.login));
      if (now.length > 1) return await keepOldest(client, issue, now, options.body);
      return { action: "created", url: data.html_url, duplicatesRemoved: 0 };
    }
    const removed = await deleteComments(client, issue, copies);
    if (first.body === options.body) return { action: "unchanged", url: first.url, duplicatesRemoved: removed };
    await client.rest.issues.updateComment({
      owner: issue.owner,
      repo: issue.repo,
      comment_id: first.id,
      body: options.body,
    });
    return { action: "updated", url: first.url, duplicatesRemoved: removed };
  } catch (error) {
    if (isPermissionDenied(error))
      return { action: "denied", reason: "the token cannot write PR comments (read-only token, e.g. a fork PR)" };
    throw error;
  }
}

async function keepOldest(
  client: GitHubClient,
  issue: IssueRef,
  comments: StickyComment[],
  body: string,
): Promise<StickyOutcome> {
  const [oldest, ...copies] = comments as [StickyComment, ...StickyComment[]];
  const removed = await deleteComments(client, issue, copies);
  if (oldest.body !== body)
    await client.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: oldest.id, body });
  return { action: "updated", url: oldest.url, duplicatesRemoved: removed };
}

async function deleteComments(client: GitHubClient, issue: IssueRef, comments: StickyComment[]): Promise<number> {
  for (const comment of comments)
    await client.rest.issues.deleteComment({ owner: issue.owner, repo: issue.repo, comment_id: comment.id });
  return comments.length;
}

/** A plain reply (command answers). Returns its URL, or null when the token may not comment. */
export async function replyComment(client: GitHubClient, issue: IssueRef, body: string): Promise<string | null> {
  try {
    const { data } = await client.rest.issues.createComment({
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.issueNumber,
      body,
    });
    return data.html_url;
  } catch (error) {
    if (isPermissionDenied(error)) return null;
    throw error;
  }
}
