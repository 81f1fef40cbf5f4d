/** Test helper: run a migration on PGlite, build its rollback, and prove it by round trip. */
import { buildRollback, type GeneratedRollback } from "../../src/rollback/inverse.js";
import type { OwnedSession } from "../../src/rollback/session.js";
import {
  applyWithSnapshots,
  checkRollback,
  generatedSqlInTransaction,
  type RollbackCheck,
} from "../../src/rollback/verify.js";
import { loadParser, parseSql } from "../../src/sql/parse.js";

export interface RoundTrip {
  rollback: GeneratedRollback;
  sql: string[];
  check: RollbackCheck;
}

/** `setup` builds the schema before; `up` is the migration. The database is emptied first. */
export async function roundTrip(session: OwnedSession, setup: string, up: string): Promise<RoundTrip> {
  await loadParser();
  await session.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT ALL ON SCHEMA public TO PUBLIC;");
  if (setup) await session.exec(setup);
  await session.exec("BEGIN");
  try {
    const outcome = await applyWithSnapshots(session, parseSql(up, "up.sql").statements);
    if (!outcome.ok) throw new Error(`migration fails: ${outcome.error}`);
    const rollback = buildRollback(outcome.applied, outcome.start);
    const steps = rollback.steps.filter((s) => s.sql);
    const check = await checkRollback(session, outcome.start, steps.map(generatedSqlInTransaction));
    return { rollback, sql: steps.map((s) => s.sql), check };
  } finally {
    await session.exec("ROLLBACK");
  }
}
