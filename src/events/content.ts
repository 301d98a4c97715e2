// Triggers inside another trigger's content ("threatened to withhold aid", "called for troops to withdraw",
// "blamed Israel for the bombing") are that event's content, not events of their own.
import type { Doc } from '../types.js';
import type { Candidate } from './candidate.js';

const BREAKS = new Set([';', ':', '.', '?', '!']);

/** Mode from content: a threat of violence, of restrictions; a demand to yield. */
const CONTENT_MODE: Record<string, Record<string, string>> = {
  THREATEN: { ASSAULT: 'violence', SANCTION: 'restrict', COERCE: 'restrict', MOBILIZE: 'violence' },
  REQUEST: { RETREAT: 'yield', CONCEDE: 'yield', AID: 'assist', CONSULT: 'meet', AGREE: 'meet' },
  REJECT: { RETREAT: 'yield', CONCEDE: 'yield', AID: 'assist', CONSULT: 'meet' },
};

/** Mark triggers in an intent trigger's complement as content and take a mode from them. */
export function refineContent(doc: Doc, cands: Candidate[]): void {
  for (const a of cands) {
    if (!a.spotted.trigger.intent || a.dropped) continue;
    const end = clauseEnd(doc, a.spotted.end, doc.sentences[a.sentence].to);
    for (const b of cands) {
      if (b === a || b.sentence !== a.sentence || b.spotted.head < a.spotted.end || b.spotted.head >= end || b.dropped) continue;
      if (!a.mode) a.mode = CONTENT_MODE[a.type]?.[b.type] ?? a.mode;
      b.dropped = `content of ${a.type} "${a.spotted.trigger.pattern}"`;
    }
  }
}

/** A noun trigger with no actor of its own after another trigger in its sentence is referred to, not reported. */
export function suppressNested(doc: Doc, cands: Candidate[]): void {
  for (const b of cands) {
    if (b.dropped || b.spotted.verbal || b.actor.length > 0) continue;
    const host = cands.find((a) => a !== b && a.sentence === b.sentence && a.spotted.head < b.spotted.head && !a.dropped);
    if (host) b.dropped = `referred to by ${host.type} "${host.spotted.trigger.pattern}"`;
  }
}

function clauseEnd(doc: Doc, from: number, to: number): number {
  for (let i = from; i < to; i++) if (BREAKS.has(doc.tokens[i].text)) return i;
  return to;
}
