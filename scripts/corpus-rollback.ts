/**
 * Measures rollbacks on a real repository's whole history: every migration is
 * applied on top of the ones before it, its rollback generated and verified by
 * round trip, and the project's own down scripts verified the same way.
 *
 *   npx tsx scripts/corpus-rollback.ts /tmp/corpus/LemmyNet+lemmy [--json out.json] [--limit N] [--budget-seconds S]
 *
 * Prints the rate of verified generated rollbacks among migrations with no
 * irreversible part, every failure with its cause, and how often the
 * project's own down scripts verify.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyze } from "../src/pipeline.js";
import { rollbackChanges } from "../src/rollback/index.js";
import type { RollbackResult } from "../src/types.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: "string" }, limit: { type: "string" }, "budget-seconds": { type: "string" } },
});
const root = positionals[0];
if (!root) {
  console.error("usage: tsx scripts/corpus-rollback.ts <repo-dir> [--json out.json] [--limit N] [--budget-seconds S]");
  process.exit(2);
}

const started = Date.now();
const analysis = await analyze([], { root, format: "json", trace: false, color: false, log: () => {} });
const report: Record<string, unknown>[] = [];
for (const project of analysis.projects) {
  const all = analysis.history.get(project.folder) ?? [];
  const history = values.limit ? all.slice(0, Number(values.limit)) : all;
  console.log(`${project.folder}: ${project.tool}/${project.convention}, ${history.length} migrations`);
  const output = await rollbackChanges(
    { history, targets: history, pgVersion: analysis.pgVersion, verify: true },
    {
      log: (m) => process.stderr.write(`${m}\n`),
      // The patch is made against the files as they are, so it shows which missing downs it fills.
      readFile: (file) => readFile(path.join(root, file), "utf8").catch(() => null),
      ...(values["budget-seconds"] ? { engine: { budgetMs: Number(values["budget-seconds"]) * 1000 } } : {}),
    },
  );
  const generated = output.rollbacks.filter((r) => r.origin === "generated");
  const authored = output.rollbacks.filter((r) => r.origin === "author");
  const verdicts = (list: RollbackResult[]) => {
    const counts = new Map<string, number>();
    for (const r of list) counts.set(r.verification, (counts.get(r.verification) ?? 0) + 1);
    return [...counts].map(([verdict, n]) => `${verdict} ${n}`).join(", ");
  };
  console.log(`  verdicts, generated: ${verdicts(generated)}`);
  console.log(`  verdicts, the project's own: ${verdicts(authored)}`);
  for (const r of [...generated, ...authored].filter((x) => x.verification === "verified-schema-needs-data-check"))
    console.log(
      `    needs data check (${r.origin}): ${r.path}: ${(r.dataChecks ?? []).map((c) => `${c.query}${c.error ? "" : " [not seeded]"}`).join("; ")}`,
    );
  for (const r of [...generated, ...authored].filter((x) => x.verification === "not-verifiable"))
    console.log(
      `    not verifiable (${r.origin}): ${r.path}: ${(r.unanalyzed ?? []).map((u) => `line ${u.line}`).join(", ")}`,
    );
  const notApplied = generated.filter((r) => r.verification === "not-run");
  const reversible = generated.filter((r) => r.verification !== "not-run" && r.irreversible.length === 0);
  const verified = reversible.filter((r) => r.verification === "verified");
  const withLoss = generated.filter((r) => r.verification !== "not-run" && r.irreversible.length > 0);
  const lossVerified = withLoss.filter((r) => r.verification === "verified");
  const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
  const cause = (r: RollbackResult) => r.error ?? (r.differences ?? []).join("; ");

  console.log(`  migrations applied: ${generated.length - notApplied.length} of ${generated.length}`);
  for (const r of notApplied) console.log(`    not applied: ${r.path}: ${r.error}`);
  console.log(
    `  generated rollback, no irreversible part: ${verified.length}/${reversible.length} verified (${pct(verified.length, reversible.length)})`,
  );
  for (const r of reversible.filter((x) => x.verification !== "verified"))
    console.log(`    ${r.verification}: ${r.path}: ${cause(r)}`);
  console.log(
    `  generated rollback, with an irreversible part (schema restored, data gap noted): ${lossVerified.length}/${withLoss.length} verified (${pct(lossVerified.length, withLoss.length)})`,
  );
  for (const r of withLoss.filter((x) => x.verification !== "verified"))
    console.log(`    ${r.verification}: ${r.path}: ${cause(r)}`);
  // Migrations whose down is missing or empty: does the patch fill it, and does what it fills in verify?
  const missing = history.filter((m) => m.statements.length > 0 && !m.unrecognized && (!m.down || m.down.empty));
  const filling = missing.map((m) => generated.find((r) => r.path === m.path && r.diff));
  const filled = filling.filter((r): r is RollbackResult => r !== undefined);
  console.log(
    `  no (or an empty) down: ${missing.length}; the patch fills ${filled.length}, of which ${filled.filter((r) => r.verification === "verified").length} verified (${pct(filled.filter((r) => r.verification === "verified").length, filled.length)})`,
  );
  for (const [i, m] of missing.entries()) if (!filling[i]) console.log(`    not filled: ${m.path}`);
  const authorVerified = authored.filter((r) => r.verification === "verified");
  console.log(
    `  the project's own down scripts: ${authorVerified.length}/${authored.length} verified (${pct(authorVerified.length, authored.length)}); mismatch ${authored.filter((r) => r.verification === "mismatch").length}, fails ${authored.filter((r) => r.verification === "fails").length}`,
  );
  for (const r of authored.filter((x) => x.verification !== "verified"))
    console.log(`    ${r.verification}: ${r.path}: ${cause(r).slice(0, 300)}`);
  for (const notice of output.notices.filter((n) => n.level === "info")) console.log(`  notice: ${notice.message}`);
  report.push({
    folder: project.folder,
    rollbacks: output.rollbacks,
    findings: output.findings,
    notices: output.notices,
  });
}
console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (values.json) await writeFile(values.json, JSON.stringify(report, null, 2));
