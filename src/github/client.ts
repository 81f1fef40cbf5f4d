/**
 * The Octokit the action and the bot use: @actions/github's client (proxy
 * aware, GITHUB_API_URL) with the retry and throttling plugins, as GitHub asks
 * integrations to back off on 5xx and rate limits.
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { VERSION } from "../version.js";

export interface ClientOptions {
  /** REST API root; defaults to GITHUB_API_URL (GHES) or api.github.com. */
  baseUrl?: string;
  log?: (message: string) => void;
  /** Milliseconds multiplied by retryCount² between retries of a 5xx. */
  retryAfterBaseValue?: number;
  /** Spacing of writes to stay under GitHub's secondary rate limits (on by default). */
  throttle?: boolean;
}

/** Retries after a primary or secondary rate limit before giving up. */
const RATE_LIMIT_RETRIES = 2;

export function createClient(token: string, options: ClientOptions = {}) {
  const log = options.log ?? (() => {});
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      log(`GitHub ${kind} rate limit on ${request.method} ${request.url}; retry ${retryCount + 1} in ${retryAfter}s`);
      return retryCount < RATE_LIMIT_RETRIES;
    };
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com",
      userAgent: `db-migrate/${VERSION}`,
      retry: { retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
      throttle: {
        enabled: options.throttle ?? true,
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
      },
    },
    retry,
    throttling,
  );
}

export type GitHubClient = ReturnType<typeof createClient>;
