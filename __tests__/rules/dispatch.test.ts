/**
 * Rules that declare `statementKinds` are only called for those node kinds.
 * This checks the declaration is sound: called on every statement of every
 * fixture and rule test snippet of any other kind, such a rule reports nothing.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ContextTracker } from "../../src/rules/context.js";
import { STATEMENT_RULES } from "../../src/rules/index.js";
import type { ParsedStatement } from "../../src/rules/types.js";
import { loadParser, parseSql } from "../../src/sql/parse.js";

const root = path.resolve(import.meta.dirname, "../..");

function sqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sqlFiles(full);
    return name.endsWith(".sql") ? [full] : [];
  });
}

/** SQL from the fixtures and from the rules' own tests (template literals that start with a statement). */
function corpus(): string[] {
  const texts = sqlFiles(path.join(root, "fixtures")).map((file) => readFileSync(file, "utf8"));
  for (const name of readdirSync(path.join(root, "__tests__/rules")).filter((n) => n.endsWith(".test.ts"))) {
    const source = readFileSync(path.join(root, "__tests__/rules", name), "utf8");
    for (const match of source.matchAll(
      /`((?:CREATE|ALTER|DROP|UPDATE|DELETE|INSERT|BEGIN|SET|REINDEX|VACUUM|CLUSTER|REFRESH|TRUNCATE|COMMENT|GRANT|DO)[^`$]*)`/g,
    ))
      texts.push(match[1]!);
  }
  return texts;
}

describe("rule dispatch by statement kind", () => {
  beforeAll(() => loadParser());

  it("a rule never reports on a statement kind it did not declare", () => {
    const declared = STATEMENT_RULES.filter((rule) => rule.statementKinds);
    expect(declared.length).toBeGreaterThan(20);
    let checked = 0;
    const wrong: string[] = [];
    for (const text of corpus()) {
      const { statements } = parseSql(text, "dispatch.sql", {});
      for (const toolTransaction of [false, true]) {
        const tracker = new ContextTracker({ pgVersion: 16, toolTransaction, statements });
        statements.forEach((statement, index) => {
          const context = tracker.at(index, statement.autocommit === true);
          if (!statement.ast) return;
          const kind = Object.keys(statement.ast)[0]!;
          for (const rule of declared) {
            if (rule.statementKinds!.includes(kind as never)) continue;
            checked += 1;
            if (rule.check(statement as ParsedStatement, context).length > 0) wrong.push(`${rule.meta.id} on ${kind}`);
          }
          tracker.observe(statement.ast);
        });
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});
