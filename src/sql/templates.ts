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

/** Replaces known placeholders with their configured values; unknown ones stay. */
export function substitutePlaceholders(text: string, vars: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (whole, jinja: string | undefined, dollar: string | undefined) => {
    const name = (jinja ?? dollar ?? "").trim();
    return Object.hasOwn(vars, name) ? (vars[name] as string) : whole;
  });
}
