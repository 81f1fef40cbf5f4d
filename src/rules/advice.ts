/**
 * How the migration's own tool does what a rule's fix asks for, from its
 * adapter's `mechanisms` (src/sources/<tool>/adapter.ts): run one statement
 * outside the transaction the tool opens, put a statement in a migration of
 * its own, declare an index so the tool's schema diff keeps it. Rules read
 * these phrases from their context and never switch on the tool themselves.
 */
import type { Mechanisms } from "../sources/adapter.js";
import { adapterFor, CONVENTIONS, type Convention } from "../sources/registry.js";

export interface ToolAdvice {
  /** The tool's name, for messages. */
  label: string;
  /** An imperative clause: how to run one statement outside the transaction the tool opens. */
  outsideTransaction: string;
  /** `in a migration of its own (<how, in the tool's terms>)`. */
  inOwnMigration: string;
  /** How to declare an index so the tool's own schema diff keeps it; absent where the tool diffs nothing. */
  declareIndex?: string;
  /** How to run a SQL setting before the migration's first statement. */
  runFirst(sql: string): string;
}

/** Where a setting goes first, for tools whose migration file is not plain SQL run top to bottom. */
function advice(convention: Convention): ToolAdvice {
  const adapter = adapterFor(convention);
  const mechanisms: Mechanisms = adapter.mechanisms;
  return {
    label: adapter.label,
    outsideTransaction: mechanisms.outsideTransaction,
    inOwnMigration: `in a migration of its own (${mechanisms.separateMigration})`,
    ...(mechanisms.declareIndex ? { declareIndex: mechanisms.declareIndex } : {}),
    runFirst: mechanisms.runFirst ?? ((sql) => `start the migration with \`${sql};\``),
  };
}

const BY_CONVENTION = new Map<string, ToolAdvice>(CONVENTIONS.map((c) => [c, advice(c)]));

/** The advice for a migration's tool, by its convention (`prisma`, `alembic`, `goose` …); plain SQL otherwise. */
export function toolAdvice(convention: string | undefined): ToolAdvice {
  return BY_CONVENTION.get(convention ?? "plain") ?? (BY_CONVENTION.get("plain") as ToolAdvice);
}
