/**
 * Reads one Alembic revision file statically: the revision identifiers, the
 * docstring header, and every database operation in `upgrade()` and
 * `downgrade()`, rendered to the SQL Alembic would emit and parsed by
 * PostgreSQL's parser. What cannot be read becomes an `unanalyzed-operation`
 * info at its line, never a silent skip.
 *
 * The parts, one file each: modules.ts (module level, imports followed into
 * the repository), header.ts (identifiers and docstring), control-flow.ts
 * (the walk of a function body), operations.ts (each operation rendered and
 * recorded), conditions.ts (dialect checks), render.ts (operation → SQL).
 *
 * Call `await loadParser()` (src/sql/parse.ts) once before using this module.
 */
import type { Problem } from "../../types.js";
import { BodyWalker } from "./control-flow.js";
import { readIdentifiers } from "./header.js";
import { ModuleReader } from "./modules.js";
import { OperationRecorder } from "./operations.js";
import { PySource } from "./python.js";
import type { AlembicParseOptions, AlembicRevision } from "./types.js";

export { absoluteModule } from "./modules.js";
export type {
  AlembicBody,
  AlembicHeader,
  AlembicOperation,
  AlembicParseOptions,
  AlembicRevision,
  PythonModule,
} from "./types.js";

/** Parses one Alembic revision file. Pure: the text in, the revision out. */
export function parseAlembicFile(text: string, path: string, options: AlembicParseOptions = {}): AlembicRevision {
  const source = new PySource(text);
  const problems: Problem[] = [];
  const error = source.firstError();
  if (error) {
    const at = source.position(error.from);
    problems.push({
      rule: "parse-error",
      severity: "error",
      path,
      span: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column },
      message: `Python syntax error at line ${at.line}, column ${at.column}: Alembic cannot import this revision; what could be read is still analysed`,
      fix: "fix the syntax (run `python -m py_compile` on the file)",
    });
  }
  const comments = new Map<number, string>();
  source.tree.iterate({
    enter: (ref) => {
      if (ref.name === "Comment") comments.set(source.position(ref.from).line, source.slice(ref));
    },
  });

  const modules = new ModuleReader(source, path, options);
  const scan = modules.scanModule();
  const { problems: headerProblems, ...identifiers } = readIdentifiers(scan, path);
  problems.push(...headerProblems);

  let walker: BodyWalker | undefined;
  const operations = new OperationRecorder(source, path, options, comments, (node, scope) =>
    (walker as BodyWalker).touchesDatabase(node, scope),
  );
  walker = new BodyWalker(modules, operations);
  const upgrade = walker.readFunction(scan.functions.get("upgrade"));
  const downgrade = walker.readFunction(scan.functions.get("downgrade"));
  return { path, ...identifiers, header: scan.header, upgrade, downgrade, problems };
}
