import { describe, expect, it } from "vitest";
import { decodeSourceFile } from "../../src/sql/input.js";

describe("decodeSourceFile", () => {
  it("decodes UTF-8 and drops a byte-order mark", () => {
    expect(decodeSourceFile(Buffer.from("\uFEFFSELECT 'é';"), "a.sql")).toEqual({ ok: true, text: "SELECT 'é';" });
  });

  it("refuses a binary file, naming the offset", () => {
    const result = decodeSourceFile(Buffer.from([0x53, 0x45, 0x00, 0x01]), "blob.sql");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ rule: "unreadable-file", path: "blob.sql" });
    if (!result.ok) expect(result.problem.message).toContain("NUL byte at offset 2");
  });

  it("refuses invalid UTF-8, naming the line of the first bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("SELECT 1;\nSELECT '"), Buffer.from([0xe9]), Buffer.from("';\n")]);
    const result = decodeSourceFile(bytes, "latin1.sql");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.span.line).toBe(2);
      expect(result.problem.message).toContain("offset 18");
    }
  });

  it("refuses a file over the size limit", () => {
    const result = decodeSourceFile(Buffer.alloc(2048, 0x20), "big.sql", 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/over the .* limit/);
  });
});
