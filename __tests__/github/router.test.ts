import { describe, expect, it } from "vitest";
import { helpCommand } from "../../src/commands/help.js";
import type { CommandDefinition } from "../../src/commands/types.js";
import { validateCommand } from "../../src/commands/validate.js";
import { commandLine, routeComment, splitWords } from "../../src/github/router.js";

const rollbackLike: CommandDefinition = {
  name: "rollback",
  summary: "the rollback for a migration",
  usage: "db-migrate rollback <migration> [--verify] [--write]",
  options: { verify: { type: "boolean" }, write: { type: "boolean" } },
  formats: ["text"],
  run: async () => ({ exitCode: 0, body: "" }),
};
const COMMANDS: CommandDefinition[] = [validateCommand, rollbackLike];
COMMANDS.push(helpCommand(() => COMMANDS));

describe("comment router", () => {
  it("takes only comments whose first line is a /db-migrate command", () => {
    expect(commandLine("/db-migrate validate\nthanks!")).toBe("/db-migrate validate");
    expect(commandLine("  /db-migrate")).toBe("/db-migrate");
    expect(commandLine("/db-migrateX")).toBeNull();
    expect(commandLine("please run /db-migrate validate")).toBeNull();
    expect(commandLine("> /db-migrate validate")).toBeNull();
  });

  it("maps a comment to the CLI's command with its own flags and positionals", () => {
    const routed = routeComment(
      '/db-migrate rollback "db/migrations/0002 add.sql" --verify --trace --pg-version 15',
      COMMANDS,
    );
    expect(routed).toMatchObject({
      kind: "run",
      positionals: ["db/migrations/0002 add.sql"],
      flags: { verify: true },
      common: { commit: false, trace: true, pgVersion: 15 },
    });
    expect(routed?.kind === "run" && routed.command).toBe(rollbackLike);
  });

  it("treats a bare /db-migrate as help and --commit as the bot's own flag", () => {
    expect(routeComment("/db-migrate", COMMANDS)).toMatchObject({ kind: "run", command: { name: "help" } });
    expect(routeComment("/db-migrate rollback 0002 --commit", COMMANDS)).toMatchObject({
      kind: "run",
      flags: {},
      common: { commit: true },
    });
  });

  it("answers an unknown command or a bad argument with usage, and never takes runner-side flags", () => {
    expect(routeComment("/db-migrate deploy", COMMANDS)).toMatchObject({
      kind: "usage",
      error: "unknown command `deploy`",
    });
    expect(routeComment("/db-migrate validate --config /etc/passwd", COMMANDS)).toMatchObject({
      kind: "usage",
      command: { name: "validate" },
    });
    expect(routeComment("/db-migrate validate --database-url postgres://x", COMMANDS)).toMatchObject({ kind: "usage" });
    expect(routeComment("/db-migrate validate --pg-version 99", COMMANDS)).toMatchObject({ kind: "usage" });
    expect(routeComment("/db-migrate validate --fail-on fatal", COMMANDS)).toMatchObject({ kind: "usage" });
    expect(routeComment('/db-migrate validate "unclosed', COMMANDS)).toMatchObject({
      kind: "usage",
      error: 'unclosed " quote',
    });
  });

  it("keeps shell syntax as plain words", () => {
    expect(splitWords(" validate $(rm -rf /) `id` ; ls | cat ")).toEqual([
      "validate",
      "$(rm",
      "-rf",
      "/)",
      "`id`",
      ";",
      "ls",
      "|",
      "cat",
    ]);
    expect(splitWords(`a "b c" 'd "e"' ""`)).toEqual(["a", "b c", 'd "e"', ""]);
  });
});

describe("which comments the bot answers", () => {
  it("skips edits, plain issues, bots and ordinary comments, from the payload alone", async () => {
    const { commentSkipReason } = await import("../../src/github/issue-comment.js");
    const { loadEvent } = await import("./e2e-harness.js");
    expect(commentSkipReason(await loadEvent("issue_comment.edited"))).toBe("not-created");
    const onIssue = await loadEvent("issue_comment.created-issue");
    onIssue.comment.body = "/db-migrate validate";
    expect(commentSkipReason(onIssue)).toBe("not-a-pr");
    expect(commentSkipReason(await loadEvent("issue_comment.created-bot"))).toBe("bot");
    const chatter = await loadEvent("issue_comment.created");
    chatter.comment.body = "LGTM, but can someone run /db-migrate validate?";
    expect(commentSkipReason(chatter)).toBe("not-a-command");
    const command = await loadEvent("issue_comment.created");
    expect(commentSkipReason(command)).toBeNull();
    command.comment.user.login = "renovate[bot]";
    command.comment.user.type = "User";
    expect(commentSkipReason(command)).toBe("bot");
  });
});
