import { describe, expect, it } from "vitest";
import { formatBytes, formatRows, formatTableSize } from "../../src/report/live-database.js";

describe("live table sizes as the comment shows them", () => {
  it("prints bytes in binary units like pg_size_pretty", () => {
    expect(formatBytes(8192)).toBe("8 kB");
    expect(formatBytes(500)).toBe("500 bytes");
    expect(formatBytes(1.5 * 1024 ** 2)).toBe("1.5 MB");
    expect(formatBytes(41 * 1024 ** 3)).toBe("41 GB");
  });

  it("rounds the row estimate", () => {
    expect(formatRows(310_000_000)).toBe("310M");
    expect(formatRows(1234)).toBe("1.2k");
    expect(formatRows(42)).toBe("42");
  });

  it("says when the table has no estimate yet", () => {
    expect(formatTableSize({ bytes: 41 * 1024 ** 3, rows: 310e6 })).toBe("41 GB, 310M rows");
    expect(formatTableSize({ bytes: 8192, rows: null })).toBe("8 kB, rows not estimated yet");
  });
});
