/**
 * psql meta-commands (`\connect`, `\set`) and `COPY … FROM stdin` data rows are
 * not SQL: blank them out (keeping every byte offset and newline) before the
 * scanner and parser see the file.
 */
export interface MaskedSql {
  text: string;
  /** COPY data rows, keyed by the 1-based line of the COPY statement's end. */
  copyData: Map<number, string>;
  metaCommands: Array<{ line: number; command: string; text: string }>;
}

const COPY_FROM_STDIN = /\bFROM\s+STDIN\b[^;]*;\s*(--.*)?$/i;

export function maskNonSql(text: string): MaskedSql {
  const lines = text.split("\n");
  const copyData = new Map<number, string>();
  const metaCommands: MaskedSql["metaCommands"] = [];
  let statementSoFar = "";
  let copyStartLine = 0;
  let copyRows: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (copyRows) {
      if (line.replace(/\r$/, "") === "\\.") {
        copyData.set(copyStartLine, copyRows.join("\n"));
        copyRows = null;
      } else {
        copyRows.push(line);
      }
      lines[i] = blank(line);
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith("\\") && !withoutLineComments(statementSoFar).trim()) {
      metaCommands.push({ line: i + 1, command: trimmed.split(/\s+/)[0] as string, text: trimmed });
      lines[i] = blank(line);
      continue;
    }
    statementSoFar += `${line}\n`;
    if (COPY_FROM_STDIN.test(line) && /^\s*COPY\b/i.test(lastStatement(statementSoFar))) {
      copyStartLine = i + 1;
      copyRows = [];
    }
    if (line.includes(";")) statementSoFar = statementSoFar.slice(statementSoFar.lastIndexOf(";") + 1);
  }
  if (copyRows) copyData.set(copyStartLine, copyRows.join("\n"));
  return { text: lines.join("\n"), copyData, metaCommands };
}

function lastStatement(sofar: string): string {
  const withoutLastSemicolon = sofar.slice(0, sofar.lastIndexOf(";"));
  const previous = withoutLastSemicolon.lastIndexOf(";");
  return withoutLastSemicolon.slice(previous + 1).replace(/^(\s*--[^\n]*\n)*/, "");
}

function withoutLineComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "");
}

/** Same length in UTF-8 bytes, so parser offsets stay valid. */
function blank(line: string): string {
  return " ".repeat(Buffer.byteLength(line, "utf8"));
}
