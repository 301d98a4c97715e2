// Noun-phrase chunks: the runs of tokens that can hold an actor ("Iran's foreign ministry").
import { nounTaggedVerb } from '../text/normalize.js';
import type { Sentence, Token } from '../types.js';

const NP_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
/** Verbs that end a premodifier after a hyphen: "Iranian-backed", "US-led", "Kabul-based". */
export const AFFIL_PARTICIPLES = new Set(['back', 'backed', 'sponsor', 'sponsored', 'fund', 'funded', 'support', 'supported', 'align', 'aligned', 'ally', 'allied', 'link', 'linked', 'lead', 'led', 'base', 'based', 'arm', 'armed', 'train', 'trained', 'run', 'control', 'controlled', 'affiliate', 'affiliated', 'inspire', 'inspired']);

/** Participles that work as adjectives before a noun: "allied forces", "armed men", "unidentified gunmen". */
const ADJ_PARTICIPLES = new Set(['allied', 'armed', 'unidentified', 'masked', 'suspected', 'alleged', 'wanted', 'unnamed', 'banned', 'outlawed', 'ousted', 'elected', 'exiled', 'detained', 'jailed', 'imprisoned', 'injured', 'wounded', 'displaced', 'united', 'disputed', 'retired', 'deposed', 'striking', 'ruling', 'governing', 'leading', 'opposing', 'fighting', 'warring', 'visiting', 'protesting', 'sanctioned', 'proscribed', 'designated', 'embattled', 'besieged', 'kidnapped', 'abducted', 'slain', 'killed', 'fallen', 'uniformed', 'organized', 'organised', 'coordinated', 'affiliated']);

export interface Chunk { start: number; end: number }

/** Split a sentence into maximal noun-phrase-like runs (determiners only at the front). */
export function chunkSentence(tokens: readonly Token[], s: Sentence, inMatch: (i: number) => boolean): Chunk[] {
  const out: Chunk[] = [];
  let start = -1;
  const close = (end: number): void => {
    if (start >= 0 && end > start) out.push({ start, end });
    start = -1;
  };
  for (let i = s.from; i < s.to; i++) {
    const t = tokens[i];
    if (isNpToken(tokens, i, s) || inMatch(i)) {
      if (start < 0) start = i;
      continue;
    }
    if ((t.pos === 'DET' || t.norm === 'its' || t.norm === 'their') && start < 0) continue; // dets precede a chunk
    close(i);
  }
  close(s.to);
  return out;
}

function isNpToken(tokens: readonly Token[], i: number, s: Sentence): boolean {
  const t = tokens[i];
  if (nounTaggedVerb(tokens, i)) return false;
  // "An attacker armed with a knife": a participle after its noun, opening a phrase of its own, ends the chunk.
  if (t.pos === 'ADJ' && /ed$/.test(t.norm) && i > s.from && (tokens[i - 1].pos === 'NOUN' || tokens[i - 1].pos === 'PROPN')
    && !(i + 1 < s.to && NP_POS.has(tokens[i + 1].pos))) return false;
  if (NP_POS.has(t.pos)) return true;
  if (t.norm === "'s" || t.norm === "'") return i > s.from && NP_POS.has(tokens[i - 1].pos);
  if (t.text === '-' || t.text === '–') {
    return i > s.from && i + 1 < s.to && NP_POS.has(tokens[i - 1].pos) && tokens[i - 1].end === t.start && tokens[i + 1].start === t.end;
  }
  if (t.pos === 'VERB' && i > s.from && tokens[i - 1].text === '-' && AFFIL_PARTICIPLES.has(t.lemma)) return true;
  // Only where a noun phrase starts: "the wounded soldiers", "US and allied forces", not "the strike killed three".
  if ((t.pos === 'VERB' || t.pos === 'ADJ') && ADJ_PARTICIPLES.has(t.norm) && i + 1 < s.to && NP_POS.has(tokens[i + 1].pos)
    && (i === s.from || ['DET', 'ADJ', 'NUM', 'CCONJ', 'ADP', 'PUNCT', 'PART'].includes(tokens[i - 1].pos))) return true;
  return false;
}
