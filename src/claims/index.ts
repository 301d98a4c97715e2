// Stage 9, claims: who said what. Direct quotes and indirect speech are attributed to their speakers;
// claims of responsibility and of tolls are tied to the event they are about, and an event whose toll
// two speakers give differently is marked contested, with the lower figure as its toll.
import { createHash } from 'node:crypto';
import type { Mention } from '../actors/index.js';
import { indexMentions, isSpeechVerb, objectRightOf, subjectLeftOf, type MentionIndex } from '../events/scan.js';
import { readNumber } from '../quantities/numbers.js';
import type { CasusEvent, Doc, Entity } from '../types.js';
import { findQuotes, type QuoteSpan } from './quotes.js';

export interface Claim {
  id: string;
  speaker: Entity | null;
  kind: 'attribution' | 'toll' | 'statement';
  /** the event the claim is about, when it is about one */
  about: string | null;
  text: string;
  /** a direct quotation (true) or reported speech (false) */
  quote: boolean;
  evidence: { sentence: number; start: number; end: number };
  /** the number of dead the claim gives, for toll claims */
  killed?: number | null;
}

const ATTRIBUTION = /\b(blam\w*|responsib\w*|claim\w*\s+(the\s+)?(attack|bombing|strike|killing|assault|raid|responsibility)|(was|were) behind|carried out by|perpetrat\w*)\b/i;
const DEATH = /\b(kill\w*|dead|death\w*|died|fatalit\w*|casualt\w*|wound\w*|injur\w*)\b/i;
const INTRO = new Set(['describe', 'write', 'report', 'say', 'explain', 'note', 'put', 'tell', 'add', 'warn', 'state', 'declare']);

/** Find the claims of a coded article and let them speak for their events. */
export function findClaims(doc: Doc, mentions: Mention[], events: CasusEvent[], articleId: string): { claims: Claim[]; events: CasusEvent[] } {
  const ix = indexMentions(doc.tokens, mentions.filter((m) => m.kind !== 'pronoun' || m.entity.country || m.entity.id), new Set(), new Set());
  const claims: Claim[] = [];
  const speakerOfSentence = new Map<number, Mention | null>();
  for (const s of doc.sentences) {
    const reported = reportedSpeech(ix, doc, s.index);
    if (reported) {
      speakerOfSentence.set(s.index, reported.speaker);
      claims.push(makeClaim(doc, articleId, reported.speaker, reported.from, reported.to, s.index, false));
    }
  }
  let previous: { q: QuoteSpan; speaker: Mention | null } | null = null;
  for (const q of findQuotes(doc)) {
    // Paragraph after paragraph of one quotation (each reopening with a mark) keeps its speaker.
    const continues: boolean = !!previous && /^[\s"“”‘’']*$/.test(doc.text.slice(doc.tokens[previous!.q.to - 1].end, doc.tokens[q.from].start));
    const carried: Mention | null = continues && previous ? previous.speaker : null;
    const speaker: Mention | null = carried ?? quoteSpeaker(ix, doc, q, speakerOfSentence);
    previous = { q, speaker };
    const words = doc.tokens.slice(q.from, q.to);
    // A quoted phrase with no speaker ("the US killed “three soldiers”") is emphasis, not a claim.
    if (!speaker && (words.length < 6 || !words.some((w) => w.pos === 'VERB' || w.pos === 'AUX'))) continue;
    claims.push(makeClaim(doc, articleId, speaker, q.from, q.to, q.sentences[0], true));
    for (const inner of innerQuotes(doc, q)) {
      const innerSpeaker = speakerOfSentence.get(inner.sentences[0] - 1) ?? speaker;
      if (innerSpeaker) speakerOfSentence.set(inner.sentences[0], innerSpeaker);
      claims.push(makeClaim(doc, articleId, innerSpeaker, inner.from, inner.to, inner.sentences[0], true));
    }
  }
  claims.sort((a, b) => a.evidence.start - b.evidence.start);
  for (const c of claims) c.about = aboutEvent(c, events);
  return { claims, events: attributeByBlame(speakForQuotes(events, doc, speakerOfSentence, claims), claims) };
}

/** "X said (that) ...", "..., X said", "according to X, ...": the speaker and the reported span. */
function reportedSpeech(ix: MentionIndex, doc: Doc, si: number): { speaker: Mention; from: number; to: number } | null {
  const s = doc.sentences[si];
  const t = doc.tokens;
  for (let k = s.from; k < s.to - 1; k++) {
    if (t[k].norm === 'according' && t[k + 1].norm === 'to') {
      const [who] = objectRightOf(ix, s, k + 2, () => false, 8);
      if (who) return { speaker: who, from: k < s.from + 2 ? who.end + 1 : s.from, to: k < s.from + 2 ? s.to : k };
    }
  }
  for (let k = s.from; k < s.to; k++) {
    if (!isSpeechVerb(t[k]) || ['believe', 'think', 'fear', 'suspect', 'deny'].includes(t[k].lemma)) continue;
    let before = subjectLeftOf(ix, s, k);
    // "..., including the United States and Britain, officials said": the speaker is the phrase after the comma.
    const last = before[before.length - 1];
    if (before.length > 1 && t[last.start - 1]?.norm === ',') before = [last];
    if (before.length) {
      // "X said (on Friday) that ...": the complement; ", X said." at the end: what came before.
      const tail = k + 1 >= s.to - 1;
      if (tail || t[before[0].start - 1]?.norm === ',') return { speaker: before[0], from: s.from, to: Math.max(s.from, before[0].start - 1) };
      let from = k + 1;
      while (from < s.to && (t[from].norm === 'that' || t[from].pos === 'ADP' || t[from].pos === 'PROPN' && /day$/i.test(t[from].text) || t[from].norm === ',')) from++;
      // '"...," the minister said on Sunday.': nothing reported after the verb; the quotation is the claim.
      if (!t.slice(from, s.to).some((x) => ['VERB', 'NOUN', 'PROPN', 'PRON', 'ADJ'].includes(x.pos))) return null;
      return { speaker: before[0], from, to: s.to };
    }
    const after = ix.byStart.get(k + 1) ?? ix.byStart.get(k + 2);
    if (after && t[k - 1]?.norm === ',') return { speaker: after, from: s.from, to: k - 1 };
  }
  return null;
}

/** Whole sentences quoted inside a quotation (‘It will have consequences.’): the last speaker's words. */
function innerQuotes(doc: Doc, q: QuoteSpan): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const si of q.sentences) {
    const s = doc.sentences[si];
    const first = doc.tokens[s.from], last = doc.tokens[s.to - 1];
    if ((first.text === '‘' || first.text === "'") && s.from >= q.from - 1 && (last.text === '’' || last.text === "'" || doc.tokens[s.to - 2]?.text === '’')) {
      out.push({ from: s.from + 1, to: last.text === '’' || last.text === "'" ? s.to - 1 : s.to - 2, sentences: [si] });
    }
  }
  return out;
}

/** The speaker of a quotation: attributed in its own sentence, introduced by the sentence before, or carried on. */
function quoteSpeaker(ix: MentionIndex, doc: Doc, q: QuoteSpan, known: Map<number, Mention | null>): Mention | null {
  const t = doc.tokens;
  const first = q.sentences[0];
  // Within its sentences, outside the quote: "X said: '...'" or "'... . ...,' X said."
  for (const si of q.sentences) {
    const found = attributedIn(ix, doc, q, si);
    if (found) return found;
  }
  const prev = doc.sentences[first - 1];
  // "The Irish Times describes the tension:" followed by the quote.
  if (prev && /:\s*$/.test(prev.text)) {
    for (let k = prev.from; k < prev.to; k++) {
      if (t[k].pos === 'VERB' && INTRO.has(t[k].lemma)) {
        const subj = subjectLeftOf(ix, prev, k);
        if (subj.length) return subj[0];
      }
    }
  }
  return known.get(first) ?? known.get(first - 1) ?? null;
}

function attributedIn(ix: MentionIndex, doc: Doc, q: QuoteSpan, si: number): Mention | null {
  const t = doc.tokens;
  const s = doc.sentences[si];
  for (let k = s.from; k < s.to; k++) {
    if (k >= q.from - 1 && k <= q.to) continue;
    if (isSpeechVerb(t[k]) || (t[k].pos === 'VERB' && INTRO.has(t[k].lemma) && t[q.from - 2]?.text === ':')) {
      const subj = subjectLeftOf(ix, s, k);
      if (subj.length && (subj[0].end <= q.from - 1 || subj[0].start > q.to)) return subj[0];
      const after = ix.byStart.get(k + 1);
      if (after) return after;
    }
  }
  return null;
}

function makeClaim(doc: Doc, articleId: string, speaker: Mention | null, from: number, to: number, sentence: number, quote: boolean): Claim {
  const t = doc.tokens;
  const a = t[Math.min(from, t.length - 1)], b = t[Math.max(from, to - 1)];
  const text = doc.text.slice(a.start, b.end);
  const killed = DEATH.test(text) ? tollIn(doc, from, to) : null;
  const kind: Claim['kind'] = ATTRIBUTION.test(text) ? 'attribution' : killed !== null ? 'toll' : 'statement';
  const id = createHash('sha1').update(`${articleId}\u0000claim\u0000${a.start}`).digest('hex').slice(0, 16);
  return {
    id, speaker: speaker ? { ...speaker.entity } : null, kind, about: null, text, quote,
    evidence: { sentence, start: a.start, end: b.end }, ...(kind === 'toll' ? { killed } : {}),
  };
}

/** The number of dead a span reports ("no militiamen had been killed" is 0). */
function tollIn(doc: Doc, from: number, to: number): number | null {
  const t = doc.tokens;
  for (let k = from; k < to; k++) {
    if (!DEATH.test(t[k].text)) continue;
    for (let j = Math.max(from, k - 6); j < Math.min(to, k + 6); j++) {
      if (t[j].norm === 'no' || t[j].norm === 'none') return 0;
      const n = readNumber(t, j, to);
      if (n && n.value >= 1 && (t[j].pos === 'NUM' || n.vague || /^[a-z]+$/.test(t[j].norm) && n.value > 1)) return n.value;
    }
  }
  return null;
}

/** The event a claim is about: one told in its sentence, else for tolls and blame the latest deed before it. */
function aboutEvent(c: Claim, events: CasusEvent[]): string | null {
  const here = events.filter((e) => e.evidence.sentence === c.evidence.sentence);
  const deed = here.find((e) => e.type === 'ASSAULT' || e.type === 'COERCE');
  if (c.kind !== 'statement') {
    if (deed) return deed.id;
    const before = events.filter((e) => (e.type === 'ASSAULT' || e.type === 'COERCE') && e.evidence.sentence < c.evidence.sentence);
    if (before.length) return before[before.length - 1].id;
  }
  return here[0]?.id ?? null;
}

const ARMED = new Set(['REB', 'UAF', 'MIL']);

/**
 * An attack whose perpetrator the article does not name, but whose blame it reports ("US officials
 * blamed the attacks on Iran-backed militias"), takes the blamed party as actor, tagged `claimed`.
 */
function attributeByBlame(events: CasusEvent[], claims: Claim[]): CasusEvent[] {
  const blame = events.find((e) => e.type === 'ACCUSE' && e.recipient.some((r) => r.sectors.some((x) => ARMED.has(x)))
    && (/blam|responsib|behind/i.test(e.evidence.trigger) || claims.some((c) => c.kind === 'attribution' && c.evidence.sentence === e.evidence.sentence)));
  if (!blame) return events;
  const blamed = blame.recipient.filter((r) => r.sectors.some((x) => ARMED.has(x)));
  return events.map((e) => (e.type === 'ASSAULT' && e.actor.length === 0 && e.evidence.sentence < blame.evidence.sentence + 3
    ? { ...e, actor: blamed, context: [...e.context, 'claimed'], reason: `${e.reason}+attributed-by-blame` }
    : e));
}

/**
 * Events told inside a quotation with no actor of their own ("'We will respond'") are the speaker's;
 * an event two toll claims disagree about is contested and keeps the lower figure (ACLED's rule).
 */
function speakForQuotes(events: CasusEvent[], doc: Doc, speakers: Map<number, Mention | null>, claims: Claim[]): CasusEvent[] {
  const tollsOf = new Map<string, number[]>();
  for (const c of claims) {
    if (c.about === null || c.kind !== 'toll' || typeof c.killed !== 'number') continue;
    const list = tollsOf.get(c.about);
    if (list) list.push(c.killed); else tollsOf.set(c.about, [c.killed]);
  }
  return events.map((e) => {
    let out = e;
    const sp = speakers.get(e.evidence.sentence);
    if (e.actor.length === 0 && sp && doc.sentences[e.evidence.sentence].quoted) {
      out = { ...out, actor: [{ ...sp.entity }], reason: `${e.reason}+speaker` };
    }
    const tolls = tollsOf.get(e.id) ?? [];
    if (new Set(tolls).size > 1) {
      out = { ...out, contested: true, fatalities: { ...out.fatalities, killed: Math.min(...tolls) } };
    }
    return out;
  });
}
