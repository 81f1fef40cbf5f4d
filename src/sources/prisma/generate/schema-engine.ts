/**
 * Prisma's own schema engine (the WebAssembly build, pinned in package.json),
 * driven from Node. The engine talks to databases through a Prisma "driver
 * adapter"; ours serves it in-process PGlite databases, so `diff` against a
 * migrations folder replays it on a shadow database exactly as `prisma migrate
 * diff --from-migrations` would, with no network and no native binary.
 *
 * The adapter contract is @prisma/driver-adapter-utils' error-capturing one:
 * every async method resolves to `{ ok: true, value }` or `{ ok: false, error }`,
 * and a thrown JS error is kept in a registry the engine reads back by id.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { DiffTarget, MigrationDirectory, SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";
import { pgliteOptions } from "../../../generate/pglite.js";

/** The exact engine build `generate` is tested against; upgrading it is a deliberate change. */
export const SCHEMA_ENGINE_PACKAGE = "@prisma/schema-engine-wasm";

type Result<T> = { ok: true; value: T } | { ok: false; error: Record<string, unknown> };

/** @prisma/driver-adapter-utils ColumnTypeEnum (values are the engine's wire format). */
const COLUMN = {
  Int32: 0,
  Int64: 1,
  Float: 2,
  Double: 3,
  Numeric: 4,
  Boolean: 5,
  Character: 6,
  Text: 7,
  Json: 11,
  Bytes: 13,
  Int32Array: 64,
  Int64Array: 65,
  BooleanArray: 69,
  TextArray: 71,
} as const;

/** PostgreSQL type OIDs → how the engine expects the value, per @prisma/adapter-pg. */
const SCALAR_OIDS: Record<number, number> = {
  16: COLUMN.Boolean,
  17: COLUMN.Bytes,
  18: COLUMN.Character,
  19: COLUMN.Text,
  20: COLUMN.Int64,
  21: COLUMN.Int32,
  23: COLUMN.Int32,
  26: COLUMN.Int32,
  114: COLUMN.Json,
  700: COLUMN.Float,
  701: COLUMN.Double,
  1042: COLUMN.Character,
  1700: COLUMN.Numeric,
  3802: COLUMN.Json,
};
const ARRAY_OIDS: Record<number, number> = {
  1000: COLUMN.BooleanArray,
  1002: COLUMN.TextArray,
  1003: COLUMN.TextArray,
  1005: COLUMN.Int32Array,
  1007: COLUMN.Int32Array,
  1009: COLUMN.TextArray,
  1014: COLUMN.TextArray,
  1015: COLUMN.TextArray,
  1016: COLUMN.Int64Array,
  1028: COLUMN.Int32Array,
};

type PgliteModule = typeof import("@electric-sql/pglite");

interface Queryable {
  query<T>(
    sql: string,
    params?: unknown[],
    options?: { rowMode?: "array"; parsers?: Record<number, (value: string) => unknown> },
  ): Promise<{ rows: T[]; fields: Array<{ name: string; dataTypeID: number }>; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

/** Runs one query, returning raw text so each column is converted the way the engine expects. */
async function runQuery(pglite: PgliteModule, db: Queryable, sql: string, args: unknown[]) {
  const raw = Object.fromEntries(Object.keys(pglite.types.parsers).map((oid) => [oid, (value: string) => value]));
  const result = await db.query<Array<string | null>>(sql, args.map(toParam), { rowMode: "array", parsers: raw });
  const columnTypes = result.fields.map((f) => SCALAR_OIDS[f.dataTypeID] ?? ARRAY_OIDS[f.dataTypeID] ?? COLUMN.Text);
  const rows = result.rows.map((row) =>
    row.map((value, i) => (value === null ? null : convert(pglite, value, columnTypes[i] as number))),
  );
  return { columnNames: result.fields.map((f) => f.name), columnTypes, rows, affectedRows: result.affectedRows ?? 0 };
}

function toParam(value: unknown): unknown {
  if (value instanceof Uint8Array) return value;
  if (typeof value === "bigint") return value.toString();
  return value;
}

function convert(pglite: PgliteModule, text: string, type: number): unknown {
  switch (type) {
    case COLUMN.Boolean:
      return text === "t" || text === "true";
    case COLUMN.Int32:
    case COLUMN.Float:
    case COLUMN.Double:
      return Number(text);
    case COLUMN.Bytes:
      return Array.from(Buffer.from(text.slice(2), "hex"));
    case COLUMN.BooleanArray:
      return pglite.types.arrayParser(text, (v: string) => v === "t", 0);
    case COLUMN.Int32Array:
      return pglite.types.arrayParser(text, Number, 0);
    case COLUMN.Int64Array:
    case COLUMN.TextArray:
      return pglite.types.arrayParser(text, (v: string) => v, 0);
    default:
      return text;
  }
}

/** The error-capturing adapter the engine calls, over one PGlite database. */
function bindAdapter(pglite: PgliteModule, db: PGlite, registry: unknown[]) {
  const capture = <A extends unknown[], T>(fn: (...args: A) => Promise<T>) => {
    return async (...args: A): Promise<Result<T>> => {
      try {
        return { ok: true, value: await fn(...args) };
      } catch (error) {
        const pg = error as { code?: string; message?: string; severity?: string; detail?: string; hint?: string };
        if (typeof pg.code === "string") {
          return {
            ok: false,
            error: {
              kind: "postgres",
              code: pg.code,
              severity: pg.severity ?? "ERROR",
              message: pg.message ?? String(error),
              detail: pg.detail,
              column: undefined,
              hint: pg.hint,
            },
          };
        }
        registry.push({ error });
        return { ok: false, error: { kind: "GenericJs", id: registry.length - 1 } };
      }
    };
  };
  const info = { provider: "postgres", adapterName: "db-migrate-pglite" } as const;
  const queryable = (target: Queryable) => ({
    ...info,
    queryRaw: capture(async ({ sql, args }: { sql: string; args: unknown[] }) => {
      const { affectedRows: _, ...set } = await runQuery(pglite, target, sql, args);
      return set;
    }),
    executeRaw: capture(
      async ({ sql, args }: { sql: string; args: unknown[] }) =>
        (await runQuery(pglite, target, sql, args)).affectedRows,
    ),
  });
  return {
    ...queryable(db as unknown as Queryable),
    executeScript: capture(async (script: string) => {
      await db.exec(script);
    }),
    getConnectionInfo: () => ({ ok: true, value: { schemaName: "public", supportsRelationJoins: true } }),
    dispose: capture(async () => {}),
    startTransaction: capture(async () => {
      await db.exec("BEGIN");
      return {
        ...queryable(db as unknown as Queryable),
        options: { usePhantomQuery: false },
        commit: capture(async () => {
          await db.exec("COMMIT");
        }),
        rollback: capture(async () => {
          await db.exec("ROLLBACK");
        }),
      };
    }),
  };
}

let enginePackage: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

/** Where the engine's .wasm is: beside the bundle (dist) or in node_modules (sources). */
function wasmPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (!import.meta.url.endsWith(".ts")) return path.join(here, "prisma", "schema_engine_bg.wasm");
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve(`${SCHEMA_ENGINE_PACKAGE}/schema_engine_bg`)), "schema_engine_bg.wasm");
}

/** Instantiates the wasm-bindgen module once per process (Node cannot import .wasm as ESM without a flag). */
function loadEnginePackage(): Promise<typeof import("@prisma/schema-engine-wasm")> {
  enginePackage ??= (async () => {
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasm = (
      globalThis as unknown as {
        WebAssembly: {
          instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
        };
      }
    ).WebAssembly;
    const { instance } = await wasm.instantiate(readFileSync(wasmPath()), { "./schema_engine_bg.js": bindings });
    (bindings as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings as unknown as typeof import("@prisma/schema-engine-wasm");
  })();
  return enginePackage;
}

/** The version string the loaded engine reports (its prisma-engines commit). */
export async function schemaEngineVersion(): Promise<string> {
  return (await loadEnginePackage()).version();
}

export interface PrismaMigrationFolder {
  /** Folder name, e.g. `20240101000000_init`. */
  name: string;
  sql: string;
}

export interface SchemaEngineSession {
  /** The SQL Prisma would write to go from one target to the other (`migrate diff --script`). */
  diff(from: EngineTarget, to: EngineTarget): Promise<string>;
  close(): Promise<void>;
}

export type EngineTarget =
  | { kind: "empty" }
  | { kind: "schema"; files: SchemaContainer[] }
  | { kind: "migrations"; folders: PrismaMigrationFolder[] };

const FILTERS = { externalTables: [], externalEnums: [] };

/** Preview features this engine build knows; the others are GA by now (or gone) and change nothing in a diff. */
const KNOWN_PREVIEW_FEATURES = new Set([
  "fullTextSearchPostgres",
  "nativeDistinct",
  "partialIndexes",
  "postgresqlExtensions",
  "relationJoins",
  "schemaEngineDriverAdapters",
  "shardKeys",
  "strictUndefinedChecks",
  "typedSql",
  "views",
]);

/**
 * A schema as this engine build accepts it, with the same meaning: Prisma 7
 * rejects connection URLs in the datasource block (they moved to
 * prisma.config.ts) and preview features that went GA, and neither changes a
 * diff; nor do `view` blocks. Lines are blanked, never removed, so messages keep their line numbers.
 */
export function forSchemaEngine(content: string): string {
  // Migrate never creates views (`view` blocks are for the client), and older schemas gave them @id, which Prisma 7 rejects.
  const withoutViews = content.replace(/^view\s+\w+\s*\{[^}]*\}/gm, (block) => block.replace(/[^\n]/g, ""));
  return withoutViews.replace(
    /(\b(datasource|generator)\s+\w+\s*\{)([^}]*)(\})/g,
    (_all, open: string, kind: string, body: string, close: string) => {
      const kept = body.replace(
        /^(\s*)(\w+)(\s*=\s*)(.*)$/gm,
        (line, indent: string, key: string, eq: string, value: string) => {
          if (kind === "datasource" && ["url", "directUrl", "shadowDatabaseUrl"].includes(key)) return "";
          if (kind !== "generator" || key !== "previewFeatures") return line;
          const features = [...value.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
          const known = features.filter((feature) => KNOWN_PREVIEW_FEATURES.has(feature));
          return `${indent}${key}${eq}[${known.map((f) => `"${f}"`).join(", ")}]`;
        },
      );
      return `${open}${kept}${close}`;
    },
  );
}

function toDiffTarget(target: EngineTarget): DiffTarget {
  switch (target.kind) {
    case "empty":
      return { tag: "empty" };
    case "schema":
      return {
        tag: "schemaDatamodel",
        files: target.files.map((file) => ({ path: file.path, content: forSchemaEngine(file.content) })),
      };
    case "migrations": {
      const directories: MigrationDirectory[] = target.folders.map((folder) => ({
        path: folder.name,
        migrationFile: { path: "migration.sql", content: { tag: "ok", value: folder.sql } },
      }));
      return {
        tag: "migrations",
        baseDir: "/migrations",
        lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
        shadowDbInitScript: "",
        migrationDirectories: directories,
      };
    }
  }
}

/**
 * Opens the engine with in-process PGlite databases behind it: one "main"
 * database (unused by schema-to-schema diffs) and a fresh shadow database each
 * time the engine asks for one (a migrations target is replayed there).
 */
export async function openSchemaEngine(
  options: { log?: (message: string) => void } = {},
): Promise<SchemaEngineSession> {
  const [engineModule, pglite, start] = await Promise.all([
    loadEnginePackage(),
    import("@electric-sql/pglite"),
    pgliteOptions(),
  ]);
  const databases: PGlite[] = [];
  const registry: unknown[] = [];
  const open = async () => {
    const db = await pglite.PGlite.create(start);
    databases.push(db);
    return bindAdapter(pglite, db, registry);
  };
  const factory = {
    provider: "postgres",
    adapterName: "db-migrate-pglite",
    errorRegistry: { consumeError: (id: number) => registry[id] },
    connect: async () => ({ ok: true, value: await open() }),
    connectToShadowDb: async () => ({ ok: true, value: await open() }),
  };
  const engine: SchemaEngine = await engineModule.SchemaEngine.new(
    { datamodels: undefined },
    (message: string) => options.log?.(message),
    factory,
  );
  return {
    async diff(from, to) {
      const result = await engine.diff({
        from: toDiffTarget(from),
        to: toDiffTarget(to),
        script: true,
        exitCode: null,
        filters: FILTERS,
      });
      return result.stdout ?? "";
    },
    async close() {
      engine.free();
      await Promise.all(databases.map((db) => db.close()));
    },
  };
}
