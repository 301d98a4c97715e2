// Stage 5, dates: date expressions resolved against the publication date ("now" is the article's date).
// The English locale alone: the package index loads every locale (about 150 ms at start-up).
import * as chrono from 'chrono-node/en';
import type { DateValue, Doc } from '../types.js';

export interface DateMention {
  sentence: number;
  /** character offsets in the document */
  start: number;
  end: number;
  value: DateValue;
}

const YEAR_RE = /\b(?:in|since|during|by|until|of)\s+((?:19|20)\d\d)\b/g;
const DAY_MS = 86_400_000;
const MAX_DATE_SENTENCE = 2000;
/**
 * Every English expression chrono reads contains a year, a numeric date or time ("3/14", "10:30",
 * "5 pm"), an ordinal, a month or weekday name, a casual word ("yesterday", "tonight") or a time unit
 * ("three days ago"); sentences with none (most sentences, including those with counts) are not parsed.
 */
const DATE_CUE = /\d{4}|\d\s?[:/.-]\s?\d|\d\s*(?:[ap]\.?m\b|h\b|hrs?\b|o'clock)|\d(?:st|nd|rd|th)\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|now|today|tonight|tomorrow|tmrw?|yesterday|noon|midnight|morning|afternoon|evening|night|ago|later|earlier|hence|weekend|(?:second|sec|minute|min|hour|hr|day|week|fortnight|month|quarter|year|yr|decade|centur(?:y|ie))s?)\b/i;

/** Parse a YYYY-MM-DD publication date; throws `invalid date: "…"` for anything else. */
export function parseIsoDate(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12)) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new Error(`invalid date: "${value}" (expected YYYY-MM-DD)`);
  return d;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Every date expression of the document, resolved against `published` (YYYY-MM-DD). */
export function findDates(doc: Doc, published: string | null): DateMention[] {
  // Without a publication date only expressions that name their year can be placed.
  const ref = published ? parseIsoDate(published) : new Date(Date.UTC(2100, 0, 1, 12));
  const out: DateMention[] = [];
  for (const s of doc.sentences) {
    // Date expressions sit in sentences of ordinary length; a longer run is residue, not read for dates.
    if (s.text.length > MAX_DATE_SENTENCE) continue;
    if (!DATE_CUE.test(s.text)) continue;
    for (const r of chrono.parse(s.text, { instant: ref, timezone: 0 })) {
      if (!published && !r.start.isCertain('year')) continue;
      const value = resolve(r, ref);
      if (value) out.push({ sentence: s.index, start: s.start + r.index, end: s.start + r.index + r.text.length, value });
    }
    for (const m of s.text.matchAll(YEAR_RE)) {
      const at = s.start + (m.index ?? 0);
      if (out.some((d) => d.sentence === s.index && d.start <= at && d.end >= at)) continue;
      const year = +m[1];
      if (year > ref.getUTCFullYear()) continue;
      out.push({ sentence: s.index, start: at, end: at + m[0].length, value: { value: `${year}-01-01`, precision: 'year', text: m[0] } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function resolve(r: chrono.ParsedResult, ref: Date): DateValue | null {
  const c = r.start;
  let d = c.date();
  let precision: DateValue['precision'];
  if (c.isCertain('day') || c.isCertain('weekday')) precision = 'day';
  else if (c.isCertain('month')) precision = 'month';
  else if (c.isCertain('year')) precision = 'year';
  else if (c.isCertain('hour')) precision = 'day';
  else return null;
  // News reports the past: a weekday or a month without a year that lands after publication moves back.
  if (d.getTime() > ref.getTime() + DAY_MS / 2) {
    if (!c.isCertain('year') && (precision === 'month' || c.isCertain('month'))) d = new Date(Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate(), 12));
    else if (c.isCertain('weekday') && !c.isCertain('day')) d = new Date(d.getTime() - 7 * DAY_MS);
  }
  let value = iso(d);
  if (precision === 'month') value = `${value.slice(0, 7)}-01`;
  if (precision === 'year') value = `${value.slice(0, 4)}-01-01`;
  return { value, precision, text: r.text.trim() };
}
