// Keys for dictionary lookup: case, quote style and diacritics must not decide a match.

const QUOTES = /[\u2018\u2019\u201B\u02BC\u02BB\u0060\u00B4\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const MARKS = /\p{M}+/gu;

/** Fold a string for matching: `normKey("Kata’ib Ḥizbullāh")` → `"kata'ib hizbullah"`. */
export function normKey(s: string): string {
  // Most tokens are plain ASCII, where folding is only lower-casing (a backtick is a quote).
  if (PLAIN.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').replace(QUOTES, "'").replace(DASHES, '-').toLowerCase();
}

const PLAIN = /^[\x20-\x5F\x61-\x7E]*$/;

/** Day and month names, folded; shared by the rules that recognise a date inside other phrases. */
export const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const MONTHS: ReadonlySet<string> = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Possessive determiners ("its", "their"). */
export const POSSESSIVES: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** Whether a word begins with a capital letter (ASCII answered without a regular expression). */
export function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(text);
}

const UPPER_FIRST = /^\p{Lu}/u;


/**
 * Base-form guesses for a word the lemmatiser left alone ("Gunmen" at the start of a sentence,
 * "abducted"): `stems('abducted')` → ['abducted', 'abduct', 'abducte']. Used only as extra lookup keys.
 */
export function stems(norm: string): readonly string[] {
  let out = STEMS.get(norm);
  if (out) return out;
  // Words repeat across articles: the guesses are memoised (bounded, cleared when full).
  if (STEMS.size >= 50_000) STEMS.clear();
  // Each guess once, in order ("abducted" → abducted, abduct, abducte).
  out = [...new Set(stemsOf(norm))];
  STEMS.set(norm, out);
  return out;
}

const STEMS = new Map<string, readonly string[]>();

function stemsOf(norm: string): string[] {
  const out = [norm];
  if (norm.endsWith('men') && norm.length > 4) out.push(`${norm.slice(0, -3)}man`);
  if (norm.endsWith('ies') && norm.length > 4) out.push(`${norm.slice(0, -3)}y`);
  if (norm.endsWith('ed') && norm.length > 4) out.push(norm.slice(0, -2), norm.slice(0, -1));
  if (norm.endsWith('ing') && norm.length > 5) out.push(norm.slice(0, -3), `${norm.slice(0, -3)}e`);
  if (norm.endsWith('es') && norm.length > 4) out.push(norm.slice(0, -2));
  if (norm.endsWith('s') && !norm.endsWith('ss') && norm.length > 3) out.push(norm.slice(0, -1));
  return out;
}

interface PosToken { pos: string; norm: string; text: string; sentence: number }

/**
 * wink sometimes tags a verb between two names as a noun ("Russia attacks Ukraine"): a subject
 * before and an object after, with a verb ending, make it a verb.
 */
export function nounTaggedVerb(tokens: readonly PosToken[], i: number): boolean {
  const t = tokens[i], prev = tokens[i - 1], next = tokens[i + 1];
  if (t.pos !== 'NOUN' || !prev || prev.sentence !== t.sentence) return false;
  // "Gunmen shot dead a mayoral candidate": a secondary predicate before the object.
  if (next?.norm === 'dead' && (['PROPN', 'NOUN', 'PRON', 'CCONJ'].includes(prev.pos) || prev.text === ',') && ['DET', 'NUM', 'PROPN', 'PRON', 'ADJ'].includes(tokens[i + 2]?.pos ?? '')) return true;
  // "Gunmen abducted more than 50 students": a past form right after its subject.
  if (t.norm.length > 5 && t.norm.endsWith('ed') && ['PROPN', 'PRON', 'NOUN'].includes(prev.pos)) return true;
  return !!next && next.sentence === t.sentence
    && (prev.pos === 'PROPN' || prev.pos === 'PRON') && ['DET', 'PROPN', 'PRON', 'NUM'].includes(next.pos) && /(s|ed)$/.test(t.norm);
}
