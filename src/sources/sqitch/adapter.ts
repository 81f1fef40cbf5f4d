/**
 * sqitch: the changes of sqitch.plan in plan order, `deploy/<change>.sql`
 * with `revert/<change>.sql` as its rollback, run through psql with no
 * transaction of sqitch's own (scripts hold their own BEGIN/COMMIT).
 */
import path from "node:path/posix";
import type { Migration, Project } from "../../types.js";
import type { FileSource } from "../../workspace/types.js";
import type { Detected, LoadOptions, ToolAdapter } from "../adapter.js";
import { dialectFromUrl } from "../common/dialect.js";
import { iniValue, parseIni } from "../common/ini.js";
import { dirOf, joinPath, type RepoView } from "../common/repo-view.js";
import { separateDownFile, sqlBody } from "../sql/down-file.js";
import { projectFiles } from "../sql/folder.js";
import { loadSqitch } from "./load.js";

export const sqitch: ToolAdapter<"sqitch"> = {
  convention: "sqitch",
  tool: "sql",
  label: "sqitch",
  detection: {
    async scan(repo) {
      const found: Detected[] = [];
      for (const plan of repo.files.filter((file) => /(^|\/)sqitch\.plan$/.test(file)))
        found.push(await fromPlan(repo, plan));
      return found;
    },
    async dialect(repo, found) {
      const conf = found.files.find((file) => file.endsWith("sqitch.conf"));
      const engine = conf ? iniValue(parseIni((await repo.text(conf)) ?? ""), "core", "engine")?.value : undefined;
      if (!engine) return null;
      return {
        dialect: engine === "pg" ? "postgresql" : (dialectFromUrl(`${engine}:`) ?? "unknown"),
        evidence: `sqitch engine ${engine}`,
      };
    },
  },
  load: async (project: Project, files: FileSource, options: LoadOptions): Promise<Migration[]> =>
    loadSqitch(project, files, await projectFiles(project, files, options), options),
  transactions: {
    default: false,
    configurable: true,
    note: "sqitch runs scripts through psql without a transaction; scripts hold their own BEGIN/COMMIT",
    summary: () => "none opened by sqitch; scripts hold their own BEGIN/COMMIT",
  },
  bookkeeping: null,
  rollback: {
    name: "revert/ script",
    expected: true,
    file(migration, steps, read) {
      // deploy/<name>.sql → revert/<name>.sql beside it.
      const parts = migration.path.split("/");
      const deploy = parts.lastIndexOf("deploy");
      const target = deploy < 0 ? null : [...parts.slice(0, deploy), "revert", ...parts.slice(deploy + 1)].join("/");
      const name = path.basename(migration.path, ".sql");
      const change = migration.name && migration.name !== name ? migration.name : name;
      return separateDownFile(
        migration,
        target,
        `-- Revert ${change} from pg\n\nBEGIN;\n\n${sqlBody(steps)}\nCOMMIT;\n`,
        read,
      );
    },
  },
  naming: {
    graph: false,
    versionKey: (migration) => migration.id,
    numericVersions: false,
    example: (name) => `deploy/${name}.sql, added to sqitch.plan with \`sqitch add ${name}\``,
    outOfOrder: {
      severity: "error",
      what: "sqitch refuses to deploy a plan whose already-deployed changes are no longer in the same order",
    },
    edited: {
      wholeFile: false,
      consequence: "databases that already ran it will not run the new version, so they diverge from fresh ones",
    },
  },
  mechanisms: {
    outsideTransaction:
      "leave the statement outside the script's BEGIN/COMMIT (sqitch opens no transaction; psql runs what is outside one in autocommit)",
    separateMigration: "`sqitch add <name>` and put only that statement in its deploy script, with no BEGIN/COMMIT",
    comment: "--",
  },
};

async function fromPlan(repo: RepoView, plan: string): Promise<Detected> {
  const dir = dirOf(plan);
  const conf = joinPath(dir, "sqitch.conf");
  const evidence = [`${plan} lists the changes in order (sqitch)`];
  const files = [plan];
  let top = dir;
  if (repo.has(conf)) {
    files.push(conf);
    const ini = parseIni((await repo.text(conf)) ?? "");
    const topDir = iniValue(ini, "core", "top_dir");
    if (topDir) {
      top = joinPath(dir, topDir.value);
      evidence.push(`${conf}:${topDir.line}: top_dir = ${topDir.value}`);
    }
    const engine = iniValue(ini, "core", "engine");
    if (engine) evidence.push(`${conf}:${engine.line}: engine = ${engine.value}`);
  }
  return { folder: top, evidence, files };
}
