/**
 * The one list of migration tools. Detection asks them in this order: tools
 * recognised by their own files first, then folder layouts from the most
 * specific to plain numbered files. Adding a tool is one folder under
 * `sources/` and one line here.
 */
import type { ToolAdapter } from "./adapter.js";
import { alembic } from "./alembic/adapter.js";
import { dbmate } from "./dbmate/adapter.js";
import { diesel } from "./diesel/adapter.js";
import { flyway } from "./flyway/adapter.js";
import { golangMigrate } from "./golang-migrate/adapter.js";
import { goose } from "./goose/adapter.js";
import { plain } from "./plain/adapter.js";
import { prisma } from "./prisma/adapter.js";
import { sqitch } from "./sqitch/adapter.js";
import { sqlx } from "./sqlx/adapter.js";

export const ADAPTERS = [alembic, prisma, sqitch, diesel, sqlx, golangMigrate, flyway, dbmate, goose, plain] as const;

/** How the files of a project are laid out and ordered: one per tool. */
export type Convention = (typeof ADAPTERS)[number]["convention"];

export const CONVENTIONS = ADAPTERS.map((adapter) => adapter.convention) as [Convention, ...Convention[]];

const BY_CONVENTION = new Map<string, ToolAdapter>(ADAPTERS.map((adapter) => [adapter.convention, adapter]));

export function adapterFor(convention: Convention): ToolAdapter {
  const adapter = BY_CONVENTION.get(convention);
  if (!adapter) throw new Error(`no adapter for convention ${convention}`);
  return adapter;
}

/** Every tool's bookkeeping table name: schema snapshots leave them out. */
export function bookkeepingTables(): string[] {
  return [...new Set(ADAPTERS.flatMap((adapter) => (adapter.bookkeeping ? [adapter.bookkeeping.table] : [])))];
}

/** The tool names, for messages listing what detection looks for. */
export function toolLabels(): string[] {
  return ADAPTERS.map((adapter) => adapter.label);
}
