/**
 * Everything db-migrate knows about one migration tool, behind one typed
 * interface: how to find its projects, read and order its migrations, the
 * transactions it opens, the table it keeps its state in, where a rollback goes
 * and what it looks like, how it names files, and how its users do the things
 * rule advice asks for. Code outside `sources/<tool>/` asks the adapter
 * (`adapterFor(convention)`), never switches on the tool.
 */
import type { RollbackStep } from "../rollback/types.js";
import type { Dialect, Migration, Notice, Project, Severity, ToolName } from "../types.js";
import type { FileSource } from "../workspace/types.js";
import type { RepoView } from "./common/repo-view.js";
import type { ReadOptions } from "./sql/read.js";

export interface LoadOptions {
  templateVars?: Record<string, string>;
  maxFileBytes?: number;
  /** Parses shared between the loads of one run (see ReadOptions). */
  parseCache?: ReadOptions["parseCache"];
  exclude?: string[];
  /**
   * Forces the transaction mode of a project whose tool lets the runner decide
   * it. detectProjects already applies .db-migrate.yml, so pass this only to
   * override that.
   */
  transactional?: boolean;
}

/** A folder a tool's detection claims, before the registry settles its dialect. */
export interface Detected {
  folder: string;
  /** Why we think so, shown by `setup`. */
  evidence: string[];
  /** Files that define the project (alembic.ini, schema.prisma, sqitch.plan, Cargo.toml …). */
  files: string[];
  /** Set when the detection read it from the tool's own configuration. */
  dialect?: Dialect;
  /** Set when this folder departs from the tool's default (Alembic `transactional_ddl=False`). */
  transactional?: boolean;
  /** Replaces the tool's transaction note in the evidence. */
  transactionNote?: string;
  /** Something the user should know about this folder (an assumed convention): shown as a warning. */
  notice?: string;
  schemaPath?: string;
}

export interface DetectContext {
  /** Folders claimed by tools earlier in the registry: a folder inside one is theirs. */
  claimed: readonly string[];
  /** Where a detection reports what it saw but did not take (a schema.prisma with no migrations). */
  notices: Notice[];
}

export interface Detection {
  /** A whole-repository scan: configuration files and folder layouts only this tool uses. */
  scan?(repo: RepoView, context: DetectContext): Promise<Detected[]>;
  /**
   * A folder of `.sql` files no scan claimed (`names` relative to it): this
   * tool's, or null. Tools are asked in registry order; the first yes wins.
   * `named` is set when the user named this folder in .db-migrate.yml.
   */
  classify?(repo: RepoView, folder: string, names: string[], named: boolean): Promise<Detected | null>;
  /** Joins this tool's folders that form one history (Flyway reads its locations recursively). */
  consolidate?(found: Detected[]): Detected[];
  /** The dialect the tool's own configuration names (Flyway's url, sqitch's engine), when it names one. */
  dialect?(repo: RepoView, found: Detected): Promise<{ dialect: Dialect; evidence: string } | null>;
  /** A configured path inside the project's folder still names the whole project (Alembic's recursive versions). */
  ownsSubfolders?: boolean;
}

export interface Transactions {
  /** Whether the tool wraps each migration in a transaction by default, on PostgreSQL. */
  default: boolean;
  /** Whether `.db-migrate.yml` `transactional` decides it (the runner, not the tool, opens the transaction). */
  configurable: boolean;
  /** No tool decides it: `default` is db-migrate's assumption, which `setup` writes out for the user to confirm. */
  assumed?: boolean;
  /** How the tool runs transactions, as evidence for `setup`. */
  note: string;
  /** One line for `setup`'s transactions column. */
  summary(project: Project): string;
}

/** Anything that runs SQL and returns rows: a read-only `pg` client, the engine. */
export interface SqlClient {
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/** What a live database's bookkeeping table says. */
export interface AppliedRecord {
  /** Applied migration ids as the tool records them. */
  applied: string[];
  /** Set where the tool records only the current version(s) (Alembic's heads, golang-migrate's version). */
  heads?: string[];
  /** Entries the tool marks as failed or half applied. */
  failed: string[];
}

export interface Bookkeeping {
  /** The table's name, as the tool creates it (in the search path's first schema). */
  table: string;
  /** The tool's own CREATE TABLE, so migrations that read or lock it replay. */
  create: string;
  /** The statements the tool runs to record `migration` as applied, or null when it records nothing for it. */
  record(migration: Migration): string | null;
  /**
   * Reads a live database's table (`qualified` is `"schema"."table"`, `columns`
   * its column names); null when the table is another tool's of the same name
   * (golang-migrate's and dbmate's `schema_migrations`).
   */
  read(client: SqlClient, qualified: string, columns: string[]): Promise<AppliedRecord | null>;
  /** Which migrations the record says are applied; by default those whose id (or version digits) it lists. */
  appliedOf?(record: AppliedRecord, migrations: Migration[]): Migration[];
}

export interface RollbackFile {
  path: string;
  /** Current content, or null when the file does not exist yet. */
  before: string | null;
  after: string;
}

export interface Rollbacks {
  /** What the tool's users call a migration's rollback (`downgrade()`, `.down.sql file`, `Down section`). */
  name: string;
  /** Whether the tool expects one for every migration (a missing one is `empty-downgrade`). */
  expected: boolean;
  /** Where `steps` go and what that file looks like with them; null when the tool has no place for a rollback. */
  file(
    migration: Migration,
    steps: RollbackStep[],
    read: (path: string) => Promise<string | null>,
  ): Promise<RollbackFile | null>;
}

export interface Naming {
  /** Migrations link by revision ids in their content (Alembic) rather than by a version order. */
  graph: boolean;
  /** Versions as the tool compares them (`1` = `001`, Flyway `1.0` = `1`), for duplicate versions. */
  versionKey(migration: Migration): string;
  /** Digits-only versions whose width matters: a sequence number among timestamps sorts out of place. */
  numericVersions: boolean;
  /** The name the tool would run a migration called `name` under (for a file it skips). */
  example(name: string, latest: Migration | undefined): string;
  /** Why a migration the tool runs is named so that it runs at an unexpected place, or null. */
  check?(migration: Migration): { message: string; fix: string } | null;
  /** What the tool does with a new migration that sorts before the newest one a database ran. */
  outOfOrder: { severity: Severity; what: string };
  /** How the tool notices an edited migration it already applied. */
  edited: {
    /** The tool checksums the whole file (a comment change counts); else only the statements that run matter. */
    wholeFile: boolean;
    consequence: string;
  };
}

/** How this tool's users do what rule advice asks for, in the tool's own terms. */
export interface Mechanisms {
  /** How to run one statement outside the transaction the tool opens. */
  outsideTransaction: string;
  /** How to put a statement in a migration of its own. */
  separateMigration: string;
  /** How to declare an index so the tool's own schema diff keeps it; absent where the tool diffs nothing. */
  declareIndex?: string;
  /** The comment marker of the files the author edits (`--` or `#`), for ignore directives. */
  comment: "--" | "#";
  /** Where a statement goes so it runs before everything else in the migration; absent: at the top of the file. */
  runFirst?(sql: string): string;
}

export interface ToolAdapter<C extends string = string> {
  /** The name in .db-migrate.yml `convention:` and in reports. */
  convention: C;
  /** The family reports group by: Alembic, Prisma, or a raw-SQL tool. */
  tool: ToolName;
  /** The tool's own name, for messages. */
  label: string;
  detection: Detection;
  /** The project's migrations, ordered as the tool applies them. Never throws for a bad file: it carries a problem. */
  load(project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]>;
  transactions: Transactions;
  /** Null for tools that keep no state in the database (plain files run by hand). */
  bookkeeping: Bookkeeping | null;
  rollback: Rollbacks;
  naming: Naming;
  mechanisms: Mechanisms;
  /** The data model the tool writes migrations from (schema.prisma), when it has one in files of its own. */
  model?: {
    /** Which changed files are the model. */
    files: RegExp;
    /** How to write the migration a model change needs. */
    regenerate: string;
  };
}
