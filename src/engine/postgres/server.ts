/**
 * A real PostgreSQL server for one run: initdb'd into a temp data dir (or
 * copied from a pre-initialised one kept in the cache), listening on loopback
 * on a free port, stopped by its pid at the end, also when the process exits
 * or is interrupted. PostgreSQL refuses to run as root: under root (a
 * container) it runs as the `postgres` or `nobody` user.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { PostgresBinaries } from "./binaries.js";

const run = promisify(execFile);

export interface ServerOptions {
  /** Where a pre-initialised data dir per version is kept between runs (saves initdb). */
  cacheDir?: string;
  /** A fixed port (tests of "port in use"); default: a free one. */
  port?: number;
  log?: (message: string) => void;
  /** How long to wait for the server to accept connections. */
  startTimeoutMs?: number;
}

export interface RunningServer {
  port: number;
  host: string;
  user: string;
  pid: number;
  /** A folder the server can read (COPY data files). */
  scratchDir: string;
  url(database: string): string;
  stop(): Promise<void>;
}

interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** Under root, the unprivileged user the server runs as (from /etc/passwd). */
function serverUser(): OsUser | null {
  if (process.getuid?.() !== 0) return null;
  let passwd = "";
  try {
    passwd = readFileSync("/etc/passwd", "utf8");
  } catch {
    // no passwd file: no user to switch to
  }
  for (const name of ["postgres", "nobody"]) {
    const line = passwd.split("\n").find((l) => l.startsWith(`${name}:`));
    const fields = line?.split(":");
    if (fields && fields.length > 3) return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error("running as root, and there is no `postgres` or `nobody` user to run PostgreSQL as");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Servers this process started and has not stopped yet: stopped when the process goes away. */
const running = new Map<number, { child: ChildProcess; dir: string }>();
let hooked = false;

function stopAllNow(): void {
  for (const [pid, { dir }] of running) {
    try {
      // Immediate shutdown: the only kind possible from an exit handler (no waiting).
      process.kill(pid, "SIGQUIT");
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  }
  running.clear();
}

function hookProcessExit(): void {
  if (hooked) return;
  hooked = true;
  process.once("exit", stopAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      stopAllNow();
      // Then die of the same signal, as without this handler.
      process.kill(process.pid, signal);
    });
  }
}

function chownTree(dir: string, user: OsUser): void {
  chownSync(dir, user.uid, user.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, user);
    else chownSync(full, user.uid, user.gid);
  }
}

/** initdb once per version into the cache; each run copies it (much faster than initdb). */
async function initialisedDataDir(
  binaries: PostgresBinaries,
  target: string,
  options: ServerOptions,
  user: OsUser | null,
) {
  const args = ["-D", target, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"];
  const pristine = options.cacheDir ? path.join(options.cacheDir, `pgdata-${binaries.version}`) : null;
  if (pristine && existsSync(path.join(pristine, "PG_VERSION"))) {
    cpSync(pristine, target, { recursive: true });
    if (user) chownTree(target, user);
    return;
  }
  const [command, argv] = user
    ? ["runuser", ["-u", user.name, "--", binaries.initdb, ...args]]
    : [binaries.initdb, args];
  try {
    await run(command, argv, { timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(
      `initdb of PostgreSQL ${binaries.major} failed: ${(e.stderr || e.message).trim().split("\n").at(-1)}`,
    );
  }
  if (pristine) {
    try {
      mkdirSync(path.dirname(pristine), { recursive: true });
      const staging = `${pristine}.${process.pid}.tmp`;
      cpSync(target, staging, { recursive: true });
      rmSync(pristine, { recursive: true, force: true });
      cpSync(staging, pristine, { recursive: true });
      rmSync(staging, { recursive: true, force: true });
    } catch (error) {
      options.log?.(`engine: could not keep the initialised data dir: ${(error as Error).message}`);
    }
  }
}

export async function startServer(binaries: PostgresBinaries, options: ServerOptions = {}): Promise<RunningServer> {
  const user = serverUser();
  const base = mkdtempSync(path.join(os.tmpdir(), `db-migrate-pg${binaries.major}-`));
  if (user) chownSync(base, user.uid, user.gid);
  const data = path.join(base, "data");
  try {
    await initialisedDataDir(binaries, data, options, user);
  } catch (error) {
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  const port = options.port ?? (await freePort());
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    port: String(port),
    unix_socket_directories: process.platform === "win32" ? "" : base,
    fsync: "off",
    synchronous_commit: "off",
    full_page_writes: "off",
    max_connections: "20",
    shared_buffers: "64MB",
    max_locks_per_transaction: "256",
    TimeZone: "UTC",
  };
  const args = ["-D", data, ...Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`])];
  const child = spawn(binaries.postgres, args, {
    cwd: base,
    stdio: ["ignore", "ignore", "pipe"],
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  const pid = child.pid;
  if (pid === undefined) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`PostgreSQL ${binaries.major} could not be started (${binaries.postgres})`);
  }
  running.set(pid, { child, dir: base });
  hookProcessExit();
  const stop = async () => {
    if (!running.has(pid)) return;
    running.delete(pid);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(base, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  const { default: pg } = await import("pg");
  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  for (;;) {
    const probe = new pg.Client({ connectionString: url("postgres"), connectionTimeoutMillis: 2000 });
    try {
      await probe.connect();
      await probe.end();
      break;
    } catch (error) {
      await probe.end().catch(() => {});
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        await stop();
        const reason = lastLogLine(log) ?? (error as Error).message;
        throw new Error(`PostgreSQL ${binaries.major} did not start on port ${port}: ${reason}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  options.log?.(`engine: PostgreSQL ${binaries.version} started on 127.0.0.1:${port} (pid ${pid})`);
  return { port, host: "127.0.0.1", user: "postgres", pid, scratchDir: base, url, stop };
}

function lastLogLine(log: string): string | undefined {
  return log
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /FATAL|ERROR|could not|error/i.test(l))
    .at(-1);
}
