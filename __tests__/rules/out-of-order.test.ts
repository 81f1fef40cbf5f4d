import { describe, expect, it } from "vitest";
import { history, linear, migration, project } from "../helpers/history.js";

const m = (id: string, change?: "added" | "unchanged") =>
  migration({ id, path: `migrations/${id}_x.up.sql`, order: id.padStart(20, "0"), ...(change ? { change } : {}) });

describe("out-of-order", () => {
  it("fires on a new migration older than the newest on the base branch (golang-migrate skips it)", () => {
    const base = linear([m("20240101000000"), m("20240301000000")]);
    const head = linear([
      m("20240101000000", "unchanged"),
      m("20240201000000", "added"),
      m("20240301000000", "unchanged"),
    ]);
    const findings = history("out-of-order", { project: project("golang-migrate"), migrations: head, base });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", path: "migrations/20240201000000_x.up.sql" });
    expect(findings[0]?.message).toContain("silently skipped");
  });

  it("is a warning for tools that still apply it (dbmate)", () => {
    const base = [m("2"), m("3")];
    const head = [m("1", "added"), m("2", "unchanged"), m("3", "unchanged")];
    const findings = history("out-of-order", { project: project("dbmate"), migrations: head, base });
    expect(findings[0]?.severity).toBe("warning");
  });

  it("does not fire for a new migration after the newest, or without --base", () => {
    const base = [m("1")];
    const head = [m("1", "unchanged"), m("2", "added")];
    expect(history("out-of-order", { project: project("golang-migrate"), migrations: head, base })).toEqual([]);
    expect(history("out-of-order", { project: project("golang-migrate"), migrations: head })).toEqual([]);
  });
});
