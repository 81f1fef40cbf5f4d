/**
 * Alembic projects: from alembic.ini `script_location`, from pyproject.toml
 * `[tool.alembic]`, and from an env.py calling `context.configure` beside a
 * versions/ folder (projects that build their Config in code, with no ini).
 */
import { parse as parseToml } from "smol-toml";
import type { Dialect, Project } from "../../types.js";
import { dialectFromUrl } from "../common/dialect.js";
import { iniValue, parseIni } from "../common/ini.js";
import { dirOf, isWithin, joinPath, type RepoView } from "../common/repo-view.js";

const REVISION_LINE = /^\s*revision\s*(?::\s*str\s*)?=\s*['"]/m;

interface AlembicLocation {
  scriptLocation: string;
  versionLocations: string[];
  dialect: Dialect | null;
  files: string[];
  evidence: string[];
}

export async function detectAlembic(repo: RepoView): Promise<Project[]> {
  const locations: AlembicLocation[] = [];
  for (const ini of repo.files.filter((file) => /(^|\/)[^/]*alembic[^/]*\.ini$/.test(file))) {
    for (const found of await fromIni(repo, ini))
      if (!locations.some((known) => known.scriptLocation === found.scriptLocation)) locations.push(found);
  }
  for (const pyproject of repo.files.filter((file) => /(^|\/)pyproject\.toml$/.test(file))) {
    const found = await fromPyproject(repo, pyproject);
    if (found && !locations.some((known) => known.scriptLocation === found.scriptLocation)) locations.push(found);
  }
  for (const env of repo.files.filter((file) => /(^|\/)env\.py$/.test(file))) {
    const dir = dirOf(env);
    if (locations.some((known) => known.scriptLocation === dir)) continue;
    const found = await fromEnvPy(repo, env);
    if (found) locations.push(found);
  }

  const projects: Project[] = [];
  for (const location of locations) {
    const env = joinPath(location.scriptLocation, "env.py");
    const envText = repo.has(env) ? await repo.text(env) : null;
    if (repo.has(env) && !location.files.includes(env)) location.files.push(env);
    const folder = location.versionLocations[0] ?? joinPath(location.scriptLocation, "versions");
    if (projects.some((known) => known.folder === folder)) continue;
    const evidence = [...location.evidence];
    const transactional = !/transactional_ddl\s*=\s*False/.test(envText ?? "");
    if (!transactional) evidence.push(`${env}: transactional_ddl=False, migrations run without a transaction`);
    else if (/transaction_per_migration\s*=\s*True/.test(envText ?? ""))
      evidence.push(`${env}: transaction_per_migration=True, one transaction per migration`);
    let dialect = location.dialect;
    if (!dialect && envText) dialect = dialectInEnv(envText);
    if (!dialect) {
      dialect = "postgresql";
      evidence.push("no literal sqlalchemy.url; PostgreSQL assumed");
    }
    const others = location.versionLocations.slice(1);
    if (others.length > 0)
      evidence.push(`version_locations also lists ${others.join(", ")}; only ${folder} is read as this project`);
    projects.push({
      tool: "alembic",
      convention: "alembic",
      folder,
      dialect,
      transactional,
      files: location.files,
      evidence,
    });
  }
  return projects;
}

/** Every section with a script_location: `[alembic]`, and named ones chosen with `alembic -n <name>`. */
async function fromIni(repo: RepoView, ini: string): Promise<AlembicLocation[]> {
  const sections = parseIni((await repo.text(ini)) ?? "");
  const here = dirOf(ini);
  const found: AlembicLocation[] = [];
  for (const section of sections.keys()) {
    const script = iniValue(sections, section, "script_location");
    if (!script) continue;
    const scriptLocation = resolveLocation(repo, script.value, here);
    if (scriptLocation === null) continue;
    const versions = iniValue(sections, section, "version_locations");
    const url = iniValue(sections, section, "sqlalchemy.url") ?? iniValue(sections, "alembic", "sqlalchemy.url");
    const evidence = [`${ini}:${script.line}: [${section}] script_location = ${script.value}`];
    const dialect = url ? dialectFromUrl(url.value) : null;
    if (url && dialect) evidence.push(`${ini}:${url.line}: sqlalchemy.url names ${dialect}`);
    found.push({
      scriptLocation,
      versionLocations: versions ? splitLocations(versions.value, here, repo) : [],
      dialect,
      files: [ini],
      evidence,
    });
  }
  return found;
}

async function fromPyproject(repo: RepoView, file: string): Promise<AlembicLocation | null> {
  let table: Record<string, unknown>;
  try {
    table = parseToml((await repo.text(file)) ?? "") as Record<string, unknown>;
  } catch {
    return null;
  }
  const alembic = (table.tool as Record<string, unknown> | undefined)?.alembic as Record<string, unknown> | undefined;
  const script = alembic?.script_location;
  if (typeof script !== "string") return null;
  const here = dirOf(file);
  const scriptLocation = resolveLocation(repo, script, here);
  if (scriptLocation === null) return null;
  const versions = alembic?.version_locations;
  const versionLocations = Array.isArray(versions)
    ? versions.flatMap((v) => (typeof v === "string" ? [resolveLocation(repo, v, here) ?? ""] : [])).filter(Boolean)
    : typeof versions === "string"
      ? splitLocations(versions, here, repo)
      : [];
  return {
    scriptLocation,
    versionLocations,
    dialect: null,
    files: [file],
    evidence: [`${file}: [tool.alembic] script_location = ${script}`],
  };
}

/** An env.py that configures an Alembic migration context, next to a versions/ folder of revision files. */
async function fromEnvPy(repo: RepoView, env: string): Promise<AlembicLocation | null> {
  const text = (await repo.text(env)) ?? "";
  if (!/\bcontext\.configure\s*\(/.test(text) || !/\balembic\b/.test(text)) return null;
  const dir = dirOf(env);
  const versions = joinPath(dir, "versions");
  const revisionFiles = repo.children(versions).filter((file) => file.endsWith(".py"));
  let revisions = 0;
  for (const file of revisionFiles.slice(0, 5)) if (REVISION_LINE.test((await repo.text(file)) ?? "")) revisions++;
  if (revisionFiles.length > 0 && revisions === 0) return null;
  if (!repo.isDir(versions) && revisionFiles.length === 0) {
    // An env.py with no versions folder yet: a project with no migrations.
    if (!repo.files.some((file) => isWithin(file, dir) && file.endsWith("script.py.mako"))) return null;
  }
  return {
    scriptLocation: dir,
    versionLocations: [],
    dialect: null,
    // Flask-Migrate keeps an alembic.ini without script_location beside env.py: it still configures the project.
    files: repo.has(joinPath(dir, "alembic.ini")) ? [joinPath(dir, "alembic.ini")] : [],
    evidence: [
      `${env} calls context.configure (no alembic.ini names this folder)`,
      `${versions}/ holds ${revisionFiles.length} revision file(s)`,
    ],
  };
}

/** `%(here)s/alembic`, `alembic`, `package.module:folder` to a repo-relative folder. */
function resolveLocation(repo: RepoView, value: string, here: string): string | null {
  const raw = value.trim();
  if (!raw) return null;
  // `%(here)s` is the ini file's folder; other relative paths are taken from it too (where alembic is run).
  const anchored = raw.includes("%(here)s");
  const expanded = raw.replace(/%\(here\)s/g, here || ".");
  if (/%\(|\$\{/.test(expanded)) return null;
  const direct = anchored ? joinPath(expanded) : joinPath(here, expanded.replace(/^\/+/, ""));
  if (repo.isDir(direct) || !expanded.includes(":")) return direct;
  // `myapp.db:migrations`: a folder inside an importable package, wherever the package lives (`src/myapp`).
  const [pkg, sub] = expanded.split(":") as [string, string];
  const suffix = joinPath(pkg.replace(/\./g, "/"), sub);
  const matches = [
    ...new Set(
      repo.files
        .filter((file) => file.startsWith(`${suffix}/`) || file.includes(`/${suffix}/`))
        .map((file) => file.slice(0, file.indexOf(`${suffix}/`) + suffix.length)),
    ),
  ];
  const nearest = matches.sort(
    (a, b) => Number(isWithin(b, here)) - Number(isWithin(a, here)) || a.length - b.length,
  )[0];
  return nearest ?? joinPath(here, suffix);
}

function splitLocations(value: string, here: string, repo: RepoView): string[] {
  return value
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((location) => resolveLocation(repo, location, here))
    .filter((location): location is string => location !== null);
}

/** A literal engine URL written in env.py (`create_engine("postgresql://…")`, `url = "sqlite:///…"`). */
function dialectInEnv(text: string): Dialect | null {
  for (const match of text.matchAll(
    /["']((?:postgres(?:ql)?|mysql|mariadb|sqlite|mssql|cockroachdb|oracle)[a-z0-9+]*:\/\/[^"']*)["']/g,
  )) {
    const dialect = dialectFromUrl(match[1] as string);
    if (dialect) return dialect;
  }
  return null;
}
