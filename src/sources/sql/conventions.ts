/**
 * File-name grammar of each raw-SQL convention and the order its tool applies
 * migrations in. Shared by detection (which convention is this folder?) and
 * loading (which file is which migration, and in what order).
 */
import type { Convention } from "../../types.js";

export type SqlConvention = Extract<Convention, "flyway" | "golang-migrate" | "diesel" | "dbmate" | "sqitch" | "plain">;

/** Flyway: `V1__init.sql`, `V1.1__x.sql`, `V2_1__x.sql`, `U1__init.sql` (undo), `R__views.sql` (repeatable). */
export const FLYWAY_FILE = /^(?<prefix>[VUR])(?<version>[0-9][0-9._]*)?__(?<description>.+)\.sql$/i;
/** golang-migrate: `<version>_<title>.up.sql` / `.down.sql`, version an unsigned integer (often a timestamp). */
export const GOLANG_MIGRATE_FILE = /^(?<version>\d+)_(?<title>.*)\.(?<direction>up|down)\.sql$/;
/** diesel: `<version>_<name>/up.sql`, version digits with `-` or `_` separators (`2019-02-26-002946`). */
export const DIESEL_DIR = /^(?<version>\d[\d-]*?\d?)_(?<name>.+)$/;
/** dbmate: `<version>_<name>.sql`, version digits (a timestamp by default). */
export const DBMATE_FILE = /^(?<version>\d+)_(?<name>.+)\.sql$/;
/** Plain numbered files: `001_init.sql`, `0002-add-users.sql`, `3.sql`. */
export const PLAIN_FILE = /^(?<version>\d+)(?:[_\-. ](?<name>.*))?\.sql$/;

export const DBMATE_UP = /^--\s*migrate:up\b(?<options>.*)$/m;
export const DBMATE_DOWN = /^--\s*migrate:down\b(?<options>.*)$/m;

/** goose annotations in numbered files: `-- +goose Up`, `-- +goose Down`, `-- +goose NO TRANSACTION`. */
export const GOOSE_UP = /^--\s*\+goose\s+Up\b(?<options>.*)$/im;
export const GOOSE_DOWN = /^--\s*\+goose\s+Down\b(?<options>.*)$/im;
export const GOOSE_NO_TRANSACTION = /^--\s*\+goose\s+NO\s+TRANSACTION\b/im;

/** Flyway's version parts: `1.2.10` and `1_2_10` both are [1, 2, 10]. */
export function flywayVersionParts(version: string): bigint[] {
  return version
    .split(/[._]/)
    .filter((part) => part !== "")
    .map((part) => BigInt(part));
}

/** Compares version part lists numerically; missing trailing parts count as 0 (`1` = `1.0`). */
export function compareVersionParts(a: bigint[], b: bigint[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Numeric comparison of digit strings of any length. */
export function compareNumeric(a: string, b: string): number {
  const x = BigInt(a.replace(/\D/g, "") || "0");
  const y = BigInt(b.replace(/\D/g, "") || "0");
  return x === y ? 0 : x < y ? -1 : 1;
}

/** A sort key that orders as the tool does when compared as strings: zero-padded digits. */
export function paddedKey(version: string): string {
  return version
    .split(/[._-]/)
    .map((part) => part.padStart(20, "0"))
    .join(".");
}
