// Keys for dictionary lookup: case, quote style and diacritics must not decide a match.

const QUOTES = /[\u2018\u2019\u201B\u02BC\u02BB\u0060\u00B4\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const MARKS = /\p{M}+/gu;

/** Fold a string for matching: `normKey("Kata’ib Ḥizbullāh")` → `"kata'ib hizbullah"`. */
export function normKey(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(QUOTES, "'").replace(DASHES, '-').toLowerCase();
}

interface PosToken { pos: string; norm: string; sentence: number }

/**
 * wink sometimes tags a verb between two names as a noun ("Russia attacks Ukraine"): a subject
 * before and an object after, with a verb ending, make it a verb.
 */
export function nounTaggedVerb(tokens: readonly PosToken[], i: number): boolean {
  const t = tokens[i], prev = tokens[i - 1], next = tokens[i + 1];
  return t.pos === 'NOUN' && !!prev && !!next && prev.sentence === t.sentence && next.sentence === t.sentence
    && (prev.pos === 'PROPN' || prev.pos === 'PRON') && ['DET', 'PROPN', 'PRON', 'NUM'].includes(next.pos) && /(s|ed)$/.test(t.norm);
}
