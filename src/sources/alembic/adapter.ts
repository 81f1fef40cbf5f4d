/**
 * Alembic: revision files parsed statically (never imported), ordered by
 * their revision graph, one transaction per migration unless env.py turns
 * `transactional_ddl` off, `alembic_version` for its state, and the
 * rollback written as the body of `def downgrade():`.
 */
import type { Migration } from "../../types.js";
import type { ToolAdapter } from "../adapter.js";
import { displayDir } from "../common/repo-view.js";
import { detectAlembic } from "./detect.js";
import { fillAlembicDowngrade, renderAlembicDowngrade } from "./downgrade.js";

export const alembic: ToolAdapter<"alembic"> = {
  convention: "alembic",
  tool: "alembic",
  label: "Alembic",
  detection: {
    async scan(repo, context) {
      const projects = await detectAlembic(repo);
      for (const project of projects)
        if (!repo.under(project.folder).some((file) => file.endsWith(".py")))
          context.notices.push({
            level: "info",
            message: `${displayDir(project.folder)}: the Alembic versions folder has no revisions yet`,
            path: project.folder,
          });
      return projects.map((project) => ({
        folder: project.folder,
        evidence: project.evidence,
        files: project.files,
        dialect: project.dialect,
        transactional: project.transactional,
      }));
    },
    ownsSubfolders: true,
  },
  // Loaded on demand: the Python reader is only needed for Alembic projects.
  load: async (project, files, options) => (await import("./index.js")).loadAlembic(project, files, options),
  transactions: {
    default: true,
    configurable: false,
    note: "",
    summary: (project) =>
      project.transactional ? "each migration runs in a transaction" : "no transaction opened by the tool",
  },
  bookkeeping: {
    table: "alembic_version",
    create:
      "CREATE TABLE IF NOT EXISTS alembic_version (version_num varchar(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
    record: (migration: Migration) =>
      `DELETE FROM alembic_version; INSERT INTO alembic_version (version_num) VALUES ('${migration.id.replaceAll("'", "''")}')`,
    async read(client, qualified) {
      const heads = (await client.query(`SELECT version_num FROM ${qualified}`)).map((r) => String(r.version_num));
      return { applied: heads, heads, failed: [] };
    },
    // Alembic records heads only: everything they descend from is applied.
    appliedOf(record, migrations) {
      const byId = new Map(migrations.map((m) => [m.id, m]));
      const seen = new Set<string>();
      const stack = [...(record.heads ?? [])];
      while (stack.length > 0) {
        const id = stack.pop() as string;
        const migration = byId.get(id);
        if (!migration || seen.has(id)) continue;
        seen.add(id);
        stack.push(...migration.parents, ...(migration.dependsOn ?? []));
      }
      return migrations.filter((m) => seen.has(m.id));
    },
  },
  rollback: {
    name: "downgrade()",
    expected: true,
    async file(migration, steps, read) {
      const current = await read(migration.path);
      if (current === null) return null;
      const after = fillAlembicDowngrade(current, renderAlembicDowngrade(steps));
      return after === null ? null : { path: migration.path, before: current, after };
    },
  },
  naming: {
    graph: true,
    versionKey: (migration) => migration.id,
    numericVersions: false,
    example: (name) => `a revision file made by \`alembic revision -m "${name}"\``,
    outOfOrder: {
      severity: "warning",
      what: "Alembic orders revisions by their down_revision links, not by file name",
    },
    edited: {
      wholeFile: false,
      consequence: "databases that already ran it will not run the new version, so they diverge from fresh ones",
    },
  },
  mechanisms: {
    runFirst: (sql) => `start upgrade() with \`op.execute("${sql}")\``,
    outsideTransaction: "wrap the call in `with op.get_context().autocommit_block():`",
    separateMigration: '`alembic revision -m "<name>"` and put only that operation in its upgrade()',
    declareIndex:
      "declare it on the SQLAlchemy model (`Index(...)` in `__table_args__`, or `index=True`) so `alembic revision --autogenerate` does not drop it",
    comment: "#",
  },
};
