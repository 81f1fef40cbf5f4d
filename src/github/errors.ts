/** Telling GitHub's refusals apart: a read-only token (fork PRs) is expected, not a failure. */

export function httpStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}

/**
 * 403 is what a read-only GITHUB_TOKEN gets for writes (fork PRs, missing
 * `permissions:`), but GitHub also answers 403 to a rate limit: that one is
 * not a permission.
 */
export function isPermissionDenied(error: unknown): boolean {
  return httpStatus(error) === 403 && !isRateLimited(error);
}

/** A primary (remaining 0) or secondary rate limit, as 403 or 429. */
export function isRateLimited(error: unknown): boolean {
  const status = httpStatus(error);
  if (status === 429) return true;
  if (status !== 403) return false;
  const { message, response } = error as { message?: string; response?: { headers?: Record<string, string> } };
  return /rate limit/i.test(message ?? "") || response?.headers?.["x-ratelimit-remaining"] === "0";
}

/** Why a request failed, in a few words for the summary. */
export function failureReason(error: unknown): string {
  const status = httpStatus(error);
  if (isRateLimited(error)) return `GitHub's rate limit (${status}), still refused after retries`;
  if (status !== undefined && status >= 500) return `GitHub answered ${status}, still failing after retries`;
  return status !== undefined ? `GitHub answered ${status}: ${errorMessage(error)}` : errorMessage(error);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
