// Keys for dictionary lookup: case, quote style and diacritics must not decide a match.

const QUOTES = /[\u2018\u2019\u201B\u02BC\u02BB\u0060\u00B4\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const MARKS = /\p{M}+/gu;

/** Fold a string for matching: `normKey("Kata’ib Ḥizbullāh")` → `"kata'ib hizbullah"`. */
export function normKey(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(QUOTES, "'").replace(DASHES, '-').toLowerCase();
}
