// Trigger spotting: the lexicon's longest, most specific matches in each sentence, checked for part of speech.
import { MONTHS, nounTaggedVerb, WEEKDAYS } from '../text/normalize.js';
import type { Sentence, Token } from '../types.js';
import { matchTriggersAt, type Trigger, type TriggerLexicon, type TriggerMatch } from './lexicon.js';

const VERBISH = new Set(['VERB', 'AUX']);
const DATE_PREPS = new Set(['on', 'in', 'at', 'by']);
/** A word that starts a date after a preposition ("on Sunday", "in March", "by 2025"). */
const dateWord = (w: string): boolean => WEEKDAYS.has(w) || MONTHS.has(w) || /^\d{1,4}$/.test(w);
const NOUNISH = new Set(['NOUN', 'PROPN']);
/** Words that look like triggers but name no event when used so ("the base of operations", "forces"). */
const NEVER_HEAD = new Set(['force', 'forces', 'security', 'operation', 'operations']);

export interface Spotted extends TriggerMatch {
  /** token index of the word that carries the event (the first pattern word) */
  head: number;
  /** used as a verb (true) or a noun (false) */
  verbal: boolean;
  /** other readings of the same words ("strike": an attack or a walkout), for sense resolution */
  alternatives: Trigger[];
}

/** Non-overlapping trigger matches in a sentence, preferring more pattern words, then earlier. */
export function spotTriggers(lex: TriggerLexicon, tokens: readonly Token[], s: Sentence): Spotted[] {
  const all: Spotted[] = [];
  for (let i = s.from; i < s.to; i++) {
    if (NEVER_HEAD.has(tokens[i].norm)) continue;
    // "Iranian-backed", "US-led": part of a compound modifier, not a verb of its own.
    if (i > s.from && tokens[i - 1].text === '-' && tokens[i - 1].end === tokens[i].start) continue;
    for (const m of matchTriggersAt(lex, tokens, i, s.to)) {
      // "agreed on Sunday to reopen talks": a closing preposition that opens a date is not the pattern's.
      if (m.positions.some((p) => DATE_PREPS.has(tokens[p].norm) && dateWord(tokens[p + 1]?.norm ?? '') && !m.positions.includes(p + 1))) continue;
      // "test-fired": in a multiword verb pattern, any of its words may carry the verb.
      // "a sit-in", "the walk-out": a verb joined by a hyphen to its particle is a noun.
      // ("test-fired" stays a verb: what follows the hyphen is one.)
      const hyphened = m.positions.includes(i + 1) && tokens[i + 1].text === '-' && tokens[i + 1].start === tokens[i].end && tokens[i + 2]?.pos !== 'VERB';
      const verbal = !hyphened && (usedAsVerb(tokens, i, s) || (m.trigger.pos === 'V' && m.positions.some((p) => p > i && tokens[p].pos === 'VERB')));
      if (m.trigger.pos === 'V' && !verbal) continue;
      // "intelligence sharing": a gerund closing a noun pattern is part of the compound.
      if (m.trigger.pos === 'N' && (verbal || m.positions.some((p) => p > i && usedAsVerb(tokens, p, s) && !(p === m.end - 1 && tokens[p].norm.endsWith('ing'))))) continue;
      all.push({ trigger: m.trigger, positions: m.positions, start: m.start, end: m.end, head: i, verbal, alternatives: [] });
    }
  }
  all.sort((a, b) => b.positions.length - a.positions.length || a.start - b.start);
  const taken = new Set<number>();
  const out: Spotted[] = [];
  for (const m of all) {
    if (m.positions.some((p) => taken.has(p))) {
      const owner = out.find((o) => o.positions.join() === m.positions.join());
      if (owner && owner.trigger.type !== m.trigger.type && !owner.alternatives.some((x) => x.type === m.trigger.type)) owner.alternatives.push(m.trigger);
      continue;
    }
    m.positions.forEach((p) => taken.add(p));
    out.push(m);
  }
  return out.sort((a, b) => a.head - b.head);
}

/**
 * Pick among readings of an ambiguous trigger by its neighbours: "the strike hit two vehicles" after an
 * air strike is an attack; "an open-ended strike" among walkouts is a protest.
 */
export function resolveSenses(spotted: Spotted[][]): void {
  spotted.forEach((sentence, k) => {
    const near = [...(spotted[k - 1] ?? []), ...sentence, ...(spotted[k + 1] ?? [])];
    for (const sp of sentence) {
      if (sp.alternatives.length === 0) continue;
      const score = (t: Trigger): number => near.filter((o) => o !== sp && o.trigger.type === t.type).length;
      const best = [sp.trigger, ...sp.alternatives].reduce((a, b) => (score(b) > score(a) ? b : a));
      if (best !== sp.trigger) { sp.alternatives = [sp.trigger, ...sp.alternatives.filter((x) => x !== best)]; sp.trigger = best; }
    }
  });
}

/** wink's tag, corrected by the neighbours that decide noun or verb ("the attack" vs "to attack"). */
function usedAsVerb(tokens: readonly Token[], i: number, s: Sentence): boolean {
  const t = tokens[i];
  const prev = i > s.from ? tokens[i - 1] : null;
  if (prev && (prev.pos === 'DET' || prev.norm === "'s")) return false;
  // "Fighting between the army and the RSF raged": a gerund naming the fighting between two sides.
  if (t.norm.endsWith('ing') && tokens[i + 1]?.norm === 'between') return false;
  // "the deadly attack" is a noun; but a past tense after a word tagged as an adjective ("South Korea's
  // military raised") is the sentence's verb: a noun does not take the -ed ending.
  if (prev && (prev.pos === 'ADJ' || prev.pos === 'NUM')) return t.pos === 'VERB' && t.lemma !== t.norm && t.norm.endsWith('ed');
  if (prev && prev.norm === 'to' && NOUNISH.has(t.pos) && t.lemma === t.norm) return true;
  if (prev && /^(will|would|could|should|might|may|must|can|did|does|do|n't|not|had|has|have|'ve|'d)$/.test(prev.norm)) return true;
  if (nounTaggedVerb(tokens, i)) return true;
  return VERBISH.has(t.pos);
}
