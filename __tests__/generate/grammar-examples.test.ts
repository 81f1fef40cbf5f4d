import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GRAMMAR } from "../../src/generate/describe.js";
import { fixtureRepo, runGenerate } from "./fixture-repo.js";

/** The examples of docs/generate.md's grammar table: each one is generated, traced, seeded and rolled back here. */
function docExamples(): string[] {
  const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/generate.md"), "utf8");
  const section = /<!-- grammar-examples -->([\s\S]*?)<!-- \/grammar-examples -->/.exec(doc)?.[1] ?? "";
  return [...section.matchAll(/`generate "([^"]+)"`/g)].map((m) => m[1] as string);
}

describe("docs/generate.md grammar examples", () => {
  const examples = docExamples();

  it("lists every form's example the grammar prints", () => {
    expect(examples.length).toBeGreaterThanOrEqual(GRAMMAR.length);
    for (const [, example] of GRAMMAR) expect(examples).toContain(example);
  });

  it.each(examples)(
    "%s: generates, applies on rows, traces and verifies its rollback",
    async (description) => {
      const repo = fixtureRepo("prisma-generate");
      try {
        const { result, exitCode } = await runGenerate(repo.root, [description]);
        expect(result.refusals).toEqual([]);
        const migrations = result.files.filter((f) => f.role === "migration");
        expect(migrations.length).toBeGreaterThan(0);
        expect(result.files.some((f) => f.role === "schema" && f.path === "prisma/schema.prisma")).toBe(true);
        for (const file of migrations)
          expect(file.path).toMatch(/^prisma\/migrations\/\d{14}_[a-z0-9_]+\/migration\.sql$/);
        // Applied after the history, with rows in the existing tables it touches.
        expect(result.rows?.outcomes.map((o) => o.ok)).toEqual(migrations.map(() => true));
        expect(result.rows?.unseeded).toEqual([]);
        // Traced: the trace ran on every new migration (a plan step per migration).
        expect(result.analysis?.plan?.map((p) => p.path).sort()).toEqual(migrations.map((m) => m.path).sort());
        // Each new migration's rollback is generated and verified by round trip.
        const rollbacks = result.analysis?.rollbacks ?? [];
        expect(rollbacks.map((r) => r.path).sort()).toEqual(migrations.map((m) => m.path).sort());
        // A backfill changes rows: its verdict is "verified-schema-needs-data-check", the schema still round-trips.
        for (const rollback of rollbacks) expect(rollback.verification).toMatch(/^verified/);
        expect(exitCode).toBeLessThan(2);
      } finally {
        repo.remove();
      }
    },
    600_000,
  );
});
