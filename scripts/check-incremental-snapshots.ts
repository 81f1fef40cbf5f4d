/**
 * Proof run for the incremental schema reads (src/engine/catalog/incremental.ts):
 * replays a real history statement by statement on PGlite and, after every
 * statement that can change the schema, compares the incremental read with a
 * full one. Prints the statements where they differ (there should be none)
 * and how many reads were partial.
 * Usage: node --import tsx scripts/check-incremental-snapshots.ts <repo root> <migrations folder> [--from N]
 */
import { parseArgs } from "node:util";
import { CatalogTracker } from "../src/engine/catalog/incremental.js";
import { snapshotSchema } from "../src/engine/catalog/snapshot.js";
import { openEngine } from "../src/engine/engine.js";
import { requestedExtensions } from "../src/engine/extensions.js";
import { changesSchema, isTransactionControl } from "../src/engine/statements.js";
import { analyze } from "../src/pipeline.js";
import { executableSql } from "../src/rollback/verify.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { from: { type: "string", default: "0" } },
});
const [root, folder] = positionals as [string, string];
const analysis = await analyze([folder], { root, format: "json", trace: false, color: false });
const history = [...analysis.history.values()].find((m) => m.length > 0) ?? [];
const from = Number(values.from);
const engine = await openEngine({ extensions: requestedExtensions(history) });
const session = engine.verifier();
// The history before --from is replayed as is; the comparison covers the rest.
await engine.replay(history.slice(0, from));
const tracker = new CatalogTracker((sql) => session.query(sql));
await tracker.full();
let compared = 0;
let failedStatements = 0;
const mismatches: string[] = [];
/** Statement kinds (first words) whose read fell back to a full one. */
const readInFull = new Map<string, number>();
const started = performance.now();
for (const migration of history.slice(from)) {
  for (const statement of migration.statements) {
    const sql = executableSql(statement);
    if (sql === null || isTransactionControl(statement)) continue;
    try {
      await session.exec(sql);
    } catch {
      failedStatements++;
      continue;
    }
    if (!changesSchema(statement)) continue;
    const fullBefore = tracker.reads.full;
    const incremental = JSON.stringify(await tracker.read());
    if (tracker.reads.full > fullBefore) {
      const kind = statement.sql.replace(/\s+/g, " ").trim().split(" ").slice(0, 3).join(" ").toUpperCase();
      readInFull.set(kind, (readInFull.get(kind) ?? 0) + 1);
    }
    const full = JSON.stringify(await snapshotSchema((q) => session.query(q)));
    compared++;
    if (incremental !== full) {
      mismatches.push(`${migration.path}:${statement.span.line}`);
      await tracker.full();
    }
  }
}
await engine.close();
console.log(
  `${history.length - from} migrations, ${compared} statements compared, ${failedStatements} failed to run, reads: ${tracker.reads.full} full, ${tracker.reads.partial} incremental; ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(
  `read in full after: ${[...readInFull]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ×${n}`)
    .join(", ")}`,
);
console.log(
  mismatches.length === 0 ? "incremental = full after every statement" : `MISMATCH at:\n${mismatches.join("\n")}`,
);
process.exitCode = mismatches.length === 0 ? 0 : 1;
