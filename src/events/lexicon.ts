// The trigger lexicon: words and phrases that report each PLOVER event type (data/events/*.tsv).
import { readTsv, splitList } from '../data/tsv.js';
import { PLOVER_TYPES, type PloverType, type Token } from '../types.js';
import { normKey } from '../text/index.js';
import { POSSESSIVES, stems, WEEKDAYS } from '../text/normalize.js';

export interface Trigger {
  pattern: string;
  words: string[];
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  pos: 'V' | 'N' | 'VN';
  intent: boolean;
  inverse: boolean;
  weak: boolean;
  nonagent: boolean;
  recipPrep: string | null;
  file: string;
}

export interface TriggerLexicon {
  /** first word → triggers starting with it, most words first */
  byFirst: Map<string, Trigger[]>;
  /** the same lists split by second word, so a token tries only patterns its neighbour can continue */
  byFirstSplit: Map<string, SplitList>;
  size: number;
}

/** The triggers of one first word: one-word ones, ones with a gap second, and the rest by second word. */
interface SplitList { single: Trigger[]; gap: Trigger[]; bySecond: Map<string, Trigger[]>; rank: Map<Trigger, number> }

function split(list: readonly Trigger[]): SplitList {
  const out: SplitList = { single: [], gap: [], bySecond: new Map(), rank: new Map() };
  list.forEach((t, k) => {
    out.rank.set(t, k);
    if (t.words.length === 1) out.single.push(t);
    else if (t.words[1] === '*') out.gap.push(t);
    else {
      const l = out.bySecond.get(t.words[1]);
      if (l) l.push(t); else out.bySecond.set(t.words[1], [t]);
    }
  });
  return out;
}

/** Trigger files in order of authority: a pattern and type listed twice keeps the first file's row. */
export const TRIGGER_FILES = ['events/triggers-extra.tsv', 'events/triggers-conflict.tsv', 'events/triggers-cooperation.tsv'];

/** Load every trigger file; a row with an unknown type is an error naming the file. */
export function loadTriggerLexicon(files: readonly string[] = TRIGGER_FILES): TriggerLexicon {
  const byFirst = new Map<string, Trigger[]>();
  let size = 0;
  const seen = new Set<string>();
  for (const file of files) {
    for (const r of readTsv(file, ['pattern', 'type', 'mode', 'cameo', 'pos', 'flags'])) {
      if (!PLOVER_TYPES.includes(r.type as PloverType)) throw new Error(`${file}: unknown PLOVER type "${r.type}" for "${r.pattern}"`);
      const words = r.pattern.toLowerCase().split(/\s+/).map(normKey).filter(Boolean);
      if (words.length === 0 || words[0] === '*' || seen.has(`${words.join(' ')}\t${r.type}`)) continue;
      seen.add(`${words.join(' ')}\t${r.type}`);
      const flags = splitList(r.flags, ',');
      const recip = flags.find((f) => f.startsWith('recip='));
      const t: Trigger = {
        pattern: r.pattern, words, type: r.type as PloverType, mode: r.mode || null, cameo: r.cameo || null,
        pos: (r.pos === 'V' || r.pos === 'N' ? r.pos : 'VN'), intent: flags.includes('intent'), inverse: flags.includes('inverse'),
        weak: flags.includes('weak'), nonagent: flags.includes('nonagent'), recipPrep: recip ? recip.slice(6) : null, file,
      };
      const list = byFirst.get(words[0]) ?? [];
      list.push(t);
      byFirst.set(words[0], list);
      size++;
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => specificity(b) - specificity(a));
  const byFirstSplit = new Map([...byFirst].map(([k, list]) => [k, split(list)]));
  return { byFirst, byFirstSplit, size };
}

function specificity(t: Trigger): number {
  return t.words.filter((w) => w !== '*').length;
}

export interface TriggerMatch {
  trigger: Trigger;
  /** token indices of the matched words (gaps excluded) */
  positions: number[];
  start: number;
  end: number;
}

/** A "*" spans up to this many tokens ("lifted Friday a day-old blockade"), never a verb or a comma. */
const MAX_GAP = 5;

const wordOk = (w: string, t: Token): boolean => t.lemma === w || t.norm === w || (t.lemma === t.norm && stems(t.norm).includes(w));
const GAP_STOP = /^[.;:!?,]$/;
const CURRENCY = new Set(['$', '€', '£', '¥']);
const AMOUNTS = new Set(['million', 'billion', 'trillion']);

/** All triggers that match starting at token i (within [i, limit)), most specific first. */
export function matchTriggersAt(lex: TriggerLexicon, tokens: readonly Token[], i: number, limit: number): TriggerMatch[] {
  let out: TriggerMatch[] | null = null;
  // A trigger is listed under its first word only, so distinct keys never yield it twice.
  for (const k of keysOf(tokens[i])) {
    const list = lex.byFirstSplit.get(k);
    if (list) out = matchList(list, tokens, i, limit, out);
  }
  return out ?? NONE;
}

const NONE: TriggerMatch[] = [];

/** The words a token matches a pattern word by (wordOk's set), each once; where the lemmatiser left
 * the word as it is, its plausible base forms. */
function keysOf(t: Token): readonly string[] {
  return t.lemma === t.norm ? stems(t.norm) : [t.lemma, t.norm];
}

/** Matches of one first word's triggers at i, in the list's order (most specific first). */
function matchList(list: SplitList, tokens: readonly Token[], i: number, limit: number, out: TriggerMatch[] | null): TriggerMatch[] | null {
  let found: TriggerMatch[] | null = null;
  if (i + 1 < limit && list.bySecond.size) {
    found = trySecond(list, tokens, i + 1, i, limit, found);
    // ... and the word after a day reference ("called on Sunday for").
    const after = pastDay(tokens, i + 1, limit);
    if (after !== i + 1 && after < limit) found = trySecond(list, tokens, after, i, limit, found);
  }
  found = tryAll(list.gap, tokens, i, limit, found);
  found = tryAll(list.single, tokens, i, limit, found);
  if (!found) return out;
  if (found.length > 1) found.sort((x, y) => list.rank.get(x.trigger)! - list.rank.get(y.trigger)!);
  return out ? out.concat(found) : found;
}

/** The patterns of a first word whose second word the token at `at` may be. */
function trySecond(list: SplitList, tokens: readonly Token[], at: number, i: number, limit: number, found: TriggerMatch[] | null): TriggerMatch[] | null {
  for (const k of keysOf(tokens[at])) {
    const ts = list.bySecond.get(k);
    if (ts) found = tryAll(ts, tokens, i, limit, found);
  }
  return found;
}

/** Matches of `ts` from token i, appended to `found` (made only when one matches). */
function tryAll(ts: readonly Trigger[], tokens: readonly Token[], i: number, limit: number, found: TriggerMatch[] | null): TriggerMatch[] | null {
  for (const trig of ts) {
    const positions = matchFrom(trig.words, tokens, i, limit);
    if (positions) (found ??= []).push({ trigger: trig, positions, start: i, end: positions[positions.length - 1] + 1 });
  }
  return found;
}

const DAYS = new Set([...WEEKDAYS, 'today', 'yesterday']);

/** The token after a day reference at `at` ("on Sunday", "Sunday"), or `at` when there is none. */
function pastDay(tokens: readonly Token[], at: number, limit: number): number {
  const w = tokens[at].norm;
  if (w === 'on' && at + 1 < limit && DAYS.has(tokens[at + 1].norm)) return at + 2;
  if (DAYS.has(w)) return at + 1;
  return at;
}

/** A participle inside a noun phrase ("its remaining troops", "the detained men"), not a clause's verb. */
function adjectival(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k], prev = tokens[k - 1], next = tokens[k + 1];
  // "the US-led coalition": a participle hyphened to a name is a compound modifier.
  if (prev && prev.text === '-' && prev.end === t.start && tokens[k - 2]?.pos === 'PROPN') return true;
  return !!prev && !!next && /(ing|ed)$/.test(t.norm) && (prev.pos === 'DET' || POSSESSIVES.has(prev.norm) || prev.pos === 'ADJ') && (next.pos === 'NOUN' || next.pos === 'ADJ');
}

/** Token positions of a pattern's words from token i, or null; built in a scratch list, copied on success. */
const scratch: number[] = [];

function matchFrom(words: readonly string[], tokens: readonly Token[], i: number, limit: number): number[] | null {
  if (words.length === 1) return [i];
  const positions = scratch;
  positions.length = 0;
  positions.push(i);
  let at = i + 1;
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (w === '*') {
      const nextWord = words[k + 1];
      if (!nextWord) return positions.slice();
      let found = -1;
      // A hyphenated compound ("tit-for-tat", "two-day") counts as one word of the gap.
      for (let g = 0, words = 0; words <= MAX_GAP && at + g < limit; g++) {
        const tok = tokens[at + g];
        // ... and so does an amount ("a new $400 million weapons package").
        const joined = tok.text === '-' || (at + g > 0 && tokens[at + g - 1].text === '-' && tokens[at + g - 1].end === tok.start);
        const amount = CURRENCY.has(tok.text) || (AMOUNTS.has(tok.norm) && at + g > 0 && tokens[at + g - 1].pos === 'NUM');
        if (!joined && !amount) words++;
        if (wordOk(nextWord, tok)) { found = at + g; break; }
        if (GAP_STOP.test(tok.text) || (tok.pos === 'VERB' && !adjectival(tokens, at + g)) || tok.pos === 'AUX' || tok.pos === 'SCONJ') break;
      }
      if (found < 0) return null;
      positions.push(found);
      at = found + 1;
      k++;
      continue;
    }
    // "called on Sunday for": a day between a verb and its particle belongs to neither.
    if (at < limit && !wordOk(w, tokens[at])) at = pastDay(tokens, at, limit);
    if (at >= limit || !wordOk(w, tokens[at])) return null;
    positions.push(at);
    at++;
  }
  return positions.slice();
}
