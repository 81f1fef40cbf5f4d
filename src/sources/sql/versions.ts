/** Version comparisons shared by the raw-SQL tools, in the order each tool applies migrations. */

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

/** A digits-only version as a number would compare (`001` = `1`); other ids unchanged. */
export function numericVersionKey(id: string): string {
  return /^\d+$/.test(id) ? BigInt(id).toString() : id;
}
