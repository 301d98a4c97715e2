// Event coreference inside one article: coordinated triggers, participle clauses, "the attack" referring back,
// and the same deed told twice.
import type { Mention } from '../actors/index.js';
import type { DateValue, Token } from '../types.js';
import { inSentences, type Candidate } from './candidate.js';
import { isFactual } from './modality.js';
import { sameFamily } from './family.js';

/** Deeds whose repeated triggers in one sentence tell one incident ("killed one and wounded two"). */
const MATERIAL = new Set(['ASSAULT', 'COERCE', 'PROTEST', 'CONSULT']);
const PRECISION_RANK: Record<DateValue['precision'], number> = { day: 3, month: 2, year: 1, article: 0 };
const LOCATION_RANK = { site: 3, city: 2, region: 1, country: 0 } as const;
const ANAPHOR_WINDOW = 3;
/**
 * How far back (in sentences) a deed may be told again and still be taken for the same deed. Longer
 * than any news article, so articles are unaffected; it keeps a book-length text from pairing every
 * event with every earlier one.
 */
const RETELLING_WINDOW = 200;
const COORD = new Set(['and', 'or', ',', 'also', 'then', 'regularly', 'repeatedly', 'have', 'has', 'had']);

const key = (m: Mention): string => m.entity.id ?? m.entity.name.toLowerCase();
const overlaps = (a: Mention[], b: Mention[]): boolean => a.some((x) => b.some((y) => key(x) === key(y)));
const sameActors = (a: Candidate, b: Candidate): boolean => a.actor.length > 0 && b.actor.length > 0 && overlaps(a.actor, b.actor);

/** Merge `b` into `a`: arguments united, the more precise date and the known toll kept. */
function absorb(a: Candidate, b: Candidate, why: string): void {
  if (b.recipient.length && a.recipient.every((r) => r.reason === 'recipient:place-country')) a.recipient = [];
  for (const r of b.recipient) if (!a.recipient.some((x) => key(x) === key(r))) a.recipient.push(r);
  if (a.actor.length === 0) a.actor = b.actor;
  if (!a.mode && b.mode) a.mode = b.mode;
  if (b.date && (!a.date || PRECISION_RANK[b.date.precision] > PRECISION_RANK[a.date.precision])) a.date = b.date;
  if (!a.location || (b.location && LOCATION_RANK[b.location.precision] > LOCATION_RANK[a.location.precision])) a.location = b.location ?? a.location;
  if (b.fatalities.killed !== null && a.fatalities.killed === null) a.fatalities = { ...a.fatalities, killed: b.fatalities.killed, text: b.fatalities.text };
  if (b.fatalities.injured !== null && a.fatalities.injured === null) a.fatalities = { ...a.fatalities, injured: b.fatalities.injured };
  if (b.sentence !== a.sentence && !a.merged.includes(b.sentence)) a.merged.push(b.sentence);
  a.explain.push(`merged ${b.type} "${b.spotted.trigger.pattern}" (sentence ${b.sentence}): ${why}`);
  b.dropped = `merged into sentence ${a.sentence} "${a.spotted.trigger.pattern}": ${why}`;
}

/** "rocketed and shelled", "conducted strikes inside Iraq, killing": b continues a's clause. */
function continues(tokens: readonly Token[], a: Candidate, b: Candidate): boolean {
  if (b.reason.includes('participle')) return true;
  for (let i = a.spotted.end; i < b.spotted.start; i++) if (!COORD.has(tokens[i].norm) && tokens[i].pos !== 'ADV') return false;
  return true;
}

function noBreak(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (/^[,;:]$/.test(tokens[i].text) || tokens[i].pos === 'VERB') return false;
  return true;
}

/** Merge candidates that report one deed; returns the survivors in text order. */
export function mergeCandidates(tokens: readonly Token[], cands: Candidate[]): Candidate[] {
  const live = (): Candidate[] => cands.filter((c) => !c.dropped);
  /** Undropped candidates of the `window` sentences before b's, in list order. */
  const liveBefore = (b: Candidate, window: number): Candidate[] => inSentences(cands, b.sentence - window, b.sentence - 1).filter((c) => !c.dropped);
  // 1. Within a sentence: coordinated verbs and participle clauses of one deed.
  for (const a of live()) {
    for (const b of inSentences(cands, a.sentence, a.sentence)) {
      if (a === b || b.spotted.head < a.spotted.head || a.dropped || b.dropped) continue;
      if (a.type !== b.type || isFactual(a.context) !== isFactual(b.context)) continue;
      if (continues(tokens, a, b) && (sameActors(a, b) || b.actor.length === 0)) absorb(a, b, 'one clause, same actor');
      else if (MATERIAL.has(a.type) && (sameActors(a, b) || (b.actor.length === 0 && a.actor.length === 0) || b.reason.includes('coordinated'))) absorb(a, b, 'one sentence, one deed by the same hand');
      else if ((a.type === 'ASSAULT' || a.type === 'CONSULT' || a.type === 'RETREAT') && (a.actor.length === 0) !== (b.actor.length === 0) && isFactual(a.context)) {
        // The unattributed toll ("12 soldiers were killed") and the attributed deed ("when militants ambushed").
        const [keep, drop] = a.actor.length ? [a, b] : [b, a];
        absorb(keep, drop, 'the toll and the deed of one incident');
      }
      else if (!a.spotted.verbal && b.spotted.verbal && sameActors(a, b) && noBreak(tokens, a.spotted.end, b.spotted.start)) absorb(a, b, 'the event noun is the subject of the verb');
      // "was convicted ... and handed a six-year prison term": the verdict and its sentence are one judgment.
      else if (a.type === 'SANCTION' && a.mode === 'convict' && b.mode === 'convict' && (sameActors(a, b) || b.actor.length === 0 || a.actor.length === 0)) absorb(a.actor.length ? a : b, a.actor.length ? b : a, 'a verdict and its sentence');
    }
  }
  // 2. "In the attack, the US killed ...": an event in a sentence that refers back to an earlier deed of its kind.
  for (const b of live()) {
    const refersBack = inSentences(cands, b.sentence, b.sentence).some((x) => x.anaphoric && sameFamily(x.type, b.type));
    if (!refersBack) continue;
    const a = latestBefore(liveBefore(b, ANAPHOR_WINDOW), b, (x) => sameFamily(x.type, b.type) && (b.actor.length === 0 || sameActors(x, b)));
    if (a) absorb(a, b, 'refers back to the same incident');
  }
  // 3. The same deed told twice: same type and actor, and a shared recipient or a definite back-reference.
  for (const b of live()) {
    const peers = liveBefore(b, RETELLING_WINDOW).filter((a) => a.type === b.type && sameActors(a, b)
      && isFactual(a.context) === isFactual(b.context) && datesAgree(a, b));
    const shared = peers.filter((a) => a.recipient.length && b.recipient.length && overlaps(a.recipient, b.recipient));
    // "The Houthis claimed the attack": a definite back-reference that names who did an unattributed deed.
    const claimed = b.definite && b.recipient.length === 0 ? latestBefore(liveBefore(b, ANAPHOR_WINDOW), b, (x) => x.type === b.type && x.actor.length === 0 && isFactual(x.context) === isFactual(b.context)) : null;
    if (claimed && !peers.length) { absorb(claimed, b, 'names the actor of an earlier unattributed deed'); continue; }
    const target = shared.length ? shared[shared.length - 1] : b.recipient.length === 0 && b.definite ? peers[peers.length - 1] : undefined;
    if (target) absorb(target, b, shared.length ? 'same actor, type and recipient' : 'a definite reference to an earlier deed of this actor');
  }
  return live().sort((x, y) => x.sentence - y.sentence || x.spotted.head - y.spotted.head);
}

function datesAgree(a: Candidate, b: Candidate): boolean {
  if (!a.date || !b.date || a.date.precision === 'article' || b.date.precision === 'article') return true;
  return (a.date.value ?? '').slice(0, 7) === (b.date.value ?? '').slice(0, 7);
}

function latestBefore(cands: Candidate[], b: Candidate, ok: (x: Candidate) => boolean): Candidate | null {
  let best: Candidate | null = null;
  for (const x of cands) {
    if (x === b || x.sentence >= b.sentence || b.sentence - x.sentence > ANAPHOR_WINDOW || !ok(x)) continue;
    if (!best || x.sentence > best.sentence) best = x;
  }
  return best;
}
