import { describe, expect, it } from "vitest";
import { lintRule } from "../helpers/lint.js";

const RULE = "add-foreign-key-validating";

describe(RULE, () => {
  it("fires on ADD CONSTRAINT … FOREIGN KEY without NOT VALID, naming both tables", () => {
    const findings = lintRule(
      RULE,
      "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", line: 1, lock: "ShareRowExclusiveLock" });
    expect(findings[0]?.message).toContain("`orders_user_fk`");
    expect(findings[0]?.message).toContain("`orders`");
    expect(findings[0]?.message).toContain("`users`");
    expect(findings[0]?.fix).toMatch(/NOT VALID.*VALIDATE CONSTRAINT.*of its own/);
  });

  it("does not fire with NOT VALID, nor on the later VALIDATE CONSTRAINT", () => {
    const sql =
      "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk;";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("does not fire when the referencing table is new, even if the referenced one exists", () => {
    const sql =
      "CREATE TABLE orders (id int, user_id int);\nALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);\nALTER TABLE public.orders ADD COLUMN account_id int DEFAULT 1 REFERENCES accounts (id);";
    expect(lintRule(RULE, sql)).toEqual([]);
  });

  it("fires when only the referenced table is new: the existing referencing table is still scanned", () => {
    const sql =
      "CREATE TABLE accounts (id int PRIMARY KEY);\nALTER TABLE orders ADD FOREIGN KEY (account_id) REFERENCES accounts;";
    expect(lintRule(RULE, sql).map((f) => f.line)).toEqual([2]);
  });

  it("ADD COLUMN … REFERENCES with a DEFAULT is validated by PostgreSQL: error", () => {
    const findings = lintRule(RULE, "ALTER TABLE orders ADD COLUMN user_id int DEFAULT 0 REFERENCES users (id);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "error", lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("`orders.user_id`");
  });

  it("ADD COLUMN … REFERENCES without a default: no scan, but both tables are locked (warning)", () => {
    const findings = lintRule(RULE, "ALTER TABLE orders ADD COLUMN user_id int REFERENCES users (id);");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", lock: "AccessExclusiveLock" });
    expect(findings[0]?.message).toContain("nothing is scanned");
    expect(findings[0]?.fix).toContain("NOT VALID");
  });

  it("a serial or stored generated column has a default too, so its foreign key is validated", () => {
    const sql = [
      "ALTER TABLE orders ADD COLUMN seq bigserial REFERENCES seqs (id);",
      "ALTER TABLE orders ADD COLUMN owner int GENERATED ALWAYS AS (user_id) STORED REFERENCES users (id);",
    ].join("\n");
    expect(lintRule(RULE, sql).map((f) => f.severity)).toEqual(["error", "error"]);
  });

  it("another subcommand with a DEFAULT makes PostgreSQL validate the column's foreign key too", () => {
    const findings = lintRule(
      RULE,
      "ALTER TABLE orders ADD COLUMN user_id int REFERENCES users (id), ADD COLUMN status text DEFAULT 'new';",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe("error");
  });
});
