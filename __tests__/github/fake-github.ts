// biome-ignore-all lint/suspicious/noAssignInExpressions: the router matches and captures in one step per route
/**
 * A stand-in for the GitHub REST API on 127.0.0.1: it keeps the state the
 * action touches (comments, check runs, reactions, branches, commits),
 * answers like GitHub (Link-header pagination, 403 for a read-only token, 422
 * for over-long annotation batches or a stale branch) and records every
 * request so tests can assert exactly what was sent.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { packTar } from "modern-tar";

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies as sent
  body: any;
}

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  html_url: string;
  created_at: string;
}

interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  conclusion?: string;
  output: { title?: string; summary?: string };
  annotations: unknown[];
}

interface Injected {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  message?: string;
  headers?: Record<string, string>;
}

/** What github.com says for a secondary rate limit (403, with retry-after). */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.";

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Who the token posts as. */
  botLogin?: string;
  /** A fork PR's token: every write answers 403. */
  readOnly?: boolean;
  /** Permission level per login for getCollaboratorPermissionLevel. */
  permissions?: Record<string, string>;
  perPageCap?: number;
  /** Requests per hour of the token (a workflow token: 1,000 per repository); past it, 403 as GitHub answers. */
  rateLimit?: number;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments = new Map<number, Comment[]>();
  readonly checkRuns: CheckRun[] = [];
  readonly reactions: Array<{ commentId: number; content: string }> = [];
  /** PR number → changed file names. */
  readonly pullFiles = new Map<number, string[]>();
  // biome-ignore lint/suspicious/noExplicitAny: PR objects as GitHub returns them
  readonly pulls = new Map<number, any>();
  /** commit sha → path → bytes. */
  readonly commits = new Map<string, Map<string, Buffer>>();
  readonly branches = new Map<string, string>();
  readonly blobs = new Map<string, Buffer>();
  private readonly parents = new Map<string, string[]>();
  readonly owner: string;
  readonly repo: string;
  botLogin: string;
  readOnly: boolean;
  permissions: Record<string, string>;
  private readonly injected: Injected[] = [];
  readonly rateLimit: number;
  private nextId = 1000;
  private apiRequests = 0;
  private server: Server | undefined;
  url = "";

  constructor(options: FakeGitHubOptions = {}) {
    this.owner = options.owner ?? "Codertocat";
    this.repo = options.repo ?? "Hello-World";
    this.botLogin = options.botLogin ?? "github-actions[bot]";
    this.readOnly = options.readOnly ?? false;
    this.permissions = options.permissions ?? {};
    this.rateLimit = options.rateLimit ?? 1000;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: String(error) }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Answer the next `times` matching requests with `status` (e.g. 502, then the real answer). */
  fail(
    method: string,
    pathPattern: RegExp,
    status: number,
    times = 1,
    message?: string,
    headers?: Record<string, string>,
  ): void {
    this.injected.push({ method, path: pathPattern, status, times, message, headers });
  }

  /** The next `times` matching requests get GitHub's secondary-rate-limit 403. */
  secondaryRateLimit(method: string, pathPattern: RegExp, times: number): void {
    this.fail(method, pathPattern, 403, times, SECONDARY_RATE_LIMIT_MESSAGE, { "retry-after": "60" });
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  count(method: string, pattern: RegExp): number {
    return this.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
  }

  /** Registers a commit's files, read from a folder on disk (the fixture at that commit). */
  async addCommitFromFolder(sha: string, folder: string): Promise<void> {
    const files = new Map<string, Buffer>();
    const walk = async (dir: string) => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.name === ".git") continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else files.set(path.relative(folder, full).split(path.sep).join("/"), await readFile(full));
      }
    };
    await walk(folder);
    this.addCommit(sha, files);
  }

  addCommit(sha: string, files: Map<string, Buffer>): void {
    this.commits.set(sha, files);
    for (const content of files.values()) this.blobs.set(blobSha(content), content);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const recorded: RecordedRequest = {
      method: request.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
    };
    this.requests.push(recorded);
    // Downloads from codeload are not REST API requests: they do not count against the rate limit.
    if (!recorded.path.startsWith("/_codeload/")) this.apiRequests += 1;

    // Every answer carries the rate-limit headers github.com sends.
    const used = this.apiRequests;
    const limitHeaders = {
      "x-ratelimit-limit": String(this.rateLimit),
      "x-ratelimit-remaining": String(Math.max(0, this.rateLimit - used)),
      "x-ratelimit-used": String(used),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-ratelimit-resource": "core",
      "x-github-request-id": `0000:${used}`,
    };
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...limitHeaders, ...headers });
      response.end(body === undefined ? "" : JSON.stringify(body));
    };
    if (used > this.rateLimit)
      return send(403, {
        message:
          "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.",
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
      });
    const injected = this.injected.find(
      (i) => i.times > 0 && i.method === recorded.method && i.path.test(recorded.path),
    );
    if (injected) {
      injected.times -= 1;
      return send(
        injected.status,
        {
          message: injected.message ?? `injected ${injected.status}`,
          documentation_url: "https://docs.github.com/rest",
        },
        injected.headers,
      );
    }
    const { method } = recorded;
    const base = `/repos/${this.owner}/${this.repo}`;
    const route = recorded.path.startsWith(base) ? recorded.path.slice(base.length) : null;
    const write = method !== "GET";
    let match: RegExpExecArray | null;
    const forbidden = () =>
      send(403, {
        message: "Resource not accessible by integration",
        documentation_url: "https://docs.github.com/rest",
        status: "403",
      });

    if (method === "GET" && recorded.path === "/user") return forbidden();
    if (method === "GET" && (match = /^\/_codeload\/[^/]+\/[^/]+\/legacy\.tar\.gz\/([0-9a-f]+)$/.exec(recorded.path))) {
      const files = this.commits.get(match[1]!);
      if (!files) return send(404, { message: "Not Found" });
      const top = `${this.owner}-${this.repo}-${match[1]!.slice(0, 7)}`;
      const tar = await packTar([
        { header: { name: `${top}/`, type: "directory", size: 0 } },
        ...[...files].map(([file, content]) => ({
          header: { name: `${top}/${file}`, type: "file" as const, size: content.length },
          body: new Uint8Array(content),
        })),
      ]);
      response.writeHead(200, { "content-type": "application/x-gzip" });
      response.end(gzipSync(tar));
      return;
    }
    if (route === null) return send(404, { message: "Not Found" });

    if (method === "GET" && (match = /^\/pulls\/(\d+)\/files$/.exec(route)))
      return this.paginate(
        recorded,
        send,
        (this.pullFiles.get(Number(match[1])) ?? []).map((filename) => ({
          filename,
          status: "added",
        })),
      );
    if (method === "GET" && (match = /^\/pulls\/(\d+)$/.exec(route))) {
      const pr = this.pulls.get(Number(match[1]));
      return pr ? send(200, pr) : send(404, { message: "Not Found" });
    }
    if ((match = /^\/issues\/(\d+)\/comments$/.exec(route))) {
      const list = this.comments.get(Number(match[1])) ?? [];
      this.comments.set(Number(match[1]), list);
      if (method === "GET") return this.paginate(recorded, send, list);
      if (this.readOnly) return forbidden();
      const id = this.nextId++;
      const comment: Comment = {
        id,
        body: recorded.body.body,
        user: { login: this.botLogin, type: "Bot" },
        html_url: `https://github.com/${this.owner}/${this.repo}/pull/${match[1]}#issuecomment-${id}`,
        created_at: new Date().toISOString(),
      };
      list.push(comment);
      return send(201, comment);
    }
    if ((match = /^\/issues\/comments\/(\d+)$/.exec(route))) {
      if (this.readOnly) return forbidden();
      const id = Number(match[1]);
      for (const list of this.comments.values()) {
        const index = list.findIndex((c) => c.id === id);
        if (index < 0) continue;
        if (method === "DELETE") {
          list.splice(index, 1);
          return send(204);
        }
        list[index]!.body = recorded.body.body;
        return send(200, list[index]);
      }
      return send(404, { message: "Not Found" });
    }
    if (method === "POST" && (match = /^\/issues\/comments\/(\d+)\/reactions$/.exec(route))) {
      if (this.readOnly) return forbidden();
      this.reactions.push({ commentId: Number(match[1]), content: recorded.body.content });
      return send(201, { id: this.nextId++, content: recorded.body.content });
    }
    if (method === "GET" && (match = /^\/collaborators\/([^/]+)\/permission$/.exec(route))) {
      const role = this.permissions[match[1]!] ?? "none";
      const permission = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return send(200, { permission, role_name: role, user: { login: match[1] } });
    }
    if (route === "/check-runs" && method === "POST") {
      if (this.readOnly) return forbidden();
      const annotations = recorded.body.output?.annotations ?? [];
      if (annotations.length > 50) return send(422, { message: "Only 50 annotations are allowed per request" });
      const run: CheckRun = {
        id: this.nextId++,
        name: recorded.body.name,
        head_sha: recorded.body.head_sha,
        conclusion: recorded.body.conclusion,
        output: recorded.body.output ?? {},
        annotations: [...annotations],
      };
      this.checkRuns.push(run);
      return send(201, { ...run, html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}` });
    }
    if (method === "PATCH" && (match = /^\/check-runs\/(\d+)$/.exec(route))) {
      const run = this.checkRuns.find((r) => r.id === Number(match![1]));
      if (!run) return send(404, { message: "Not Found" });
      const annotations = recorded.body.output?.annotations ?? [];
      if (annotations.length > 50) return send(422, { message: "Only 50 annotations are allowed per request" });
      if (!recorded.body.output?.title || !recorded.body.output?.summary)
        return send(422, { message: "output.title and output.summary are required" });
      run.annotations.push(...annotations);
      return send(200, { ...run, html_url: `https://github.com/${this.owner}/${this.repo}/runs/${run.id}` });
    }
    if (method === "GET" && (match = /^\/tarball\/([0-9a-f]+)$/.exec(route))) {
      if (!this.commits.has(match[1]!)) return send(404, { message: "Not Found" });
      // As github.com: a redirect to codeload, which serves `<owner>-<repo>-<sha7>/…` gzipped.
      return send(302, undefined, {
        location: `${this.url}/_codeload/${this.owner}/${this.repo}/legacy.tar.gz/${match[1]}`,
      });
    }
    if (method === "GET" && (match = /^\/git\/trees\/([0-9a-f]+)$/.exec(route))) {
      const files = this.commits.get(match[1]!);
      if (!files) return send(404, { message: "Not Found" });
      const tree = [...files.entries()].map(([file, content]) => ({
        path: file,
        mode: "100644",
        type: "blob",
        sha: blobSha(content),
        size: content.length,
      }));
      return send(200, { sha: match[1], tree, truncated: false });
    }
    if (method === "GET" && (match = /^\/git\/blobs\/([0-9a-f]+)$/.exec(route))) {
      const content = this.blobs.get(match[1]!);
      if (!content) return send(404, { message: "Not Found" });
      return send(200, {
        sha: match[1],
        size: content.length,
        encoding: "base64",
        content: content.toString("base64"),
      });
    }
    if (method === "GET" && (match = /^\/git\/ref\/heads\/(.+)$/.exec(route))) {
      const sha = this.branches.get(match[1]!);
      return sha
        ? send(200, { ref: `refs/heads/${match[1]}`, object: { sha, type: "commit" } })
        : send(404, { message: "Not Found" });
    }
    if (method === "GET" && (match = /^\/contents\/(.+)$/.exec(route))) {
      const content = this.commits.get(recorded.query.ref ?? "")?.get(match[1]!);
      return content
        ? send(200, { type: "file", path: match[1], sha: blobSha(content), content: content.toString("base64") })
        : send(404, { message: "Not Found" });
    }
    if (method === "PUT" && (match = /^\/contents\/(.+)$/.exec(route))) {
      if (this.readOnly) return forbidden();
      const branch = recorded.body.branch as string;
      const parent = this.branches.get(branch);
      if (!parent) return send(404, { message: "Branch not found" });
      const files = new Map(this.commits.get(parent) ?? []);
      const existing = files.get(match[1]!);
      if (existing && recorded.body.sha !== blobSha(existing))
        return send(409, { message: `${match[1]} does not match ${recorded.body.sha}` });
      files.set(match[1]!, Buffer.from(recorded.body.content, "base64"));
      const sha = createHash("sha1").update(`${parent}:${match[1]}:${recorded.body.content}`).digest("hex");
      this.addCommit(sha, files);
      this.branches.set(branch, sha);
      return send(existing ? 200 : 201, {
        content: { path: match[1], sha: blobSha(files.get(match[1]!)!) },
        commit: { sha, html_url: `https://github.com/${this.owner}/${this.repo}/commit/${sha}` },
      });
    }
    if (method === "GET" && (match = /^\/git\/commits\/([0-9a-f]+)$/.exec(route))) {
      if (!this.commits.has(match[1]!)) return send(404, { message: "Not Found" });
      // Trees are stored under the commit's own id.
      return send(200, { sha: match[1], tree: { sha: match[1] }, parents: [] });
    }
    if (method === "POST" && route === "/git/trees") {
      if (this.readOnly) return forbidden();
      const files = new Map(this.commits.get(recorded.body.base_tree) ?? []);
      for (const entry of recorded.body.tree) files.set(entry.path, Buffer.from(entry.content, "utf8"));
      const sha = createHash("sha1")
        .update(`tree:${JSON.stringify(recorded.body)}`)
        .digest("hex");
      this.addCommit(sha, files);
      return send(201, { sha, truncated: false, tree: [] });
    }
    if (method === "POST" && route === "/git/commits") {
      if (this.readOnly) return forbidden();
      const files = this.commits.get(recorded.body.tree);
      if (!files) return send(422, { message: "Tree not found" });
      const sha = createHash("sha1")
        .update(`commit:${JSON.stringify(recorded.body)}`)
        .digest("hex");
      this.addCommit(sha, files);
      this.parents.set(sha, recorded.body.parents);
      return send(201, { sha, html_url: `https://github.com/${this.owner}/${this.repo}/commit/${sha}` });
    }
    if (method === "PATCH" && (match = /^\/git\/refs\/heads\/(.+)$/.exec(route))) {
      if (this.readOnly) return forbidden();
      const current = this.branches.get(match[1]!);
      if (!current) return send(422, { message: "Reference does not exist" });
      if (!recorded.body.force && !(this.parents.get(recorded.body.sha) ?? []).includes(current))
        return send(422, { message: "Update is not a fast forward" });
      this.branches.set(match[1]!, recorded.body.sha);
      return send(200, { ref: `refs/heads/${match[1]}`, object: { sha: recorded.body.sha, type: "commit" } });
    }
    if (write) return send(404, { message: `no fake for ${method} ${recorded.path}` });
    return send(404, { message: "Not Found" });
  }

  /** GitHub's page/per_page with a Link header naming next and last. */
  private paginate(
    request: RecordedRequest,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
    items: unknown[],
  ): void {
    const perPage = Math.min(Number(request.query.per_page ?? 30), 100);
    const page = Number(request.query.page ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const query = new URLSearchParams({ ...request.query, page: String(n), per_page: String(perPage) });
      return `<${this.url}${request.path}?${query}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
    if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
    send(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(", ") } : {});
  }
}

/** Git's blob id: sha1 of `blob <size>\0<content>`. */
export function blobSha(content: Buffer): string {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}
