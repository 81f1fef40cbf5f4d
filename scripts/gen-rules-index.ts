// Writes docs/rules/README.md from the rule registry: every rule with its
// severity, lock and summary, and the mapping from squawk's and Eugene's names.
// `npx tsx scripts/gen-rules-index.ts`; a test fails when the file is stale.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderRulesIndex } from "../src/rules/catalog-index.js";

const target = path.resolve(import.meta.dirname, "../docs/rules/README.md");
writeFileSync(target, renderRulesIndex());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
