/**
 * Templated SQL: `{{ name }}` (Jinja, Go templates, Handlebars) and `${name}`
 * (Flyway placeholders, shell/JS templates) are filled in by a tool before
 * PostgreSQL sees the file.
 */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}|\$\{\s*([^{}\s]+)\s*\}/g;

/** The placeholders left in a statement, as written. */
export function findPlaceholders(sql: string): string[] {
  return [...new Set([...sql.matchAll(PLACEHOLDER)].map((m) => m[0]))];
}

/** Whether the text holds any placeholder (anywhere: strings and dollar-quoted bodies too). */
export function hasPlaceholders(text: string): boolean {
  return /\{\{[^{}]*\}\}|\$\{[^{}\s]+\}/.test(text);
}

/** The `templates.vars` keys that would fill the placeholders: the text inside the braces, trimmed. */
export function placeholderKeys(sql: string): string[] {
  return [...new Set([...sql.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? m[2] ?? "").trim()))];
}

/** How to set those keys in .db-migrate.yml, as one line of YAML flow syntax. */
export function templateVarsHint(keys: string[]): string {
  const key = (name: string) => (/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) ? name : JSON.stringify(name));
  return `templates: { vars: { ${keys.map((name) => `${key(name)}: <value>`).join(", ")} } }`;
}

/** Replaces known placeholders with their configured values; unknown ones stay. */
export function substitutePlaceholders(text: string, vars: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, jinja: string | undefined, dollar: string | undefined) => {
    const name = (jinja ?? dollar ?? "").trim();
    return Object.hasOwn(vars, name) ? (vars[name] as string) : whole;
  });
}
