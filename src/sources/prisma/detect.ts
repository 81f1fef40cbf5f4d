/**
 * Prisma projects: a migrations folder (`migration_lock.toml`, or
 * `<timestamp>_<name>/migration.sql` folders) and the schema it belongs to
 * (schema.prisma, a schema folder, or a path set in package.json `prisma.schema`
 * or prisma.config.ts when it is a plain string literal).
 */
import { parse as parseToml } from "smol-toml";
import type { Dialect, Notice, Project } from "../../types.js";
import { dialectFromName } from "../common/dialect.js";
import { dirOf, displayDir, joinPath, type RepoView } from "../common/repo-view.js";

export const PRISMA_MIGRATION_DIR = /^\d{14}_[^/]+$/;

interface CustomPaths {
  schema?: string;
  migrations?: string;
  evidence: string;
}

export async function detectPrisma(repo: RepoView): Promise<{ projects: Project[]; notices: Notice[] }> {
  const custom = await customPaths(repo);
  const folders = new Map<string, string[]>();
  const note = (folder: string, why: string) => folders.set(folder, [...(folders.get(folder) ?? []), why]);
  for (const file of repo.files) {
    if (file.endsWith("/migration_lock.toml") || file === "migration_lock.toml") note(dirOf(file), `${file} present`);
    const match = /^(.*?)\/?([^/]+)\/migration\.sql$/.exec(file);
    if (match && PRISMA_MIGRATION_DIR.test(match[2] as string)) {
      const folder = match[1] as string;
      if (!folders.get(folder)?.some((why) => why.includes("<timestamp>_<name>")))
        note(folder, `${folder}/<timestamp>_<name>/migration.sql folders`);
    }
  }
  for (const paths of custom) {
    const folder =
      paths.migrations ?? (paths.schema ? joinPath(schemaDir(repo, paths.schema), "migrations") : undefined);
    if (folder && repo.isDir(folder)) note(folder, paths.evidence);
  }

  const projects: Project[] = [];
  const notices: Notice[] = [];
  const usedSchemas = new Set<string>();
  for (const [folder, evidence] of folders) {
    const configured = custom.find(
      (paths) =>
        paths.migrations === folder ||
        (paths.schema && joinPath(schemaDir(repo, paths.schema), "migrations") === folder),
    );
    const schema = configured?.schema ?? findSchema(repo, dirOf(folder));
    if (schema) usedSchemas.add(schema);
    const files: string[] = [];
    const lock = joinPath(folder, "migration_lock.toml");
    let dialect: Dialect | null = null;
    if (repo.has(lock)) {
      files.push(lock);
      const provider = await lockProvider(repo, lock);
      if (provider) {
        dialect = dialectFromName(provider);
        evidence.push(`${lock}: provider = "${provider}"`);
      }
    }
    if (schema) {
      files.push(schema);
      if (!dialect) {
        const provider = await schemaProvider(repo, schema);
        if (provider) {
          dialect = dialectFromName(provider);
          evidence.push(`${schema}: datasource provider = "${provider}"`);
        }
      }
    }
    if (!dialect) {
      dialect = "postgresql";
      evidence.push("no provider found; PostgreSQL assumed");
    }
    if (!repo.under(folder).some((file) => file.endsWith("migration.sql")))
      notices.push({
        level: "info",
        message: `${displayDir(folder)}: the Prisma migrations folder has no migrations yet`,
        path: folder,
      });
    projects.push({
      tool: "prisma",
      convention: "prisma",
      folder,
      dialect,
      transactional: true,
      files,
      evidence,
      ...(schema ? { schemaPath: schema } : {}),
    });
  }
  for (const file of repo.files.filter((f) => /(^|\/)schema\.prisma$/.test(f) && !usedSchemas.has(f))) {
    const text = (await repo.text(file)) ?? "";
    if (!/\bdatasource\s+\w+\s*\{/.test(text)) continue;
    notices.push({
      level: "info",
      message: `${file}: a Prisma schema with no migrations folder beside it (\`prisma db push\`?); nothing to analyse until \`prisma migrate dev\` creates migrations`,
      path: file,
    });
  }
  return { projects, notices };
}

/** The folder a schema path stands for: the file's folder, or the schema folder itself. */
function schemaDir(repo: RepoView, schema: string): string {
  return repo.isDir(schema) ? schema : dirOf(schema);
}

/** schema.prisma next to the migrations folder, or a folder of .prisma files (prismaSchemaFolder). */
function findSchema(repo: RepoView, dir: string): string | undefined {
  const direct = joinPath(dir, "schema.prisma");
  if (repo.has(direct)) return direct;
  const inFolder = repo.children(dir).filter((file) => file.endsWith(".prisma"));
  if (inFolder.length > 0) return inFolder.find((file) => file.endsWith("/schema.prisma")) ?? (inFolder[0] as string);
  const schemaFolder = joinPath(dir, "schema");
  const folderFiles = repo.children(schemaFolder).filter((file) => file.endsWith(".prisma"));
  return folderFiles.length > 0 ? schemaFolder : undefined;
}

async function lockProvider(repo: RepoView, lock: string): Promise<string | null> {
  try {
    const table = parseToml((await repo.text(lock)) ?? "") as Record<string, unknown>;
    return typeof table.provider === "string" ? table.provider : null;
  } catch {
    return null;
  }
}

async function schemaProvider(repo: RepoView, schema: string): Promise<string | null> {
  const files = repo.isDir(schema) ? repo.children(schema).filter((file) => file.endsWith(".prisma")) : [schema];
  for (const file of files) {
    const text = (await repo.text(file)) ?? "";
    // The datasource block only: comments removed, first `provider = "…"` inside it.
    const code = text.replace(/\/\/.*$/gm, "");
    const provider = /\bdatasource\s+\w+\s*\{[^}]*?\bprovider\s*=\s*"([^"]+)"/s.exec(code)?.[1];
    if (provider) return provider;
  }
  return null;
}

/** package.json `prisma.schema` and prisma.config.ts `schema` / `migrations.path`, when plain string literals. */
async function customPaths(repo: RepoView): Promise<CustomPaths[]> {
  const found: CustomPaths[] = [];
  for (const file of repo.files.filter((f) => /(^|\/)package\.json$/.test(f))) {
    let json: { prisma?: { schema?: unknown } };
    try {
      json = JSON.parse((await repo.text(file)) ?? "");
    } catch {
      continue;
    }
    const schema = json.prisma?.schema;
    if (typeof schema === "string")
      found.push({ schema: joinPath(dirOf(file), schema), evidence: `${file}: prisma.schema = "${schema}"` });
  }
  for (const file of repo.files.filter((f) => /(^|\/)prisma\.config\.(ts|mts|js|mjs|cjs)$/.test(f))) {
    const text = (await repo.text(file)) ?? "";
    const schema = /\bschema\s*:\s*["'`]([^"'`$]+)["'`]/.exec(text)?.[1];
    const migrations = /\bmigrations\s*:\s*\{[^}]*?\bpath\s*:\s*["'`]([^"'`$]+)["'`]/s.exec(text)?.[1];
    if (!schema && !migrations) continue;
    found.push({
      ...(schema ? { schema: joinPath(dirOf(file), schema) } : {}),
      ...(migrations ? { migrations: joinPath(dirOf(file), migrations) } : {}),
      evidence: `${file}: ${[schema ? `schema: "${schema}"` : "", migrations ? `migrations.path: "${migrations}"` : ""].filter(Boolean).join(", ")}`,
    });
  }
  return found;
}
