// Triggers inside another trigger's content ("threatened to withhold aid", "called for troops to withdraw",
// "blamed Israel for the bombing") are that event's content, not events of their own.
import { WEEKDAYS } from '../text/normalize.js';
import type { Doc } from '../types.js';
import { inSentences, type Candidate } from './candidate.js';

const BREAKS = new Set([';', ':', '.', '?', '!']);
const ORDERED_ACTS = new Set(['COERCE', 'SANCTION', 'MOBILIZE', 'ASSAULT']);
const HARM = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'THREATEN']);
const PROMISE = new Set(['pledge', 'vow', 'promise', 'swear']);
const CALLS = new Set(['call', 'urge', 'appeal', 'plead']);
const STATE = new Set(['GOV', 'MIL', 'COP', 'JUD', 'SPY']);

/** Mode from content: a threat of violence, of restrictions; a demand to yield. */
export const CONTENT_MODE: Record<string, Record<string, string>> = {
  THREATEN: { ASSAULT: 'violence', SANCTION: 'restrict', COERCE: 'restrict', MOBILIZE: 'violence' },
  REQUEST: { RETREAT: 'yield', CONCEDE: 'yield', AID: 'assist', CONSULT: 'meet', AGREE: 'meet' },
  REJECT: { RETREAT: 'yield', CONCEDE: 'yield', AID: 'assist', CONSULT: 'meet' },
};

/** Mark triggers in an intent trigger's complement as content and take a mode from them. */
export function refineContent(doc: Doc, cands: Candidate[]): void {
  for (const a of cands) {
    if (!a.spotted.trigger.intent || a.dropped) continue;
    const end = clauseEnd(doc, a.spotted.end, doc.sentences[a.sentence].to);
    // Only the first deed in a promise decides what was promised.
    let contentSeen = false;
    for (const b of inSentences(cands, a.sentence, a.sentence)) {
      if (b === a || b.spotted.head < a.spotted.end || b.spotted.head >= end || b.dropped) continue;
      if (!introducesContent(doc, a.spotted.end, b.spotted.start, a.spotted.verbal)) continue;
      // "demanded that X reinstate Bazoum ... and threatened to use force": a second main verb of the
      // same subject is a deed of its own, not the content.
      const before = doc.tokens[b.spotted.start - 1];
      if (b.spotted.verbal && before?.norm === 'and' && /ed$/.test(doc.tokens[b.spotted.head].norm) && b.actor.length > 0
        && b.actor.every((m) => a.actor.some((x) => x.entity.name === m.entity.name))) continue;
      if (!a.mode) a.mode = CONTENT_MODE[a.type]?.[b.type] ?? a.mode;
      b.dropped = `content of ${a.type} "${a.spotted.trigger.pattern}"`;
      const promisedFirst = contentSeen;
      contentSeen = true;
      // "warned that it would take military action": a warning whose content is harm is a threat in
      // its own right, with or without a named recipient.
      if (a.type === 'THREATEN' && (HARM.has(b.type) || b.type === 'MOBILIZE') && a.spotted.trigger.weak) a.spotted = { ...a.spotted, trigger: { ...a.spotted.trigger, weak: false } };
      // "called for an immediate halt to the fighting": a call to end fighting is AGREE (ONTOLOGY).
      // (A demand for a truce stays a demand, as the PLOVER gold standard codes it.)
      if (a.type === 'REQUEST' && b.type === 'RETREAT' && b.mode === 'ceasefire' && !promisedFirst && CALLS.has(doc.tokens[a.spotted.head].lemma)) {
        a.type = 'AGREE';
        a.mode = null;
        a.cameo = '03';
        a.explain.push('a call to end the fighting is AGREE');
      }
      // "agreed to withdraw its troops from Niger": an announced withdrawal is a concession (ONTOLOGY).
      if (a.type === 'AGREE' && b.type === 'RETREAT' && b.mode === 'withdraw' && !promisedFirst && doc.tokens[a.spotted.head].lemma !== 'offer') {
        a.type = 'CONCEDE';
        a.cameo = '081';
        a.explain.push('an agreement to withdraw is a concession');
      }
      // "pledged to crush the RSF", "vowed to escalate attacks": a promise of harm is a threat.
      if (a.type === 'AGREE' && HARM.has(b.type) && PROMISE.has(doc.tokens[a.spotted.head].lemma) && !promisedFirst) {
        a.type = 'THREATEN';
        a.mode = b.type === 'THREATEN' ? b.mode : CONTENT_MODE.THREATEN[b.type];
        a.cameo = '130';
        a.explain.push(`a promise to ${b.type} is a threat`);
      }
      // "A judge ordered Navalny held in custody": an authority's order to coerce is the coercion.
      if (a.type === 'REQUEST' && doc.tokens[a.spotted.head].lemma === 'order' && ORDERED_ACTS.has(b.type) && a.actor.some((m) => m.entity.sector && STATE.has(m.entity.sector))) {
        a.type = b.type;
        a.mode = b.mode;
        a.cameo = b.cameo;
        a.explain.push(`an order by an authority to ${b.type} is the act itself`);
      }
    }
  }
}

const GERUND_PREPS = new Set(['for', 'of', 'with', 'about', 'against', 'from', 'without', 'over', 'in', 'on', 'into', 'at', 'towards', 'toward']);

/** "accused X of supporting", "arrested for collaborating": a gerund after a preposition is the reason or charge, not a deed told. */
export function dropPrepositionalGerunds(doc: Doc, cands: Candidate[]): void {
  for (const c of cands) {
    const t = doc.tokens[c.spotted.head];
    const prev = doc.tokens[c.spotted.head - 1];
    if (c.dropped || !c.spotted.verbal || !t.norm.endsWith('ing') || !prev || !GERUND_PREPS.has(prev.norm)) continue;
    if (prev.sentence !== t.sentence) continue;
    const next = doc.tokens[c.spotted.head + 1];
    const hasObject = !!next && next.sentence === t.sentence && (next.pos === 'DET' || next.pos === 'PROPN' || next.pos === 'NOUN' || next.pos === 'PRON' || next.pos === 'NUM');
    const host = inSentences(cands, c.sentence, c.sentence).some((h) => h !== c && h.spotted.head < c.spotted.head);
    if (!hasObject || !host) continue;
    c.dropped = `gerund after "${prev.norm}": the charge or reason of another statement`;
  }
}

/**
 * "a special law recognizing victories", "a plan aimed at": a participle describing a thing is not a
 * deed told; nor is one before its noun ("supporters of jailed former prime minister Imran Khan",
 * "beat detained opposition supporters").
 */
export function dropDescriptiveParticiples(doc: Doc, cands: Candidate[], inMention: (i: number) => boolean): void {
  for (const c of cands) {
    const t = doc.tokens[c.spotted.head];
    const prev = doc.tokens[c.spotted.head - 1];
    const next = doc.tokens[c.spotted.head + 1];
    if (c.dropped || !prev || prev.sentence !== t.sentence) continue;
    // "four partly occupied regions", "severely wounded Palestinians": the word before the adverbs decides.
    let p = c.spotted.head - 1;
    while (p > doc.sentences[c.sentence].from && doc.tokens[p].pos === 'ADV' && /ly$/.test(doc.tokens[p].norm)) p--;
    const before = doc.tokens[p];
    if (c.spotted.verbal && /ing$/.test(t.norm) && prev.pos === 'NOUN' && !inMention(prev.i)) { c.dropped = `participle describing "${prev.text}"`; continue; }
    const attributive = c.spotted.positions.length === 1 && /(ed|en)$/.test(t.norm) && t.lemma !== t.norm && (c.spotted.verbal || t.pos === 'ADJ') && !!next && next.sentence === t.sentence
      && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN')
      && (before.pos === 'DET' || before.pos === 'ADP' || before.pos === 'NUM' && before !== prev || before.norm === "'s" || (before.pos === 'VERB' && !REPORTING.has(before.lemma)));
    if (attributive) { c.dropped = `participle before its noun ("${t.text} ${next.text}"), a description`; continue; }
    if (!c.spotted.verbal) continue;
    // "Hackers backed by the Chinese state broke into ...": an affiliation told of a noun, not a deed.
    if (next?.norm === 'by' && AFFILIATION.has(t.lemma) && (prev.pos === 'NOUN' || prev.pos === 'PROPN')) { c.dropped = `"${prev.text} ${t.text} by": an affiliation`; continue; }
    // "completing a withdrawal demanded by the junta": the same after an event noun.
    if (next?.norm === 'by' && /(ed|en)$/.test(t.norm) && prev.pos === 'NOUN' && inSentences(cands, c.sentence, c.sentence).some((o) => o !== c && !o.spotted.verbal && o.spotted.end === c.spotted.head)) { c.dropped = `participle describing the event "${prev.text}"`; continue; }
    // "at a lunch hosted by the ambassador": a participle with its agent, describing a thing in a
    // prepositional phrase, is a description (unlike "prisoners freed by Israel", an actor's fate).
    if (next?.norm === 'by' && /(ed|en)$/.test(t.norm) && prev.pos === 'NOUN' && !inMention(prev.i)) {
      let k = c.spotted.head - 1;
      while (k > doc.sentences[c.sentence].from && ['NOUN', 'ADJ', 'DET', 'NUM'].includes(doc.tokens[k].pos)) k--;
      // ... or as the object of another verb ("could not verify the accounts given by residents").
      if (doc.tokens[k].pos === 'ADP' || (doc.tokens[k].pos === 'VERB' && !REPORTING.has(doc.tokens[k].lemma))) { c.dropped = `participle describing "${prev.text}" in a phrase of its own`; continue; }
    }
    // "pardoned 30 people convicted over the protests": a participle after the object of another verb describes it
    // (only a participle with no object of its own: "convicted over", "jailed for", "killed during").
    const noObject = !!next && next.sentence === t.sentence && next.pos === 'ADP' && next.norm !== 'by';
    if (noObject && /(ed|en)$/.test(t.norm) && t.lemma !== t.norm && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && !isPassive(doc, c.spotted.head)) {
      const verb = objectOf(doc, c.spotted.head - 1, doc.sentences[c.sentence].from);
      if (verb >= 0) c.dropped = `participle after "${prev.text}", the object of "${doc.tokens[verb].text}": a description`;
    }
  }
}

/** Whether an auxiliary makes the participle a passive of its own ("were killed"). */
function isPassive(doc: Doc, head: number): boolean {
  const prev = doc.tokens[head - 1];
  return /^(be|is|was|were|are|been|being|has|have|had)$/.test(prev?.norm ?? '');
}

/** The verb whose object phrase ends at `last` ("pardoned [30 people]"), over the phrase's words, or -1. */
function objectOf(doc: Doc, last: number, from: number): number {
  for (let k = last - 1; k >= from && last - k <= 8; k--) {
    const t = doc.tokens[k];
    const next = doc.tokens[k + 1];
    // "supporters of jailed former prime minister Imran Khan": an attributive participle is part of the phrase.
    if (t.pos === 'VERB' && /ed$/.test(t.norm) && next && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN') && ['DET', 'ADP'].includes(doc.tokens[k - 1]?.pos ?? '')) continue;
    // ... and a verb followed by a preposition has no direct object here ("hostages held in Gaza pleaded").
    // (A day between the verb and its object is no preposition of its own: "apologised on Thursday to".)
    const dayAfter = next?.norm === 'on' && WEEKDAYS.has(doc.tokens[k + 2]?.norm ?? '');
    if (t.pos === 'VERB') return REPORTING.has(t.lemma) || t.norm.endsWith('ing') || (next?.pos === 'ADP' && !dayAfter) ? -1 : k;
    // (An appositive's commas too: "pardoned Rico Krieger, a German citizen sentenced to death".)
    if (!['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'ADP', 'PART', 'PRON'].includes(t.pos) && t.text !== ',' || t.norm === 'that' || t.norm === 'who') return -1;
  }
  return -1;
}

/** "strikes that Iraq said killed Iraqi soldiers": after a verb of saying, the participle is the verb. */
const REPORTING = new Set(['say', 'claim', 'allege', 'report', 'believe', 'think', 'confirm', 'deny', 'announce', 'tell', 'suspect', 'fear', 'estimate', 'add']);

/** Verbs whose participle tells how a noun is tied to someone ("backed by", "linked to", "escorted by"). */
export const AFFILIATION: ReadonlySet<string> = new Set(['back', 'base', 'support', 'sponsor', 'fund', 'finance', 'arm', 'train', 'equip', 'link', 'ally', 'affiliate', 'inspire', 'escort', 'guard', 'protect']);

/** Kinds of names whose words are not events: "Amnesty International", "Shanghai Cooperation Organisation". */
const NAME_KINDS = new Set(['org', 'igo', 'group', 'party', 'organ']);

/** A capitalised trigger word inside an organisation's name is part of the name. */
export function dropNameWords(doc: Doc, cands: Candidate[], mentions: readonly { start: number; end: number; kind: string; entityKind: string }[]): void {
  const inName = new Uint8Array(doc.tokens.length);
  for (const m of mentions) if (m.kind === 'named' && NAME_KINDS.has(m.entityKind)) for (let k = Math.max(0, m.start); k < m.end && k < inName.length; k++) inName[k] = 1;
  for (const c of cands) {
    const t = doc.tokens[c.spotted.head];
    if (c.dropped || !inName[t.i] || !/^\p{Lu}/u.test(t.text)) continue;
    c.dropped = `"${t.text}" is part of a name`;
  }
}

const BACKGROUND = [['after'], ['before'], ['since'], ['following'], ['amid'], ['despite'], ['in', 'retaliation', 'for'], ['in', 'response', 'to'], ['in', 'the', 'wake', 'of'], ['revenge', 'for'], ['in', 'revenge', 'for'], ['retaliation', 'for'], ['reprisal', 'for'], ['response', 'to'], ['over']];

/** "two days after the US strike that killed Soleimani", "in retaliation for the killing": a deed named as background, told elsewhere. */
export function dropBackgroundNouns(doc: Doc, cands: Candidate[]): void {
  for (const c of cands) {
    if (c.dropped || c.spotted.verbal || c.reason.endsWith(':noun:adjunct')) continue;
    let k = c.spotted.start - 1;
    while (k >= 0 && doc.tokens[k].sentence === c.sentence && (doc.tokens[k].pos === 'DET' || doc.tokens[k].pos === 'ADJ' || doc.tokens[k].pos === 'PROPN' || doc.tokens[k].pos === 'NUM' || doc.tokens[k].norm === "'s") && c.spotted.start - k <= 4) k--;
    for (const phrase of BACKGROUND) {
      const at = k - phrase.length + 1;
      if (at >= 0 && phrase.every((w, j) => doc.tokens[at + j].norm === w) && doc.tokens[at].sentence === c.sentence) {
        c.dropped = `named as background ("${phrase.join(' ')} ..."), told elsewhere`;
        break;
      }
    }
  }
}

/** "demonstrated ..., calling for independence": demanding by demonstrating is the protest itself (PLOVER). */
export function absorbProtestDemands(doc: Doc, cands: Candidate[]): void {
  for (const a of cands) {
    if (a.type !== 'PROTEST' || a.dropped) continue;
    for (const b of inSentences(cands, a.sentence, a.sentence)) {
      if (b === a || b.dropped || b.spotted.head <= a.spotted.head) continue;
      // "rioted, setting fire to their mattresses": the damage done by the same crowd is part of the riot.
      const sameCrowd = b.actor.length === 0 || (a.actor.length > 0 && b.actor[0].entity.name === a.actor[0].entity.name);
      const riotDamage = b.type === 'ASSAULT' && b.reason.includes('participle') && sameCrowd;
      if (b.type !== 'REQUEST' && b.type !== 'ACCUSE' && b.type !== 'PROTEST' && !riotDamage) continue;
      if (b.type === 'PROTEST' && b.actor.length > 0 && a.actor.length > 0 && b.actor[0].entity.id !== a.actor[0].entity.id) continue;
      if (a.recipient.length === 0 && b.recipient.length) a.recipient = b.recipient;
      b.dropped = `purpose of PROTEST "${a.spotted.trigger.pattern}"`;
    }
  }
}

/** A noun trigger with no actor of its own after another trigger in its sentence is referred to, not reported. */
export function suppressNested(doc: Doc, cands: Candidate[]): void {
  for (const b of cands) {
    // (A meeting named in an adjunct, "during a visit to Ankara", is told here, not referred to.)
    if (b.dropped || b.spotted.verbal || b.reason.includes('light-verb') || b.reason.endsWith(':noun:adjunct')) continue;
    const host = inSentences(cands, b.sentence, b.sentence).find((a) => a !== b && a.spotted.head < b.spotted.head && !a.dropped
      && (b.actor.length === 0 || sameClause(doc, a.spotted.end, b.spotted.start)));
    if (host) b.dropped = `referred to by ${host.type} "${host.spotted.trigger.pattern}"`;
  }
}

function sameClause(doc: Doc, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (BREAKS.has(doc.tokens[i].text) || doc.tokens[i].text === ',') return false;
  return true;
}

const CONTENT_LINKS = new Set(['to', 'for', 'that', 'of', 'with', 'against', 'on']);
const CONTENT_BLOCKERS = new Set(['then', 'by', 'after', 'before', 'following', 'amid', 'despite', 'during', 'because', 'while', 'when', 'since', 'but', 'although', 'though', 'whereas', ';']);

/** Whether the words between an intent trigger and a later trigger make the latter its content ("threatened to withhold"). */
function introducesContent(doc: Doc, from: number, to: number, verbal: boolean): boolean {
  if (to - from > (verbal ? 25 : 8)) return false;
  if (to === from) return true;
  let linked = CONTENT_LINKS.has(doc.tokens[from - 1]?.norm ?? '');
  // "demanded a truce", "proposed an immediate ceasefire": the direct object is the content.
  if (doc.tokens.slice(from, to).every((t) => t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.norm === "'s")) return true;
  for (let i = from; i < to; i++) {
    const w = doc.tokens[i].norm;
    if (CONTENT_BLOCKERS.has(w)) return false;
    if (CONTENT_LINKS.has(w)) linked = true;
  }
  return linked;
}

function clauseEnd(doc: Doc, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    if (BREAKS.has(doc.tokens[i].text)) return i;
    // ", blaming Moscow for an arson attack": a participle clause of its own.
    if (doc.tokens[i].text === ',' && doc.tokens[i + 1]?.pos === 'VERB' && doc.tokens[i + 1].norm.endsWith('ing')) return i;
  }
  return to;
}

/** Nouns a trigger word may modify without naming a deed: "riot police", "attack helicopters", "strike group". */
const MODIFIED = new Set(['police', 'gear', 'squad', 'unit', 'helicopter', 'aircraft', 'jet', 'vehicle', 'shield', 'dog', 'drone', 'boat', 'group', 'team', 'capability', 'capabilities',
  'centre', 'center', 'camp', 'facility', 'agency', 'worker', 'official', 'organisation', 'organization', 'budget', 'sector',
  'exercise', 'drill', 'contingent', 'battalion', 'troop', 'duty', 'readiness', 'zone', 'role', 'training', 'experience',
  'tank', 'ship', 'plan', 'cry']);

/** A noun trigger used as a modifier of another noun names a kind of thing, not a deed. */
export function dropNounModifiers(doc: Doc, cands: Candidate[]): void {
  for (const c of cands) {
    const next = doc.tokens[c.spotted.end];
    if (c.dropped || c.spotted.verbal || !next || next.sentence !== c.sentence) continue;
    // ("attacks on ships": after a pattern's own preposition comes its object, not a modified noun.)
    if (doc.tokens[c.spotted.end - 1].pos === 'ADP') continue;
    if (next.pos === 'NOUN' && MODIFIED.has(next.lemma)) c.dropped = `modifies "${next.text}": a kind of thing, not a deed`;
  }
}
