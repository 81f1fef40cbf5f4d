/**
 * Python ConfigParser files (alembic.ini): sections, `key = value` or `key: value`,
 * indented continuation lines, `;`/`#` comment lines. Values keep `%(here)s` for the caller.
 */
export type IniSections = Map<string, Map<string, { value: string; line: number }>>;

export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, { value: string; line: number }> | undefined;
  let lastKey: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*[#;]/.test(raw) || raw.trim() === "") {
      if (raw.trim() === "") lastKey = undefined;
      return;
    }
    const section = /^\[([^\]]+)\]/.exec(raw);
    if (section) {
      current = new Map();
      sections.set((section[1] as string).trim(), current);
      lastKey = undefined;
      return;
    }
    if (/^\s/.test(raw) && current && lastKey) {
      const entry = current.get(lastKey);
      if (entry) entry.value = `${entry.value}\n${raw.trim()}`;
      return;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (pair && current) {
      lastKey = (pair[1] as string).trim().toLowerCase();
      current.set(lastKey, { value: (pair[2] as string).trim(), line: index + 1 });
    }
  });
  return sections;
}

/** A value with an inline ` # comment` removed and `%%` unescaped. */
export function iniValue(sections: IniSections, section: string, key: string): { value: string; line: number } | null {
  const entry = sections.get(section)?.get(key);
  if (!entry) return null;
  return { value: entry.value.replace(/\s+[#;].*$/, "").replace(/%%/g, "%"), line: entry.line };
}
