/**
 * Every command-line flag and `.db-migrate.yml` key that a rule message, a fix,
 * a tool's advice or a rule page names must exist: a fix that names
 * `trace.budget` or `--budget` (which do not) sends the user nowhere.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ZodObject, ZodType } from "zod";
import { COMMANDS } from "../../src/commands/index.js";
import { COMMON_OPTIONS } from "../../src/commands/options.js";
import { configSchema } from "../../src/config/schema.js";
import { COMMENT_FLAGS } from "../../src/github/router.js";

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string, ext: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(ext))
    .map((f) => path.join(dir, f));
}

/** Where user-facing advice is written: rules, the tools' advice, the engine's messages, the rule pages. */
const SOURCES = [
  ...files("src/rules", ".ts"),
  ...files("src/sources", ".ts").filter((f) => f.endsWith("adapter.ts")),
  "src/engine/engine.ts",
  "src/engine/trace-run.ts",
  ...files("docs/rules", ".md"),
];

/** Other tools' commands: their flags (`prisma migrate dev --create-only`, `pg_repack --table`) are theirs. */
const FOREIGN =
  /\b(prisma|alembic|goose|diesel|dbmate|sqitch|migrate|flyway|psql|pg_dump|pg_restore|pg_repack|git|npm|squawk)\b/;

const OUR_FLAGS = new Set([
  ...Object.keys(COMMON_OPTIONS),
  ...COMMANDS.flatMap((c) => Object.keys(c.options)),
  ...Object.keys(COMMENT_FLAGS),
  "version",
]);

/** The text a user reads: string literals of a source file (code aside), or the whole of a page. */
function userText(file: string, content: string): string {
  if (!file.endsWith(".ts")) return content;
  const literals = content.match(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g) ?? [];
  return literals.map((literal) => literal.slice(1, -1).replace(/\\`/g, "`")).join("\n");
}

/** `--flag` occurrences not part of another tool's command (looking back to the start of the phrase). */
function namedFlags(text: string): string[] {
  const flags: string[] = [];
  for (const match of text.matchAll(/(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/g)) {
    const before = text.slice(0, match.index);
    const phrase = before.slice(Math.max(...["\n", "`", ". ", ", ", "; ", "("].map((c) => before.lastIndexOf(c))) + 1);
    if (FOREIGN.test(phrase)) continue;
    flags.push(match[1] as string);
  }
  return flags;
}

/** Dotted `.db-migrate.yml` keys (`trace.budget-seconds`) under a section of the schema. */
function namedKeys(text: string): string[] {
  return [...text.matchAll(/(?<![\w./-])(trace|templates)\.([a-z][a-z-]*[a-z])\b/g)].map((m) => `${m[1]}.${m[2]}`);
}

function keyExists(key: string): boolean {
  const [section, name] = key.split(".") as [string, string];
  let shape = (configSchema as unknown as ZodObject).shape[section] as ZodType | undefined;
  // Unwrap optional(): the section's own object shape.
  while (shape && "unwrap" in shape && typeof shape.unwrap === "function") shape = shape.unwrap() as ZodType;
  return shape !== undefined && "shape" in shape && name in (shape as ZodObject).shape;
}

function problems(text: string): string[] {
  return [
    ...namedFlags(text)
      .filter((f) => !OUR_FLAGS.has(f))
      .map((f) => `--${f}`),
    ...namedKeys(text).filter((k) => !keyExists(k)),
  ];
}

describe("flags and config keys named in messages, fixes and rule pages", () => {
  it("finds a flag or key that does not exist (the check can fail)", () => {
    expect(problems("raise the budget (`trace.budget` / --budget)")).toEqual(["--budget", "trace.budget"]);
    expect(problems("run `prisma migrate dev --create-only`; or `trace.budget-seconds` / --budget-seconds")).toEqual(
      [],
    );
  });

  it("names only flags the CLI or comments accept and keys the config schema has", () => {
    const found = SOURCES.flatMap((file) =>
      problems(userText(file, readFileSync(path.join(root, file), "utf8"))).map((p) => `${file}: ${p}`),
    );
    expect(found).toEqual([]);
    expect(SOURCES.length).toBeGreaterThan(80);
  });
});
