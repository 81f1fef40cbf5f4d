import { describe, expect, it } from "vitest";
import { loadParser, parseSql } from "../../src/sql/parse.js";

await loadParser();

describe("parseSql", () => {
  it("splits statements with exact 1-based spans, counting characters not bytes", () => {
    const { statements, problems } = parseSql(
      "-- users\nCREATE TABLE café (id int);\n  ALTER TABLE café\n    ADD COLUMN x int;",
      "m.sql",
    );
    expect(problems).toEqual([]);
    expect(statements.map((s) => s.kind)).toEqual(["CreateStmt", "AlterTableStmt"]);
    expect(statements[0]?.span).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 27 });
    expect(statements[1]?.span).toEqual({ line: 3, column: 3, endLine: 4, endColumn: 21 });
    expect(statements[1]?.sql).toBe("ALTER TABLE café\n    ADD COLUMN x int");
  });

  it("keeps dollar-quoted bodies, DO blocks and functions whole", () => {
    const sql = `CREATE FUNCTION touch() RETURNS trigger AS $body$
BEGIN
  NEW.updated_at := now(); -- semicolons inside
  RETURN NEW;
END
$body$ LANGUAGE plpgsql;
DO $$ BEGIN PERFORM 1; PERFORM 2; END $$;
SELECT 1;`;
    const { statements, problems } = parseSql(sql, "f.sql");
    expect(problems).toEqual([]);
    expect(statements.map((s) => [s.kind, s.span.line, s.span.endLine])).toEqual([
      ["CreateFunctionStmt", 1, 6],
      ["DoStmt", 7, 7],
      ["SelectStmt", 8, 8],
    ]);
  });

  it("skips psql meta-commands and keeps COPY … FROM stdin rows with the COPY", () => {
    const sql =
      "\\connect app\n\\set ON_ERROR_STOP on\nCOPY users (id, name) FROM stdin;\n1\tann\n2\tbob\n\\.\nSELECT 1;";
    const { statements, problems } = parseSql(sql, "c.sql");
    expect(problems).toEqual([]);
    expect(statements.map((s) => s.kind)).toEqual(["CopyStmt", "SelectStmt"]);
    expect(statements[0]?.copyData).toBe("1\tann\n2\tbob");
    expect(statements[1]?.span.line).toBe(7);
  });

  it("reports a parse error with line and column, and still parses the rest", () => {
    const sql = "CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN b int DEFAULT;\nCREATE INDEX i ON a (id);";
    const { statements, problems } = parseSql(sql, "bad.sql");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rule: "parse-error", path: "bad.sql", span: { line: 2, column: 39 } });
    expect(problems[0]?.message).toContain("syntax error at end of input");
    expect(statements.map((s) => s.kind)).toEqual(["CreateStmt", "Unparsed", "IndexStmt"]);
    expect(statements[2]?.span.line).toBe(3);
  });

  it("names each template placeholder, and substitutes configured values", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the input under test
    const sql = "ALTER TABLE {{ schema }}.users ADD COLUMN x int;\nCREATE INDEX i ON ${table} (x);";
    const raw = parseSql(sql, "t.sql");
    expect(raw.problems.map((p) => [p.rule, p.span.line])).toEqual([
      ["templated-sql", 1],
      ["templated-sql", 2],
    ]);
    expect(raw.problems[0]?.message).toContain("`{{ schema }}`");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the placeholder is the expected output
    expect(raw.problems[1]?.message).toContain("`${table}`");
    const filled = parseSql(sql, "t.sql", { templateVars: { schema: "app", table: "orders" } });
    expect(filled.problems).toEqual([]);
    expect(filled.statements[0]?.sql).toBe("ALTER TABLE app.users ADD COLUMN x int");
  });

  it("finds placeholders inside dollar-quoted bodies and strings of SQL that parses, naming the key to set", () => {
    const sql =
      "DO $$\nBEGIN\n  EXECUTE 'GRANT SELECT ON users TO {{ app_role }}';\nEND\n$$;\nCREATE TABLE t (note text DEFAULT '{{ tenant | lower }}');\nCREATE TABLE u (a int);\n";
    const { statements, problems } = parseSql(sql, "t.sql");
    expect(problems.map((p) => [p.rule, p.span.line])).toEqual([
      ["templated-sql", 1],
      ["templated-sql", 6],
    ]);
    expect(problems[0]?.message).toContain("`templates.vars` key `app_role`");
    expect(problems[0]?.fix).toContain("templates: { vars: { app_role: <value> } }");
    expect(problems[1]?.fix).toContain('templates: { vars: { "tenant | lower": <value> } }');
    expect(statements.map((s) => s.kind)).toEqual(["Unparsed", "Unparsed", "CreateStmt"]);
  });

  it("attaches ignore directives above, on and inside a statement, not to the next one", () => {
    const sql = [
      "-- db-migrate:ignore drop-table retired in v2",
      "DROP TABLE a;",
      "DROP TABLE b; -- db-migrate:ignore drop-table,cascade-drop same line",
      "DROP TABLE c;",
      "/* db-migrate:ignore drop-column */ ALTER TABLE d DROP COLUMN x;",
    ].join("\n");
    const { statements } = parseSql(sql, "i.sql");
    expect(statements.map((s) => s.ignores.map((d) => d.rule))).toEqual([
      ["drop-table"],
      ["drop-table", "cascade-drop"],
      [],
      ["drop-column"],
    ]);
    expect(statements[0]?.ignores[0]?.reason).toBe("retired in v2");
  });

  it("handles an empty file and a comment-only file", () => {
    expect(parseSql("", "e.sql")).toEqual({ statements: [], problems: [] });
    expect(parseSql("-- nothing here\n/* at all */\n", "e.sql")).toEqual({ statements: [], problems: [] });
  });

  it("shifts lines for SQL embedded in another file", () => {
    const { statements } = parseSql("SELECT 1;\nSELECT 2;", "x.py", { lineOffset: 10 });
    expect(statements.map((s) => s.span.line)).toEqual([11, 12]);
  });
});
