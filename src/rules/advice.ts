/**
 * How the migration's own tool does what a rule's fix asks for: run one
 * statement outside the transaction the tool opens, put a statement in a
 * migration of its own, declare an index so the tool's schema diff keeps it,
 * run a setting first. Rules read these phrases from their context and never
 * switch on the tool themselves; this is the one place that knows the tools.
 */

export interface ToolAdvice {
  /** The tool's name, for messages. */
  label: string;
  /** How to run one statement outside the transaction the tool opens (ends a sentence like "… CONCURRENTLY, "). */
  outsideTransaction: string;
  /** How to put a statement in a migration of its own. */
  separateMigration: string;
  /** How to declare an index so the tool's own schema diff keeps it; absent where the tool diffs nothing. */
  declareIndex?: string;
  /** How to run a SQL setting before the migration's first statement. */
  runFirst(sql: string): string;
}

const sqlFirst = (file: string) => (sql: string) => `start ${file} with \`${sql};\``;

const ADVICE: Record<string, ToolAdvice> = {
  prisma: {
    label: "Prisma",
    outsideTransaction:
      "alone in its own migration.sql (`prisma migrate dev --create-only`, then edit it): Prisma sends a file's statements as one batch, which PostgreSQL runs in one transaction",
    separateMigration:
      "in a migration of its own (`prisma migrate dev --create-only`, then keep only this statement in its migration.sql)",
    declareIndex:
      "declare it in schema.prisma with `@@index([…])` so the next `prisma migrate dev` keeps it instead of dropping it",
    runFirst: sqlFirst("migration.sql"),
  },
  alembic: {
    label: "Alembic",
    outsideTransaction:
      "inside `with op.get_context().autocommit_block():` in upgrade() (Alembic runs the revision in one transaction), e.g. `op.create_index(..., postgresql_concurrently=True)`",
    separateMigration: "in a revision of its own (`alembic revision -m …`)",
    declareIndex:
      "declare it on the model too (`index=True`, or `sa.Index(…)` in `__table_args__`) so autogenerate keeps it",
    runFirst: (sql) => `start upgrade() with \`op.execute("${sql}")\``,
  },
  "golang-migrate": {
    label: "golang-migrate",
    outsideTransaction:
      "alone in its own `<version>_<name>.up.sql`: golang-migrate sends the file as one query, and several statements in one query run in one transaction",
    separateMigration: "in a migration of its own (`migrate create -ext sql -seq <name>`)",
    runFirst: sqlFirst("the .up.sql"),
  },
  flyway: {
    label: "Flyway",
    outsideTransaction:
      "in a migration of its own with a `V<version>__<name>.sql.conf` beside it saying `executeInTransaction=false`",
    separateMigration: "in a `V<next>__<name>.sql` of its own",
    runFirst: sqlFirst("the V…__….sql file"),
  },
  dbmate: {
    label: "dbmate",
    outsideTransaction: "in a migration of its own whose up section starts `-- migrate:up transaction:false`",
    separateMigration: "in a migration of its own (`dbmate new <name>`)",
    runFirst: sqlFirst("the `-- migrate:up` section"),
  },
  goose: {
    label: "goose",
    outsideTransaction: "in a migration of its own that starts with `-- +goose NO TRANSACTION`",
    separateMigration: "in a migration of its own (`goose create <name> sql`)",
    runFirst: sqlFirst("the `-- +goose Up` section"),
  },
  diesel: {
    label: "diesel",
    outsideTransaction: "in a migration folder of its own with a `metadata.toml` saying `run_in_transaction = false`",
    separateMigration:
      "in a migration of its own (`diesel migration generate <name>`, only this statement in its up.sql)",
    runFirst: sqlFirst("up.sql"),
  },
  sqitch: {
    label: "sqitch",
    outsideTransaction:
      "in a change of its own whose deploy script has no `BEGIN`/`COMMIT` around it (sqitch runs the script as written)",
    separateMigration: "in a change of its own (`sqitch add <name>`)",
    runFirst: sqlFirst("the deploy script"),
  },
  plain: {
    label: "SQL",
    outsideTransaction: "in a file of its own with no `BEGIN`/`COMMIT` around it, run outside a transaction",
    separateMigration: "in a migration file of its own",
    runFirst: sqlFirst("the file"),
  },
};

/**
 * The advice for a migration's tool, by its convention (`prisma`, `alembic`,
 * `goose` …). Unknown conventions get the plain-SQL phrasing.
 */
export function toolAdvice(convention: string | undefined): ToolAdvice {
  return ADVICE[convention ?? "plain"] ?? (ADVICE.plain as ToolAdvice);
}

/** Every convention with advice of its own (for tests). */
export const ADVISED_CONVENTIONS = Object.keys(ADVICE);
