import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

describe("drop-constraint", () => {
  it("fires on dropping a constraint of an existing table, naming its likely kind", () => {
    const findings = lintRule("drop-constraint", "SELECT 1;\nALTER TABLE users DROP CONSTRAINT users_email_key;");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", line: 2, lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`users_email_key`");
    expect(findings[0]?.message).toContain("unique");
    expect(
      lintRule("drop-constraint", "ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;")[0]?.message,
    ).toContain("foreign key");
  });

  it("does not fire on a constraint added back under the same name (a replacement)", () => {
    const sql = [
      'ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";',
      'ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE;',
    ].join("\n");
    expect(lintRule("drop-constraint", sql)).toEqual([]);
    const oneStatement = "ALTER TABLE t DROP CONSTRAINT c, ADD CONSTRAINT c CHECK (a > 0) NOT VALID;";
    expect(lintRule("drop-constraint", oneStatement)).toEqual([]);
  });

  it("does not fire on a constraint added earlier in the migration, or on a new table", () => {
    const sql = [
      "ALTER TABLE users ADD CONSTRAINT tmp_check CHECK (id > 0) NOT VALID;",
      "ALTER TABLE users DROP CONSTRAINT tmp_check;",
      "CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY);",
      "ALTER TABLE t DROP CONSTRAINT t_pk;",
    ].join("\n");
    expect(lintRule("drop-constraint", sql)).toEqual([]);
  });

  it("does not fire when a constraint of the same kind is added to the table later (a renamed replacement)", () => {
    const sql = [
      'ALTER TABLE "Account" DROP CONSTRAINT "Account_userId_fkey";',
      'ALTER TABLE "Account" DROP COLUMN "userId", ADD COLUMN "user_id" TEXT NOT NULL;',
      'ALTER TABLE "Account" ADD CONSTRAINT "Account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");',
    ].join("\n");
    expect(lintRule("drop-constraint", sql)).toEqual([]);
    const otherKind =
      "ALTER TABLE t DROP CONSTRAINT t_a_fkey;\nALTER TABLE t ADD CONSTRAINT t_a_check CHECK (a > 0) NOT VALID;";
    expect(lintRule("drop-constraint", otherKind)).toHaveLength(1);
  });

  it("leaves a table the migration drops later to drop-table", () => {
    const sql = 'ALTER TABLE "metrics" DROP CONSTRAINT "metrics_traceId_fkey";\nDROP TABLE "metrics";';
    expect(lintRule("drop-constraint", sql)).toEqual([]);
  });
});
