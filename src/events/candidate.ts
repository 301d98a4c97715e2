// An event as it is being built, before merging into the final record.
import type { Mention } from '../actors/index.js';
import type { DateValue, Fatalities, Location, PloverType } from '../types.js';
import type { Spotted } from './triggers.js';

export interface Candidate {
  sentence: number;
  spotted: Spotted;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  actor: Mention[];
  recipient: Mention[];
  speaker: Mention[];
  context: string[];
  date: DateValue | null;
  location: Location | null;
  fatalities: Fatalities;
  reason: string;
  explain: string[];
  /** set when the candidate will not become an event of its own, with why */
  dropped: string | null;
  /** a definite event noun with no arguments of its own ("the attack"): refers back */
  anaphoric: boolean;
  /** a nominal trigger with a definite or demonstrative determiner ("the new US air attack") */
  definite: boolean;
  /** other evidence sentences merged into this event */
  merged: number[];
}

/**
 * The candidates of sentences `from` to `to` (inclusive), in list order. `cands` is in sentence order
 * (extractEvents builds it so), so the passes that relate candidates of one sentence or a few near
 * sentences stay linear in the length of a document instead of scanning all of it for each candidate.
 */
export function inSentences(cands: readonly Candidate[], from: number, to: number): Candidate[] {
  let lo = 0, hi = cands.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cands[mid].sentence < from) lo = mid + 1; else hi = mid;
  }
  const out: Candidate[] = [];
  for (let i = lo; i < cands.length && cands[i].sentence <= to; i++) out.push(cands[i]);
  return out;
}
