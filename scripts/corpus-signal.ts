/**
 * How much a reviewer has to read: replays each of the last N migrations of a
 * project as its own PR (the history before it as the base) through the whole
 * analysis with `--trace`, and reports findings per PR migration.
 *
 *   npx tsx scripts/corpus-signal.ts <repo>… [--last 30] [--out pairs.json]
 *   npx tsx scripts/corpus-signal.ts --diff before.json after.json
 *
 * Per repo: findings per PR migration (median, p90), statements with more than
 * one finding about the same lock, the share of generic findings, and findings
 * outside the PR's files. `--out` writes every (statement, hazard) pair so two
 * runs (before/after a change) can be compared with `--diff`, which lists each
 * pair that disappeared and whether another finding still covers its statement.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { analyze } from "../src/pipeline.js";
import type { Finding, Migration } from "../src/types.js";
import type { FileSource } from "../src/workspace/types.js";
import { WorkingTree } from "../src/workspace/working-tree.js";

/** Findings that say something true of almost every DDL statement rather than of this one. */
const GENERIC = new Set([
  "missing-lock-timeout",
  "missing-statement-timeout",
  "lock-held-across-statements",
  "observed-blocking-lock",
]);

interface PairRecord {
  repo: string;
  migration: string;
  statement: string;
  rule: string;
  severity: string;
  lock: string | null;
  source: string;
  /** Rules the gate folded into this finding (after the change), when it says so. */
  merged?: string[];
  message: string;
}

interface RepoFigures {
  repo: string;
  project: string;
  prs: number;
  perMigration: number[];
  sameLock: number;
  generic: number;
  total: number;
  outside: number;
  byRule: Record<string, number>;
}

const args = process.argv.slice(2);
if (args[0] === "--diff") {
  diff(args[1] as string, args[2] as string);
  process.exit(0);
}
const last = Number(option("--last") ?? 30);
const out = option("--out");
const repos = args.filter((a, i) => !a.startsWith("--") && !["--last", "--out"].includes(args[i - 1] ?? ""));
if (repos.length === 0) {
  console.error("usage: tsx scripts/corpus-signal.ts <repo>… [--last 30] [--out pairs.json]");
  process.exit(2);
}

function option(name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The working tree with some paths hidden, its listings cached (the tree does not change between runs). */
class MaskedTree implements FileSource {
  readonly label: string;
  constructor(
    private readonly tree: CachedTree,
    private readonly hidden: string[],
    label: string,
  ) {
    this.label = label;
  }
  private isHidden(file: string): boolean {
    return this.hidden.some((h) => file === h || file.startsWith(`${h}/`));
  }
  async list(dir: string): Promise<string[]> {
    return (await this.tree.list(dir)).filter((f) => !this.isHidden(f));
  }
  async read(file: string): Promise<Buffer | null> {
    return this.isHidden(file) ? null : this.tree.read(file);
  }
}

class CachedTree {
  private readonly lists = new Map<string, Promise<string[]>>();
  constructor(private readonly tree: WorkingTree) {}
  list(dir: string): Promise<string[]> {
    let listed = this.lists.get(dir);
    if (!listed) {
      listed = this.tree.list(dir);
      this.lists.set(dir, listed);
    }
    return listed;
  }
  read(file: string): Promise<Buffer | null> {
    return this.tree.read(file);
  }
}

/** What to hide so a migration is gone: its own folder (Prisma, diesel) or its files. */
function footprint(migration: Migration, folder: string): string[] {
  const dir = path.posix.dirname(migration.path);
  if (dir !== folder && dir.startsWith(`${folder}/`)) return [dir];
  return [migration.path, ...(migration.down && migration.down.path !== migration.path ? [migration.down.path] : [])];
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function statementKey(f: Finding): string {
  return `${f.path}:${f.line}`;
}

async function measure(root: string, pairs: PairRecord[]): Promise<RepoFigures> {
  const repo = path.basename(root);
  const tree = new CachedTree(new WorkingTree(root));
  const whole = await analyze([], {
    root,
    format: "json",
    trace: false,
    color: false,
    files: new MaskedTree(tree, [], "working tree"),
  });
  const [folder, history] = [...whole.history].sort((a, b) => b[1].length - a[1].length)[0] as [string, Migration[]];
  const ordered = history.filter((m) => !m.repeatable && !m.unrecognized);
  const chosen = ordered.slice(-last);
  const figures: RepoFigures = {
    repo,
    project: folder,
    prs: 0,
    perMigration: [],
    sameLock: 0,
    generic: 0,
    total: 0,
    outside: 0,
    byRule: {},
  };
  for (const target of chosen) {
    const at = ordered.indexOf(target);
    const later = ordered.slice(at + 1).flatMap((m) => footprint(m, folder));
    const head = new MaskedTree(tree, later, "head");
    const base = new MaskedTree(tree, [...later, ...footprint(target, folder)], "base");
    const started = performance.now();
    const analysis = await analyze([folder], {
      root,
      format: "json",
      trace: true,
      color: false,
      files: head,
      baseFiles: base,
    });
    const mine = new Set(analysis.targets.flatMap((m) => [m.path, ...(m.down ? [m.down.path] : [])]));
    const inPr = analysis.result.findings.filter((f) => mine.has(f.path));
    figures.prs += 1;
    figures.perMigration.push(inPr.length);
    figures.total += inPr.length;
    figures.outside += analysis.result.findings.length - inPr.length;
    figures.generic += inPr.filter((f) => GENERIC.has(f.rule)).length;
    const byStatement = new Map<string, Finding[]>();
    for (const f of inPr) {
      figures.byRule[f.rule] = (figures.byRule[f.rule] ?? 0) + 1;
      byStatement.set(statementKey(f), [...(byStatement.get(statementKey(f)) ?? []), f]);
      pairs.push({
        repo,
        migration: target.path,
        statement: statementKey(f),
        rule: f.rule,
        severity: f.severity,
        lock: f.lock,
        source: f.source,
        ...((f as Finding & { merged?: string[] }).merged ? { merged: (f as { merged?: string[] }).merged } : {}),
        message: f.message,
      });
    }
    for (const list of byStatement.values()) if (sameLockRepeated(list)) figures.sameLock += 1;
    console.error(
      `${repo}: ${target.path}: ${inPr.length} finding(s) in ${Math.round(performance.now() - started)} ms (${analysis.targets.length} target(s))`,
    );
  }
  return figures;
}

/**
 * More than one finding on a statement about the same lock: two findings that
 * name the same lock mode, or a generic lock finding (timeout, held, observed)
 * next to a finding that names the lock it is about.
 */
function sameLockRepeated(findings: Finding[]): boolean {
  const modes = findings.filter((f) => f.lock).map((f) => f.lock);
  if (new Set(modes).size < modes.length) return true;
  const aboutLocks = findings.filter((f) => f.lock || GENERIC.has(f.rule));
  return aboutLocks.length > 1 && aboutLocks.some((f) => GENERIC.has(f.rule));
}

function report(all: RepoFigures[]): void {
  const rows = all.map((f) => {
    const generic = f.total > 0 ? ((100 * f.generic) / f.total).toFixed(0) : "0";
    return `| ${f.repo} | ${f.project} | ${f.prs} | ${f.total} | ${percentile(f.perMigration, 50)} | ${percentile(f.perMigration, 90)} | ${f.sameLock} | ${generic}% (${f.generic}) | ${f.outside} |`;
  });
  console.log(
    "| repo | project | PRs | findings | median/PR | p90/PR | statements with >1 finding on one lock | generic | outside PR files |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
  for (const f of all) {
    const top = Object.entries(f.byRule)
      .sort((a, b) => b[1] - a[1])
      .map(([rule, n]) => `${rule} ${n}`)
      .join(", ");
    console.log(`\n${f.repo} by rule: ${top}`);
  }
}

function diff(beforeFile: string, afterFile: string): void {
  const before = JSON.parse(readFileSync(beforeFile, "utf8")) as PairRecord[];
  const after = JSON.parse(readFileSync(afterFile, "utf8")) as PairRecord[];
  const key = (p: PairRecord) => `${p.repo}|${p.statement}|${p.rule}`;
  const afterKeys = new Set(after.map(key));
  const afterByStatement = new Map<string, PairRecord[]>();
  for (const p of after) {
    const k = `${p.repo}|${p.statement}`;
    afterByStatement.set(k, [...(afterByStatement.get(k) ?? []), p]);
  }
  const afterByMigration = new Map<string, PairRecord[]>();
  for (const p of after) {
    const k = `${p.repo}|${p.migration}`;
    afterByMigration.set(k, [...(afterByMigration.get(k) ?? []), p]);
  }
  const gone = before.filter((p) => !afterKeys.has(key(p)));
  const added = after.filter((p) => !new Set(before.map(key)).has(key(p)));
  const reasons = new Map<string, PairRecord[]>();
  for (const p of gone) {
    const still = afterByStatement.get(`${p.repo}|${p.statement}`) ?? [];
    const folded = still.find((s) => s.merged?.includes(p.rule));
    const migrationLevel = (afterByMigration.get(`${p.repo}|${p.migration}`) ?? []).find((s) =>
      s.merged?.includes(p.rule),
    );
    const reason = folded
      ? `folded into ${folded.rule} on the same statement`
      : migrationLevel
        ? `folded into the migration-level ${migrationLevel.rule}`
        : still.length > 0
          ? `statement still has ${[...new Set(still.map((s) => s.rule))].join(", ")}`
          : "no finding left on the statement";
    reasons.set(`${p.rule}: ${reason}`, [...(reasons.get(`${p.rule}: ${reason}`) ?? []), p]);
  }
  console.log(`pairs before ${before.length}, after ${after.length}, disappeared ${gone.length}, new ${added.length}`);
  console.log("\ndisappeared, by rule and reason:");
  for (const [reason, list] of [...reasons].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${list.length}\t${reason}`);
    if (reason.endsWith("no finding left on the statement"))
      for (const p of list.slice(0, 20)) console.log(`      ${p.repo} ${p.statement}: ${p.message.slice(0, 160)}`);
  }
  console.log("\nnew, by rule:");
  const newByRule = new Map<string, PairRecord[]>();
  for (const p of added) newByRule.set(p.rule, [...(newByRule.get(p.rule) ?? []), p]);
  for (const [rule, list] of [...newByRule].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${list.length}\t${rule}`);
    for (const p of list.slice(0, 5)) console.log(`      ${p.repo} ${p.statement}: ${p.message.slice(0, 160)}`);
  }
}

const pairs: PairRecord[] = [];
const figures: RepoFigures[] = [];
for (const repo of repos) figures.push(await measure(path.resolve(repo), pairs));
report(figures);
if (out) writeFileSync(out, JSON.stringify(pairs, null, 1));
