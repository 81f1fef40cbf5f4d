/**
 * Runs the whole analysis (`analyze()`, what `validate` runs with no paths) over
 * real project folders and prints the figures the core issue is judged by:
 * `npx tsx scripts/corpus-validate.ts <folder>… [--verbose]`.
 *
 * Per folder: projects detected, files, migrations, statements, parse errors
 * (file:line and message; templated files and unreadable files apart), findings
 * per rule, and the findings that fall on a table created earlier in the same
 * file. That last figure is computed here from the AST alone (each statement's
 * target table against the tables created by the file's earlier statements),
 * independently of the rules' own context tracking, so it checks it.
 */
import path from "node:path";
import type { Node } from "@pgsql/types";
import { analyze } from "../src/pipeline.js";
import { walk } from "../src/sql/ast.js";
import type { Finding, Migration, Statement } from "../src/types.js";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const folders = args.filter((arg) => !arg.startsWith("--"));
if (folders.length === 0) {
  console.error("usage: tsx scripts/corpus-validate.ts <folder>… [--verbose]");
  process.exit(2);
}

interface RangeVarLike {
  relname?: string;
}

/** The table a statement works on: the `relation`/`table` of its node, or the tables a DROP TABLE names. */
function targetTables(ast: Node | null): string[] {
  if (!ast) return [];
  const [tag, node] = Object.entries(ast)[0] as [string, Record<string, unknown>];
  const names: string[] = [];
  const add = (rel: unknown) => {
    const name = (rel as RangeVarLike | undefined)?.relname;
    if (name) names.push(name.toLowerCase());
  };
  add(node.relation);
  add(node.table);
  for (const item of (node.relations as Array<{ RangeVar?: RangeVarLike }> | undefined) ?? []) add(item.RangeVar);
  if (tag === "DropStmt" && node.removeType === "OBJECT_TABLE") {
    for (const object of (node.objects as Array<{ List?: { items?: Array<{ String?: { sval?: string } }> } }>) ?? []) {
      const last = object.List?.items?.at(-1)?.String?.sval;
      if (last) names.push(last.toLowerCase());
    }
  }
  return names;
}

/** Tables a statement creates: CREATE TABLE, CREATE TABLE AS / SELECT INTO. */
function createdTables(ast: Node | null): string[] {
  if (!ast) return [];
  if ("CreateStmt" in ast) return [ast.CreateStmt.relation?.relname?.toLowerCase() ?? ""].filter(Boolean);
  if ("CreateTableAsStmt" in ast) {
    return [ast.CreateTableAsStmt.into?.rel?.relname?.toLowerCase() ?? ""].filter(Boolean);
  }
  return [];
}

/** Tables a statement's foreign keys point at: it locks them too (ShareRowExclusiveLock). */
function referencedTables(ast: Node | null): string[] {
  const names: string[] = [];
  walk(ast, (tag, value) => {
    const name = (value.pktable as RangeVarLike | undefined)?.relname;
    if (tag === "Constraint" && name) names.push(name.toLowerCase());
  });
  return names;
}

interface OnNew {
  /** The statement's target table was created by an earlier statement of the file (the bench's measure). */
  target: Set<Statement>;
  /** Every table it touches, foreign-key targets included, was created earlier in the file. */
  allTouched: Set<Statement>;
}

/** For every statement of a file, in order, against the tables created by the file's earlier statements. */
function onNewTables(statementsByFile: Map<string, Statement[]>): OnNew {
  const onNew: OnNew = { target: new Set(), allTouched: new Set() };
  for (const statements of statementsByFile.values()) {
    const created = new Set<string>();
    for (const statement of statements) {
      const creates = createdTables(statement.ast);
      const targets = targetTables(statement.ast);
      if (creates.length === 0 && targets.some((t) => created.has(t))) {
        onNew.target.add(statement);
        if ([...targets, ...referencedTables(statement.ast)].every((t) => created.has(t))) {
          onNew.allTouched.add(statement);
        }
      }
      for (const table of creates) created.add(table);
    }
  }
  return onNew;
}

function statementsByFile(migrations: Migration[]): Map<string, Statement[]> {
  const byFile = new Map<string, Statement[]>();
  const add = (file: string, statements: Statement[]) => byFile.set(file, [...(byFile.get(file) ?? []), ...statements]);
  for (const migration of migrations) {
    add(migration.path, migration.statements);
    if (migration.down && migration.down.path !== migration.path) add(migration.down.path, migration.down.statements);
  }
  return byFile;
}

/** The statement a finding was reported on: same file, same text, the span holding the line. */
function statementOf(finding: Finding, byFile: Map<string, Statement[]>): Statement | undefined {
  const candidates = (byFile.get(finding.path) ?? []).filter(
    (s) => finding.line >= s.span.line && finding.line <= s.span.endLine,
  );
  return candidates.find((s) => s.sql === finding.statement) ?? candidates[0];
}

function countBy<T>(items: T[], key: (item: T) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const INPUT_RULES = new Set(["parse-error", "templated-sql", "unreadable-file"]);

async function measure(folder: string): Promise<void> {
  const root = path.resolve(folder);
  const started = performance.now();
  const analysis = await analyze([], { root, format: "json", trace: false, color: false, failOn: "never" });
  const wallMs = performance.now() - started;
  const { result, targets } = analysis;
  const byFile = statementsByFile(targets);
  const statements = targets.reduce((n, m) => n + m.statements.length, 0);
  const downStatements = targets.reduce(
    (n, m) => n + (m.down && m.down.path !== m.path ? m.down.statements.length : 0),
    0,
  );
  const unparsed = [...byFile.values()].flat().filter((s) => s.ast === null).length;

  console.log(`\n== ${folder}`);
  for (const project of analysis.projects) {
    console.log(`   project: ${project.tool}/${project.convention} ${project.folder || "."} (${project.dialect})`);
  }
  for (const notice of result.notices) console.log(`   notice (${notice.level}): ${notice.message}`);
  console.log(
    `   files ${byFile.size}, migrations ${targets.length}, statements ${statements} (+${downStatements} in separate down files), unparsed statements ${unparsed}, wall ${(wallMs / 1000).toFixed(2)} s`,
  );

  const problems = result.findings.filter((f) => INPUT_RULES.has(f.rule));
  for (const rule of INPUT_RULES) {
    const these = problems.filter((f) => f.rule === rule);
    const files = new Set(these.map((f) => f.path));
    console.log(`   ${rule}: ${these.length} in ${files.size} file(s)`);
    for (const f of these) console.log(`     ${f.path}:${f.line}:${f.column}: ${f.message}`);
  }

  const reported = result.findings.filter((f) => !INPUT_RULES.has(f.rule));
  console.log(
    `   findings ${result.findings.length} (errors ${result.summary.errors}, warnings ${result.summary.warnings}, infos ${result.summary.infos}):`,
  );
  for (const [rule, count] of countBy(reported, (f) => f.rule)) console.log(`     ${rule.padEnd(36)} ${count}`);

  const onNew = onNewTables(byFile);
  const on = (set: Set<Statement>) =>
    reported.filter((f) => {
      const statement = statementOf(f, byFile);
      return statement !== undefined && set.has(statement);
    });
  const onNewTarget = on(onNew.target);
  const onNewOnly = on(onNew.allTouched);
  const byRule = countBy(onNewTarget, (f) => f.rule)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(", ");
  console.log(
    `   findings on a statement whose target table was created earlier in the same file: ${onNewTarget.length}${byRule ? ` (${byRule})` : ""}`,
  );
  console.log(
    `   ... of which every table it touches (foreign-key targets too) was created there: ${onNewOnly.length}`,
  );
  for (const f of verbose ? onNewTarget : onNewOnly) {
    const statement = statementOf(f, byFile);
    console.log(`     ${f.path}:${f.line} ${f.rule}: ${statement?.sql.replace(/\s+/g, " ").slice(0, 140)}`);
  }
  if (verbose) {
    for (const f of reported) console.log(`     ${f.path}:${f.line} ${f.rule}: ${f.message}`);
  }
}

for (const folder of folders) await measure(folder);
