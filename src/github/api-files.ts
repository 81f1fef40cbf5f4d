/** A FileSource seen from a subfolder (the action's `working-directory`). */
import type { FileSource } from "../workspace/types.js";

export function scopedFiles(source: FileSource, directory: string): FileSource {
  if (!directory) return source;
  const prefix = `${directory.replace(/\/$/, "")}/`;
  return {
    label: `${source.label}:${directory}`,
    async list(dir: string) {
      const files = await source.list(dir ? `${prefix}${dir}` : prefix.slice(0, -1));
      return files.map((file) => file.slice(prefix.length));
    },
    read: (file: string) => source.read(`${prefix}${file}`),
  };
}
