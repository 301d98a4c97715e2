// Stage 3b, arguments: who did it and to whom, by voice and structure.
import { AFFILIATION } from './content.js';
import type { Mention } from '../actors/index.js';
import type { Sentence, Token } from '../types.js';
import type { Spotted } from './triggers.js';
import { isSpeechVerb, objectOfPreposition, objectRightOf, subjectLeftOf, groupStartingAt, type MentionIndex } from './scan.js';

const BE = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being', 'get', 'got', 'gets', "'s", 'am']);
/** Verbs that carry an event noun: "launched attacks", "carried out strikes", "lodged a protest". */
const LIGHT = new Set(['wrap', 'complete', 'launch', 'carry', 'conduct', 'stage', 'mount', 'make', 'hold', 'lodge', 'issue', 'impose', 'deliver', 'give', 'express', 'take', 'begin', 'continue', 'step', 'intensify', 'file', 'sign', 'reach', 'announce', 'order', 'unleash', 'perpetrate', 'commit', 'undertake', 'wage', 'open', 'start', 'resume', 'escalate', 'claim', 'pay', 'extend', 'offer', 'provide', 'send', 'voice', 'level', 'register', 'declare', 'call', 'hold', 'host', 'organise', 'organize', 'lead', 'join', 'attend', 'sign', 'enforce', 'slap', 'tighten', 'adopt', 'approve', 'pass', 'seek', 'grant', 'accept', 'propose', 'demand', 'gather', 'convene', 'assemble', 'meet']);
const COPULA = new Set(['be', 'become', 'remain', 'seem', 'appear', 'say', 'tell', 'report']);
const NOUN_RECIP_PREPS = new Set(['on', 'against', 'at', 'upon', 'toward', 'towards', 'into', 'of', 'targeting', 'to', 'with', 'over']);
const PREPOSITIONS = new Set(['on', 'against', 'at', 'of', 'to', 'with', 'into', 'over', 'upon', 'toward', 'towards', 'from', 'for']);
const PARTITIVE = new Set(['a', 'an', 'the', 'another', 'series', 'wave', 'spate', 'number', 'string', 'round', 'barrage', 'volley', 'of', 'new', 'fresh', 'further', 'several', 'multiple', 'two', 'three', 'more', 'its', 'their', 'his', 'her', 'deadly', 'fatal']);

const QUOTE_MARKS = new Set(["'", '"', '‘', '’', '“', '”']);

/** Nouns for the doer of a deed: "suicide bomber", "attackers", "gunman". */
const AGENT_NOUN = /(er|ers|or|ors|man|men)$/;

export interface Args {
  actor: Mention[];
  recipient: Mention[];
  speaker: Mention[];
  how: string;
}

/** Attach actor and recipient to a spotted trigger. */
export function attachArgs(ix: MentionIndex, s: Sentence, sp: Spotted): Args {
  const speaker = speakerOf(ix, s, sp.head);
  let args: Args = sp.verbal ? verbalArgs(ix, s, sp) : nominalArgs(ix, s, sp);
  args.speaker = speaker;
  if (sp.trigger.inverse) args = invert(ix, s, sp, args);
  if (args.actor.length === 0 && speaker.length && sp.trigger.inverse) args = { ...args, actor: speaker, how: `${args.how}+speaker` };
  const same = (a: Mention, b: Mention): boolean => a === b || (!!a.entity.id && a.entity.id === b.entity.id && a.entity.name === b.entity.name);
  args.recipient = args.recipient.filter((r) => !args.actor.some((a) => same(a, r)));
  return args;
}

function verbalArgs(ix: MentionIndex, s: Sentence, sp: Spotted): Args {
  const t = ix.tokens;
  const none: Mention[] = [];
  const aux = passiveAux(t, s, sp.head);
  // "200 prisoners freed by Israel": a participle right after its noun, with an agent, is a reduced passive.
  const reduced = aux < 0 && /(ed|en|wn)$/.test(t[sp.head].norm) && ix.byEnd.has(sp.head - 1) && (t[sp.end]?.norm === 'by' || t[sp.end + 1]?.norm === 'by');
  if (reduced) {
    return { actor: objectOfPreposition(ix, s, sp.end, 'by', () => false, 3), recipient: [ix.byEnd.get(sp.head - 1)!], speaker: none, how: 'verb:reduced-passive' };
  }
  if (aux >= 0) {
    return {
      actor: objectOfPreposition(ix, s, sp.end, 'by', () => false),
      recipient: subjectLeftOf(ix, s, aux), speaker: none, how: 'verb:passive',
    };
  }
  const rel = t[sp.head - 1];
  // "an air strike on its embassy compound in Damascus that killed seven": the relative clause's deed is the strike.
  const relOfEvent = rel && /^(that|which)$/.test(rel.norm) && [...Array(10).keys()].some((d) => {
    const k = sp.head - 2 - d;
    return k >= s.from && ix.triggerTokens.has(k) && !ix.byEnd.has(sp.head - 2);
  });
  if (relOfEvent) {
    const recipient = objectRightOf(ix, s, sp.end, () => false);
    return { actor: [], recipient, speaker: none, how: 'verb:relative-of-event' };
  }
  const subjAt = participleAnchor(t, s, sp.head);
  const anchorPassive = subjAt !== sp.head ? passiveAux(t, s, subjAt) : -1;
  // "was attacked by militiamen ..., killing 156": the participle's doer is the passive's agent.
  const actor = anchorPassive >= 0 ? objectOfPreposition(ix, s, subjAt + 1, 'by', () => false, 6) : subjectLeftOf(ix, s, subjAt);
  const own = new Set(sp.positions);
  const skip = (m: Mention): boolean => actor.includes(m) || brokered(t, m.end) || (m.kind === 'pronoun' && actor.some((a) => a.entity.name === m.entity.name))
    || (m.kind === 'role' && own.has(m.end - 1) && m.reason.includes('country-from'));
  const lastWord = sp.trigger.words[sp.trigger.words.length - 1];
  let recipient = sp.trigger.recipPrep === lastWord ? objectRightOf(ix, s, sp.end, skip) : [];
  if (recipient.length === 0 && sp.trigger.recipPrep) recipient = objectOfPreposition(ix, s, sp.end, sp.trigger.recipPrep, skip);
  // "blamed a string of attacks on bases ... on Iran-backed militias": the last "on" names the blamed.
  if (recipient.length === 0 && t[sp.head].lemma === 'blame') {
    for (let k = s.to - 1; k > sp.end; k--) {
      if (t[k].norm === 'on') { const m = objectRightOf(ix, s, k + 1, skip, 8); if (m.length) { recipient = m; break; } }
    }
  }
  // "complained to the UN over Israeli air raids": the accused, not the addressee.
  if (recipient.length === 0 && (sp.trigger.type === 'ACCUSE' || sp.trigger.type === 'PROTEST') && t[sp.end]?.norm === 'to') {
    for (const prep of ['over', 'about', 'against']) {
      recipient = objectOfPreposition(ix, s, sp.end, prep, skip, 10);
      if (recipient.length) break;
    }
  }
  // "blamed Iran for the assault": with the pattern's preposition empty, the direct object after the head word.
  // With a gap in the pattern ("blame * for"), the object may sit inside the gap.
  const gapped = sp.trigger.recipPrep !== null || sp.trigger.words.includes('*');
  if (recipient.length === 0) recipient = objectRightOf(ix, s, gapped ? sp.head + 1 : sp.end, skip);
  const how = subjAt === sp.head ? 'verb:active' : t[sp.head].norm.endsWith('ing') ? 'verb:participle' : 'verb:coordinated';
  return { actor, recipient, speaker: none, how };
}

/** For ", killing X" and "by threatening to", the subject is that of the verb the participle hangs on. */
export function participleAnchor(t: readonly Token[], s: Sentence, head: number): number {
  const w = t[head];
  let p = head - 1;
  while (p > s.from && t[p].pos === 'ADV') p--;
  // "killed one soldier and (also) wounded two others": a coordinated verb shares the first verb's subject.
  // (", then bombed": a sequence is a coordination too.)
  if (t[p] && (/^(and|or|but)$/.test(t[p].norm) || (t[p].norm === 'then' && t[p - 1]?.text === ',')) && w.pos === 'VERB' && !w.norm.endsWith('ing')) {
    for (let k = p - 1; k >= s.from; k--) {
      if (/^[,;:]$/.test(t[k].text) && t[k - 1]?.pos !== 'NOUN') break;
      // Not "a container ship linked to Israel": an affiliation participle describes a noun.
      if (t[k].pos === 'VERB' && AFFILIATION.has(t[k].lemma) && (t[k - 1]?.pos === 'NOUN' || t[k - 1]?.pos === 'PROPN')) continue;
      // Nor an infinitive with its own object in between: "called on the authorities to free X without
      // delay and condemned" coordinates with "called" (but "to plan and carry out" are one infinitive pair).
      if (t[k].pos === 'VERB' && t[k - 1]?.norm === 'to' && p - k > 2) continue;
      if (t[k].pos === 'VERB') return k;
    }
  }
  const prev = t[head - 1];
  // "filed a case at the International Court of Justice accusing Myanmar": a participle after the object
  // of a preposition hangs on the verb before the preposition.
  if (w.norm.endsWith('ing') && prev && (prev.pos === 'PROPN' || prev.pos === 'NOUN')) {
    let k = head - 1;
    while (k > s.from && ['PROPN', 'NOUN', 'DET', 'ADJ', 'PART'].includes(t[k].pos)) k--;
    if (t[k]?.pos === 'ADP' && t[k].norm !== 'of') {
      for (let v = k - 1; v >= s.from && k - v <= 10; v--) {
        if (t[v].pos === 'VERB' && !t[v].norm.endsWith('ing')) return v;
        if (!['PROPN', 'NOUN', 'DET', 'ADJ', 'NUM', 'PART', 'ADV', 'ADP'].includes(t[v].pos)) break;
      }
    }
  }
  if (!w.norm.endsWith('ing') || !prev || (prev.norm !== ',' && prev.norm !== 'by' && prev.norm !== 'after' && prev.norm !== 'before' && prev.norm !== 'while')) return head;
  // The finite verb it hangs on, not an infinitive ("marched ... to demand higher pay, blocking roads").
  // Not a gerund of a clause in between either ("chose India ..., since taking office, holding talks"),
  // unless it is progressive ("were marching, blocking roads").
  for (let k = head - 2; k >= s.from; k--) {
    if (t[k].pos !== 'VERB' || t[k - 1]?.norm === 'to') continue;
    if (t[k].norm.endsWith('ing') && t[k - 1]?.pos !== 'AUX') continue;
    // "blew himself up outside a bank as people queued to collect their salaries, killing 21": not the
    // verb of a subordinate clause.
    if (subordinate(t, s, k)) continue;
    return k;
  }
  return head;
}

const SUBORDINATORS = new Set(['as', 'while', 'when', 'after', 'before', 'because', 'since', 'although', 'though', 'if', 'until', 'whereas', 'who', 'which', 'that', 'where']);

/** Whether the verb at k opens no main clause: a subordinator comes before it in its clause. */
function subordinate(t: readonly Token[], s: Sentence, k: number): boolean {
  for (let j = k - 1; j >= s.from && k - j <= 6; j--) {
    if (/^[,;:]$/.test(t[j].text) || t[j].pos === 'VERB') return false;
    if (SUBORDINATORS.has(t[j].norm) && (t[j].pos === 'SCONJ' || t[j].pos === 'PRON' || t[j].pos === 'ADP' || t[j].pos === 'DET')) return true;
  }
  return false;
}

/** Index of the auxiliary of a passive ("was attacked", "have been detained"), or -1. */
function passiveAux(t: readonly Token[], s: Sentence, head: number): number {
  const w = t[head];
  if (!/(ed|en|wn|ught|ne|lt|pt|ld|ck|ot|ung|ept|ade|eld|id)$/.test(w.norm) || w.norm === w.lemma) return -1;
  for (let k = head - 1; k >= s.from && head - k <= 3; k--) {
    if (BE.has(t[k].norm) && !(t[k].norm === "'s" && t[k].pos === 'PART')) return k;
    if (t[k].pos !== 'ADV' && t[k].pos !== 'AUX' && t[k].norm !== 'not' && t[k].norm !== "n't") return -1;
  }
  return -1;
}

function nominalArgs(ix: MentionIndex, s: Sentence, sp: Spotted): Args {
  const t = ix.tokens;
  const none: Mention[] = [];
  let actor: Mention[] = [];
  let how = 'noun';
  // Only the sentence's own mentions can modify the noun (a scan of the document's was quadratic in long texts).
  for (let k = s.from; k < s.to; k++) {
    const m = ix.byStart.get(k);
    // (Not a broker: "EU-brokered talks", "US-mediated truce".)
    // (Nor a name of the exercise itself: "their annual Varuna exercise", "the Balikatan drills".)
    const exerciseName = m && m.kind === 'unknown' && /^(exercises?|drills?|manoeuvres?|maneuvers?|games?)$/.test(t[sp.end - 1].norm);
    if (m && m.sentence === s.index && m.modifies >= sp.start && m.modifies < sp.end && !brokered(t, m.end) && !exerciseName) { actor = [m]; how = 'noun:premodifier'; break; }
  }
  // "An al-Shabaab suicide attacker drove ...": an agent noun heading an actor's mention names the doer.
  if (actor.length === 0) {
    for (let k = s.from; k <= sp.head; k++) {
      const m = ix.byStart.get(k);
      if (m && m.sentence === s.index && m.end === sp.end && m.start < sp.start && AGENT_NOUN.test(t[sp.end - 1].norm)) { actor = [m]; how = 'noun:agent'; break; }
    }
  }
  const skip = (m: Mention): boolean => actor.includes(m);
  let recipient: Mention[] = [];
  // "attacks and counterattacks between the US and Iran": both sides act.
  const between = t[sp.end]?.norm === 'between' ? sp.end : t[sp.end + 2]?.norm === 'between' ? sp.end + 2 : -1;
  if (between >= 0) {
    const first = ix.byStart.get(between + 1) ?? ix.byStart.get(between + 2);
    if (first) return { actor: groupStartingAt(ix, first, s.to), recipient: none, speaker: none, how: 'noun:between' };
  }
  // "invasion of Ukraine": a pattern that ends in its preposition has the recipient right after it.
  if (PREPOSITIONS.has(sp.trigger.words[sp.trigger.words.length - 1])) {
    let k = sp.end;
    while (k < s.to && k - sp.end < 3 && (t[k].pos === 'DET' || t[k].pos === 'ADJ' || t[k].pos === 'NUM')) k++;
    const m = ix.byStart.get(k);
    if (m && !skip(m)) recipient = groupStartingAt(ix, m, s.to);
  }
  for (let k = sp.end; k < s.to && k - sp.end < 3; k++) {
    const w = t[k].norm;
    if (w === 'by' && actor.length === 0 && t[k + 1]?.pos !== 'VERB') { actor = objectRightOf(ix, s, k + 1, () => false, 6); how = 'noun:by-agent'; continue; }
    if ((sp.trigger.recipPrep === w || NOUN_RECIP_PREPS.has(w)) && recipient.length === 0) recipient = objectRightOf(ix, s, k + 1, skip, 6);
  }
  // "during a two-day visit to Addis Ababa", "at a high-level dialogue", "after talks in Seoul": a meeting
  // named in an adjunct of the clause is the clause subject's.
  if (actor.length === 0 && sp.trigger.type === 'CONSULT') {
    const prep = meetingAdjunct(t, s, sp.start);
    if (prep >= 0) {
      for (let v = prep - 1; v >= s.from && prep - v <= 12; v--) {
        if (t[v].pos === 'VERB') { actor = subjectLeftOf(ix, s, participleAnchor(t, s, v)); how = 'noun:adjunct'; break; }
      }
    }
  }
  if (actor.length === 0) {
    const lv = lightVerb(t, s, sp.start, ix.triggerHeads, isDefinite(t, s, sp.start));
    if (lv >= 0) {
      const aux = passiveAux(t, s, lv);
      actor = aux >= 0 ? objectOfPreposition(ix, s, sp.end, 'by', () => false) : subjectLeftOf(ix, s, participleAnchor(t, s, lv));
      how = 'noun:light-verb';
    }
  }
  return { actor, recipient, speaker: none, how };
}

const BROKERS = new Set(['broker', 'brokered', 'mediate', 'mediated', 'host', 'hosted', 'sponsor', 'sponsored', 'facilitate', 'facilitated']);

/** "EU-brokered": a mention joined by a hyphen to a participle of mediation. */
function brokered(t: readonly Token[], end: number): boolean {
  return t[end]?.text === '-' && BROKERS.has(t[end + 1]?.norm ?? '');
}

const MEETING_PREPS = new Set(['during', 'at', 'after', 'on']);

/** The preposition ("during", "at", "after") that opens the phrase an event noun at `start` heads, or -1. */
function meetingAdjunct(t: readonly Token[], s: Sentence, start: number): number {
  for (let k = start - 1; k >= s.from && start - k <= 6; k--) {
    if (MEETING_PREPS.has(t[k].norm)) return k;
    if (!['DET', 'ADJ', 'NUM', 'PUNCT', 'NOUN', 'PRON'].includes(t[k].pos) || t[k].text === ',') return -1;
  }
  return -1;
}

/** The light verb governing the event noun at `start`, looking back over determiners and "a series of". */
function isDefinite(t: readonly Token[], s: Sentence, start: number): boolean {
  for (let k = start - 1; k >= s.from && start - k <= 3; k--) if (/^(the|this|these|those|that|such)$/.test(t[k].norm)) return true;
  return false;
}

/** Any verb may pass its subject to an indefinite event noun it governs ("renewed negotiations"); a definite one only through a light verb. */
function lightVerb(t: readonly Token[], s: Sentence, start: number, eventHeads: Set<number>, definite: boolean): number {
  for (let k = start - 1, skipped = 0; k >= s.from && start - k - skipped <= 6; k--) {
    const w = t[k];
    // "condemned the attack": the noun is the object of another event, whose subject is not its actor.
    if (eventHeads.has(k) && !LIGHT.has(w.lemma)) return -1;
    // "EU-brokered talks": a participle joined to a name by a hyphen modifies the noun.
    if (w.pos === 'VERB' && t[k - 1]?.text === '-' && t[k - 1].end === w.start) { k -= 2; skipped += 3; continue; }
    if ((w.pos === 'VERB' || w.pos === 'AUX') && (LIGHT.has(w.lemma) || (!definite && w.pos === 'VERB' && !COPULA.has(w.lemma)))) return k;
    // "their first three-way 'Freedom Edge' exercise": quotes and a name inside the noun phrase.
    if (w.norm === 'out' || w.norm === 'up' || w.text === '-' || QUOTE_MARKS.has(w.text) || w.pos === 'PROPN') continue;
    if (!PARTITIVE.has(w.norm) && w.pos !== 'ADJ' && w.pos !== 'NUM' && w.pos !== 'ADV' && w.pos !== 'NOUN') return -1;
  }
  return -1;
}

/** "X came under attack from Y", "X received aid from Y": the subject is the recipient. */
function invert(ix: MentionIndex, s: Sentence, sp: Spotted, a: Args): Args {
  const from = objectOfPreposition(ix, s, sp.end, 'from', () => false, 4);
  const by = from.length ? from : objectOfPreposition(ix, s, sp.end, 'by', () => false, 4);
  const subject = sp.verbal ? subjectLeftOf(ix, s, sp.head) : a.actor.length ? a.actor : subjectLeftOf(ix, s, sp.head);
  return { actor: by, recipient: subject, speaker: a.speaker, how: `${a.how}:inverse` };
}

/** Who reports the event: "X said (that) ...", "according to X", "..., X said". */
export function speakerOf(ix: MentionIndex, s: Sentence, head: number): Mention[] {
  const t = ix.tokens;
  for (let k = head - 1; k >= s.from; k--) {
    if (isSpeechVerb(t[k]) && !['believe', 'think', 'fear', 'suspect'].includes(t[k].lemma)) return subjectLeftOf(ix, s, k);
  }
  for (let k = s.from; k < s.to - 1; k++) {
    if (t[k].norm === 'according' && t[k + 1].norm === 'to') return objectRightOf(ix, s, k + 2, () => false, 8);
  }
  // "issued a reminder to Iraq that it must", "reiterated its demand that": whoever governs the that-clause.
  for (let k = head - 1; k > s.from; k--) {
    if (t[k].norm !== 'that' || t[k].pos !== 'SCONJ') continue;
    for (let v = k - 1; v >= s.from; v--) if (t[v].pos === 'VERB') return subjectLeftOf(ix, s, v);
    break;
  }
  for (let k = head + 1; k < s.to; k++) {
    if (isSpeechVerb(t[k]) && t[k - 1] && (t[k - 1].norm === ',' || ix.byEnd.has(k - 1) || t[k - 1].text === '”')) {
      const before = ix.byEnd.get(k - 1);
      if (before) return [before];
      const after = ix.byStart.get(k + 1);
      if (after) return [after];
    }
  }
  return [];
}
