import { strongest } from "../../sql/locks.js";
import type { TraceRule } from "../types.js";

/**
 * An existing table or index got a new relfilenode: PostgreSQL copied every
 * row (or rebuilt the index from every row) while holding its lock.
 */
export const observedRewrite: TraceRule = {
  kind: "trace",
  meta: {
    id: "observed-rewrite",
    category: "trace",
    severity: "error",
    enabledByDefault: true,
    summary: "a table or index was rewritten on the embedded PostgreSQL (its relfilenode changed)",
    lock: "AccessExclusiveLock",
  },
  check(statement) {
    if (statement.error) return [];
    const rewritten = statement.rewrites.filter((r) => r.existedBefore);
    const tables = rewritten.filter((r) => r.kind === "table" || r.kind === "matview");
    const indexes = rewritten.filter((r) => r.kind === "index");
    if (tables.length === 0 && indexes.length === 0) return [];
    const mode =
      strongest(statement.locks.filter((l) => l.kind !== "index").map((l) => l.mode)) ?? "AccessExclusiveLock";
    const rebuilt = indexes.length > 0 ? `rebuilt index ${indexes.map((r) => `\`${r.relation}\``).join(", ")}` : "";
    const tableList = tables.map((r) => `\`${r.relation}\``).join(", ");
    return [
      {
        message:
          tables.length > 0
            ? `rewrote table ${tableList} (every row copied to a new file${rebuilt ? `; ${rebuilt}` : ""}), under ${mode}`
            : `${rebuilt} (a new file built from every row)`,
        fix:
          tables.length > 0
            ? "add a new column, backfill it in batches and switch over, instead of changing the table in place"
            : "build a new index with CREATE INDEX CONCURRENTLY and swap it in (or REINDEX … CONCURRENTLY), instead of rebuilding in place",
        lock: mode,
        ...(tables.length === 0 ? { severity: "warning" as const } : {}),
        foldedText:
          tables.length > 0 ? `confirmed on PostgreSQL: rewrote ${tableList}` : `confirmed on PostgreSQL: ${rebuilt}`,
      },
    ];
  },
};
