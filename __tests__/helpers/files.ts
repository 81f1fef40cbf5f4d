/** Test helper: a FileSource over an in-memory map of repo-relative paths to contents. */
import type { FileSource } from "../../src/workspace/types.js";

export function memoryFiles(contents: Record<string, string | Buffer>, label = "memory"): FileSource {
  const paths = Object.keys(contents).sort();
  return {
    label,
    async list(dir: string) {
      if (!dir) return paths;
      const prefix = `${dir.replace(/\/$/, "")}/`;
      return paths.filter((path) => path.startsWith(prefix));
    },
    async read(path: string) {
      const value = contents[path];
      if (value === undefined) return null;
      return typeof value === "string" ? Buffer.from(value, "utf8") : value;
    },
  };
}
