/**
 * The header of an Alembic revision: `revision`, `down_revision`,
 * `branch_labels`, `depends_on` and the docstring (`Revision ID:`,
 * `Revises:`, `Create Date:`), checked against each other.
 */
import type { Problem, SourceSpan } from "../../types.js";
import type { PyValue } from "./python.js";
import type { AlembicHeader, ModuleScan } from "./types.js";

export const FILE_START: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export interface RevisionIdentifiers {
  revision: string | null;
  downRevisions: string[];
  hasDownRevision: boolean;
  branchLabels: string[];
  dependsOn: string[];
  name: string;
  revisionSpan: SourceSpan;
  downRevisionSpan?: SourceSpan;
  problems: Problem[];
}

/** The identifiers assigned at module level, with a problem for each missing or inconsistent one. */
export function readIdentifiers(scan: ModuleScan, path: string): RevisionIdentifiers {
  const { assigned, header } = scan;
  const problems: Problem[] = [];

  const revisionEntry = assigned.get("revision");
  const downEntry = assigned.get("down_revision");
  const revision = revisionEntry?.value.kind === "str" ? revisionEntry.value.value : null;
  const revisionSpan = revisionEntry?.span ?? FILE_START;
  if (!revisionEntry) {
    problems.push(
      chainProblem(
        path,
        FILE_START,
        'no `revision = "…"` assignment: Alembic cannot place this file in the revision graph',
      ),
    );
  } else if (revision === null) {
    problems.push(chainProblem(path, revisionSpan, "`revision` is not a string literal"));
  } else if (header.revisionId && header.revisionId !== revision) {
    problems.push(
      chainProblem(
        path,
        revisionSpan,
        `revision \`${revision}\` differs from the docstring's \`Revision ID: ${header.revisionId}\` (a copied file?)`,
      ),
    );
  }
  let downRevisions: string[] = [];
  if (!downEntry) {
    problems.push(
      chainProblem(
        path,
        revisionSpan,
        "no `down_revision` assignment: Alembic needs it to order this revision (use `down_revision = None` for the first one)",
      ),
    );
  } else {
    const list = stringList(downEntry.value);
    if (list === null)
      problems.push(chainProblem(path, downEntry.span, "`down_revision` is not a string, tuple of strings or None"));
    downRevisions = list ?? [];
  }
  const fileName = path.split("/").pop() ?? path;
  return {
    revision,
    downRevisions,
    hasDownRevision: downEntry !== undefined,
    branchLabels: stringList(assigned.get("branch_labels")?.value) ?? [],
    dependsOn: stringList(assigned.get("depends_on")?.value) ?? [],
    name: header.message || slugName(fileName, revision),
    revisionSpan,
    ...(downEntry ? { downRevisionSpan: downEntry.span } : {}),
    problems,
  };
}

function chainProblem(path: string, span: SourceSpan, message: string): Problem {
  return {
    rule: "broken-revision-chain",
    severity: "error",
    path,
    span,
    message,
    fix: "make `revision`, `down_revision` and the docstring header agree with the revision graph",
  };
}

export function stringList(value: PyValue | undefined): string[] | null {
  if (!value || value.kind === "none") return [];
  if (value.kind === "str") return [value.value];
  if (value.kind === "seq" && value.items.every((i) => i.kind === "str")) {
    return value.items.map((i) => (i as { value: string }).value);
  }
  return null;
}

/** The module docstring's message line and its `Revision ID:` / `Revises:` / `Create Date:` fields. */
export function readHeader(doc: string): AlembicHeader {
  const header: AlembicHeader = {};
  const lines = doc.split("\n").map((l) => l.trim());
  const message = lines.find((l) => l.length > 0);
  if (message && !/^(Revision ID|Revises|Create Date):/.test(message)) header.message = message;
  for (const line of lines) {
    const match = /^(Revision ID|Revises|Create Date):\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = (match[2] as string).trim();
    if (match[1] === "Revision ID") header.revisionId = value;
    else if (match[1] === "Revises") header.revises = value;
    else header.createDate = value;
  }
  return header;
}

/** `2024-01-02_ab12cd34ef56_add_users.py` → `add users`. */
function slugName(fileName: string, revision: string | null): string {
  let stem = fileName.replace(/\.py$/, "");
  if (revision && stem.includes(revision)) stem = stem.slice(stem.indexOf(revision) + revision.length);
  return (
    stem
      .replace(/^[\W_]+/, "")
      .replace(/_/g, " ")
      .trim() || fileName
  );
}
