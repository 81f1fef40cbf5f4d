import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const rule = "foreign-key-without-index";

describe(rule, () => {
  it("fires on a new table's foreign key with no index on its column", () => {
    const findings = lintRule(
      rule,
      "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", lock: null });
    expect(findings[0]?.message).toContain("`posts(user_id)`");
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.fix).toContain("CREATE INDEX ON posts (user_id)");
  });

  it("fires on a column added by the migration with a foreign key and no index", () => {
    const sql = "ALTER TABLE posts ADD COLUMN editor_id bigint REFERENCES users (id);";
    expect(lintRule(rule, sql)).toHaveLength(1);
    const separate = [
      "ALTER TABLE posts ADD COLUMN editor_id bigint;",
      "ALTER TABLE posts ADD CONSTRAINT posts_editor_fk FOREIGN KEY (editor_id) REFERENCES users (id) NOT VALID;",
    ].join("\n");
    expect(lintRule(rule, separate)).toMatchObject([{ line: 2 }]);
  });

  it("does not fire when an index starting with the column exists anywhere in the migration", () => {
    const later = [
      "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));",
      "CREATE INDEX posts_user_id_idx ON posts (user_id, id);",
    ].join("\n");
    expect(lintRule(rule, later)).toEqual([]);
    const compositePk =
      "CREATE TABLE members (team_id int REFERENCES teams, user_id int, PRIMARY KEY (team_id, user_id));";
    expect(lintRule(rule, compositePk)).toEqual([]);
    const unique = "CREATE TABLE profiles (user_id int UNIQUE REFERENCES users (id));";
    expect(lintRule(rule, unique)).toEqual([]);
    const earlier = [
      "CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint);",
      "CREATE INDEX ON posts (user_id);",
      "ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
    ].join("\n");
    expect(lintRule(rule, earlier)).toEqual([]);
  });

  it("does not fire on an existing column of an existing table (its indexes are not visible)", () => {
    const sql = "ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id);";
    expect(lintRule(rule, sql)).toEqual([]);
  });
});

describe("foreign-key-without-index fix", () => {
  it("quotes mixed-case names so the suggested index can be run as written", () => {
    const findings = lintRule(
      "foreign-key-without-index",
      'CREATE TABLE "Post" (id bigint PRIMARY KEY, "authorId" bigint REFERENCES "User" (id));',
    );
    expect(findings[0]?.fix).toContain('CREATE INDEX ON "Post" ("authorId");');
    expect(findings[0]?.fix).toContain("new and empty");
  });
});
