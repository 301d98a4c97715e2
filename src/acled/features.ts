// Features for the ACLED sub-event classifier: lemma unigrams and bigrams, the coder's own readings
// (PLOVER type, attack mode, actor and recipient sectors) and a few cue classes.
import type { Doc, Sentence } from '../types.js';

const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'and', 'or', 'for', 'by', 'with', 'from', 'as', 'that', 'this', 'its', 'their', 'his', 'her', 'is', 'was', 'were', 'be', 'been', 'are', 'it', 'they', 'he', 'she', ',', '.', ';', ':', '"', "'", '“', '”', '‘', '’', '(', ')', '-', 'said', 'say', 'says', 'according']);

export interface EventCues {
  ploverType?: string | null;
  mode?: string | null;
  actorSectors?: string[];
  recipientSectors?: string[];
  killed?: number | null;
}

/** Feature names of a sentence span (tokens [from, to)), plus the event's cues. */
export function featuresOf(doc: Doc, s: Pick<Sentence, 'from' | 'to'>, cues: EventCues = {}): string[] {
  return [...spanFeatures(doc, s), ...cueFeatures(cues)];
}

/** The words and word pairs of a sentence span, without the event's cues. */
export function spanFeatures(doc: Doc, s: Pick<Sentence, 'from' | 'to'>): string[] {
  const out = new Set<string>();
  const words: string[] = [];
  for (let i = s.from; i < s.to; i++) {
    const t = doc.tokens[i];
    if (t.pos === 'PUNCT' || t.pos === 'SPACE') continue;
    const w = t.pos === 'NUM' ? '<num>' : t.pos === 'PROPN' ? '<name>' : t.lemma;
    words.push(w);
    if (!STOP.has(w)) out.add(`w:${w}`);
  }
  for (let k = 0; k + 1 < words.length; k++) {
    if (STOP.has(words[k]) && STOP.has(words[k + 1])) continue;
    out.add(`b:${words[k]}_${words[k + 1]}`);
  }
  return [...out];
}

/** The coder's own readings of an event as features (distinct from any word feature by prefix). */
export function cueFeatures(cues: EventCues): string[] {
  const out = new Set<string>();
  if (cues.ploverType) out.add(`plover:${cues.ploverType}`);
  if (cues.mode) out.add(`mode:${cues.mode}`);
  for (const x of cues.actorSectors ?? []) out.add(`actor:${x}`);
  for (const x of cues.recipientSectors ?? []) out.add(`recipient:${x}`);
  if (cues.killed !== undefined && cues.killed !== null) out.add(cues.killed > 0 ? 'killed:yes' : 'killed:none');
  return [...out];
}
