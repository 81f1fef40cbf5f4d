/** How the live database's facts read in every report: table sizes ("41 GB, 310M rows") and drift lines. */
import type { LiveDrift, TableSize } from "../types.js";

const BYTE_UNITS = ["bytes", "kB", "MB", "GB", "TB", "PB"];

/** Binary units as `pg_size_pretty` prints them: `41 GB`, `8192 bytes`, `1.5 MB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, "");
  return `${shown} ${BYTE_UNITS[unit]}`;
}

/** An estimate, so rounded: `310M`, `1.2k`, `42`. */
export function formatRows(rows: number): string {
  const scales: Array<[number, string]> = [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [scale, suffix] of scales) {
    if (rows >= scale) {
      const value = rows / scale;
      return `${value >= 10 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, "")}${suffix}`;
    }
  }
  return String(Math.round(rows));
}

/** `41 GB, 310M rows`; `rows not estimated` until the table was first vacuumed or analysed. */
export function formatTableSize(size: TableSize): string {
  const rows = size.rows === null ? "rows not estimated yet" : `${formatRows(size.rows)} rows`;
  return `${formatBytes(size.bytes)}, ${rows}`;
}

/** The size suffix for a table the lock is on, or nothing when the live database does not have it. */
export function sizeSuffix(table: string, sizes: Record<string, TableSize> | undefined): string {
  const size = sizes?.[table];
  return size ? ` (${formatTableSize(size)})` : "";
}

/** `prisma/migrations: 2 applied, 1 pending (public._prisma_migrations)`, or why nothing is known about what is applied. */
export function appliedSummary(folder: LiveDrift): string {
  const name = folder.folder || ".";
  if (!folder.table) return `${name}: no bookkeeping table found, compared with every migration before this change`;
  return `${name}: ${folder.applied.length} applied, ${folder.pending.length} pending (${folder.table})`;
}
