/**
 * The Octokit the action and the bot use: @actions/github's client (proxy
 * aware, GITHUB_API_URL) with the retry and throttling plugins, as GitHub asks
 * integrations to back off on 5xx and rate limits.
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { VERSION } from "../version.js";

type ThrottleGroup = NonNullable<
  Extract<NonNullable<Parameters<typeof throttling>[1]["throttle"]>, { onRateLimit: unknown }>["write"]
>;

export interface ClientOptions {
  /** REST API root; defaults to GITHUB_API_URL (GHES) or api.github.com. */
  baseUrl?: string;
  log?: (message: string) => void;
  /**
   * The backoff scale, in milliseconds: a 5xx is retried after scale × retry²,
   * a rate limit after scale × the seconds GitHub asks for. Tests pass 0, so
   * nothing sleeps; the waits asked for still reach `log`.
   */
  retryAfterBaseValue?: number;
  /** Spacing of writes to stay under GitHub's secondary rate limits (on by default). */
  throttle?: boolean;
  /**
   * The throttle's schedulers (Bottleneck groups) for writes and for writes
   * that notify, in place of its own (1 s and 3 s apart): tests pass groups
   * with no spacing, so they meet rate limits without sleeping.
   */
  throttleGroups?: { write: ThrottleGroup; notifications: ThrottleGroup };
}

/** Retries of a 5xx (1 + 4 + 9 + 16 s) and of a rate limit before giving up. */
const SERVER_ERROR_RETRIES = 4;
const RATE_LIMIT_RETRIES = 4;
/** A primary limit can ask to wait up to an hour: past this, give up and report instead of holding the job. */
const LONGEST_RATE_LIMIT_WAIT_SECONDS = 120;

export function createClient(token: string, options: ClientOptions = {}) {
  const log = options.log ?? (() => {});
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const retry = retryCount < RATE_LIMIT_RETRIES && retryAfter <= LONGEST_RATE_LIMIT_WAIT_SECONDS;
      log(
        retry
          ? `GitHub ${kind} rate limit on ${request.method} ${request.url}; retry ${retryCount + 1} in ${retryAfter}s`
          : `GitHub ${kind} rate limit on ${request.method} ${request.url}; giving up after ${retryCount} retries (asked to wait ${retryAfter}s)`,
      );
      return retry;
    };
  const scale = options.retryAfterBaseValue ?? 1000;
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com",
      userAgent: `db-migrate/${VERSION}`,
      retry: { retries: SERVER_ERROR_RETRIES, retryAfterBaseValue: scale },
      throttle: {
        enabled: options.throttle ?? true,
        retryAfterBaseValue: scale,
        ...options.throttleGroups,
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
      },
    },
    retry,
    throttling,
  );
}

export type GitHubClient = ReturnType<typeof createClient>;
