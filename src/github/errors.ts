/** Telling GitHub's refusals apart: a read-only token (fork PRs) is expected, not a failure. */

export function httpStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}

/** 403 is what a read-only GITHUB_TOKEN gets for writes (fork PRs, missing `permissions:`). */
export function isPermissionDenied(error: unknown): boolean {
  return httpStatus(error) === 403;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
