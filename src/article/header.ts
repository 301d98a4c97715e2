/** An optional first line "date: YYYY-MM-DD | source: NAME" (the examples/ convention) is metadata. */
export function splitHeader(raw: string): { text: string; meta: { date?: string; source?: string } } {
  const m = /^date:[ \t]*(\d{4}-\d{2}-\d{2})(?:[ \t]*\|[ \t]*source:([^\n]*))?\r?\n/.exec(raw);
  if (!m) return { text: raw, meta: {} };
  return { text: raw.slice(m[0].length), meta: { date: m[1], source: m[2]?.trim() } };
}
