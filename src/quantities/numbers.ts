// Number words and ACLED's conservative readings of vague counts.
import type { Token } from '../types.js';

const UNITS: Record<string, number> = {
  zero: 0, no: 0, a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  couple: 2, pair: 2, both: 2, dozen: 12,
};
/** ACLED: "dozens" = 12, "tens" = 10, "hundreds" = 100, "scores" = 20, "several"/"a few" = 3. */
const VAGUE: Record<string, number> = { dozens: 12, tens: 10, hundreds: 100, thousands: 1000, scores: 20, several: 3, few: 3, many: 10, numerous: 10, some: 2 };
const SCALE: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

export interface NumberRead { value: number; end: number; vague: boolean }

/** Read a count starting at token i ("three", "25", "twenty-five", "two hundred", "dozens"). */
export function readNumber(tokens: readonly Token[], i: number, limit: number): NumberRead | null {
  const t = tokens[i];
  if (!t) return null;
  const digits = t.norm.replace(/,/g, '');
  let value: number | null = null;
  let end = i + 1;
  let vague = false;
  if (/^\d+(\.\d+)?$/.test(digits) && !(t.pos === 'NUM' && /^(19|20)\d\d$/.test(digits) && tokens[i - 1]?.norm === 'in')) value = Number(digits);
  else if (t.norm in VAGUE) { value = VAGUE[t.norm]; vague = true; }
  else if (t.norm in UNITS) value = UNITS[t.norm];
  if (value === null) return null;
  // "twenty - five", "two hundred", "3 million"
  while (end < limit) {
    const n = tokens[end];
    if (n.text === '-' && tokens[end + 1] && tokens[end + 1].norm in UNITS && value >= 20 && value % 10 === 0) { value += UNITS[tokens[end + 1].norm]; end += 2; continue; }
    if (n.norm in SCALE) { value *= SCALE[n.norm]; end++; continue; }
    if (vague && n.norm === 'of') { end++; break; }
    break;
  }
  return { value, end, vague };
}
