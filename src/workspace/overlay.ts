import type { FileSource } from "./types.js";

/** Another file source with some files added or replaced: what the tree would be after a write. */
export class OverlayFiles implements FileSource {
  readonly label: string;
  constructor(
    private readonly under: FileSource,
    private readonly files: ReadonlyMap<string, string>,
  ) {
    this.label = `${under.label} + ${files.size} generated file${files.size === 1 ? "" : "s"}`;
  }

  async list(dir: string): Promise<string[]> {
    const prefix = dir ? `${dir.replace(/\/$/, "")}/` : "";
    const added = [...this.files.keys()].filter((file) => file.startsWith(prefix));
    return [...new Set([...(await this.under.list(dir)), ...added])].sort();
  }

  async read(file: string): Promise<Buffer | null> {
    const content = this.files.get(file);
    return content === undefined ? this.under.read(file) : Buffer.from(content, "utf8");
  }
}
