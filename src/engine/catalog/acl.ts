/** Reading PostgreSQL `aclitem` text (`grantee=privs/grantor`) into privileges per grantee. */

const PRIVILEGES: Record<string, string> = {
  r: "SELECT",
  a: "INSERT",
  w: "UPDATE",
  d: "DELETE",
  D: "TRUNCATE",
  x: "REFERENCES",
  t: "TRIGGER",
  X: "EXECUTE",
  U: "USAGE",
  C: "CREATE",
  c: "CONNECT",
  T: "TEMPORARY",
  m: "MAINTAIN",
  s: "SET",
  A: "ALTER SYSTEM",
};

export interface Grant {
  /** Role name, or `PUBLIC`. */
  grantee: string;
  privilege: string;
  withGrantOption: boolean;
}

function unquoteRole(role: string): string {
  return role.startsWith('"') && role.endsWith('"') ? role.slice(1, -1).replaceAll('""', '"') : role;
}

/** Every privilege in an ACL, one entry per grantee and privilege. */
export function parseAcl(acl: string[]): Grant[] {
  const grants: Grant[] = [];
  for (const item of acl) {
    const match = /^(.*)=([A-Za-z*]*)\/(.*)$/.exec(item);
    if (!match) continue;
    const grantee = match[1] ? unquoteRole(match[1]) : "PUBLIC";
    const letters = match[2] ?? "";
    for (let i = 0; i < letters.length; i++) {
      const privilege = PRIVILEGES[letters[i] ?? ""];
      if (!privilege) continue;
      const withGrantOption = letters[i + 1] === "*";
      grants.push({ grantee, privilege, withGrantOption });
    }
  }
  return grants;
}

function grantKey(grant: Grant): string {
  return `${grant.grantee}\u0000${grant.privilege}\u0000${grant.withGrantOption}`;
}

/** Grants present in `to` and not in `from` (added), and the other way (removed). */
export function aclChanges(from: string[], to: string[]): { added: Grant[]; removed: Grant[] } {
  const before = new Map(parseAcl(from).map((g) => [grantKey(g), g]));
  const after = new Map(parseAcl(to).map((g) => [grantKey(g), g]));
  return {
    added: [...after].filter(([k]) => !before.has(k)).map(([, g]) => g),
    removed: [...before].filter(([k]) => !after.has(k)).map(([, g]) => g),
  };
}
