// Stage 4, modality: what was not reported as having happened (negated, future, hypothetical).
import { MONTHS, WEEKDAYS } from '../text/normalize.js';
import type { Sentence, Token } from '../types.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const NEG_VERBS = new Set(['deny', 'fail', 'refrain', 'avoid', 'stop']);
const FUTURE = new Set(['will', "'ll", 'shall']);
const MODALS = new Set(['could', 'might', 'may', 'would', 'should', 'must', 'can', 'ought']);
const HYPO_SCOPE = new Set(['if', 'whether', 'unless', 'lest']);
const HYPO_NOUNS = new Set(['likelihood', 'possibility', 'chance', 'risk', 'prospect', 'threat', 'danger', 'fear', 'question', 'option', 'plan', 'idea']);
const WANT_VERBS = new Set(['want', 'wish', 'hope', 'seek', 'aim', 'try', 'attempt', 'consider', 'expect', 'believe', 'think', 'fear', 'suspect', 'need', 'propose', 'help', 'deter', 'prevent']);
/** Commitments: "decided to allow", "plans to withdraw" are announced, not hypothetical. */
const COMMIT_VERBS = new Set(['decide', 'plan', 'intend', 'pledge', 'vow', 'promise', 'prepare', 'agree', 'offer', 'undertake', 'resolve', 'commit']);
/** Verbs whose to-complement did happen: "managed to strike", "went on to kill". */
const IMPLICATIVE = new Set(['manage', 'begin', 'start', 'continue', 'go', 'proceed', 'resume', 'dare', 'get', 'come',
  // causatives whose object did it: "prompting thousands of his supporters to rally", "forced them to flee"
  'prompt', 'force', 'spark', 'cause', 'compel', 'drive', 'lead', 'trigger', 'push',
  // a vote to do something decides it: "voted to ratify Sweden's bid"
  'vote']);
const FUTURE_ADJ = new Set(['future', 'possible', 'potential', 'planned', 'proposed', 'alleged', 'feared', 'imminent', 'retaliatory']);
/** "ready to send troops": an offer, coded as intent. */
const WILLING = new Set(['willing', 'ready', 'prepared', 'committed', 'determined', 'eager', 'poised', 'set']);
const CLAUSE_BREAK = new Set([';', ':', '.', '?', '!']);
/** Verbs whose object is a deed that has not happened: "fear reprisals", "avert a war", "risk arrest". */
const IRREALIS_OBJECT = new Set(['fear', 'risk', 'avoid', 'avert', 'prevent', 'deter', 'forestall', 'dread']);
/** ... and verbs whose object is a prospect in the present only: "they face arrest", but "troops faced shelling". */
const PROSPECT_OBJECT = new Set(['face', 'confront']);
/** Words a noun's left edge may pass over on the way to its verb ("face imprisonment, homelessness and persecution"). */
const NOUN_LIST = new Set(['DET', 'ADJ', 'NOUN', 'NUM', 'CCONJ', 'PUNCT', 'PRON']);

export interface Modality {
  context: string[];
  cues: string[];
}

/** Tags for the trigger at token `head`: `modalityOf(tokens, sentence, head, isNoun)`. */
export function modalityOf(tokens: readonly Token[], s: Sentence, head: number, nominal: boolean, depth = 0): Modality {
  const context = new Set<string>();
  const cues: string[] = [];
  const tag = (c: string, cue: string): void => { context.add(c); cues.push(`${c}:${cue}`); };
  // Scope markers anywhere earlier in the sentence ("whether the US will decide ... an attack").
  for (let i = s.from; i < head; i++) {
    const t = tokens[i];
    if (CLAUSE_BREAK.has(t.text)) continue;
    if (HYPO_SCOPE.has(t.norm)) tag('hypothetical', t.norm);
    // ", provided the talks were held on Malian soil": a condition.
    if ((t.norm === 'provided' || t.norm === 'providing') && (tokens[i - 1]?.text === ',' || tokens[i + 1]?.norm === 'that') && (tokens[i + 1]?.pos === 'DET' || tokens[i + 1]?.norm === 'that' || tokens[i + 1]?.pos === 'PRON')) tag('hypothetical', t.norm);
    if (HYPO_NOUNS.has(t.lemma) && t.pos === 'NOUN' && tokens[i + 1] && (tokens[i + 1].norm === 'that' || tokens[i + 1].norm === 'of') && head - i < 12) tag('hypothetical', t.norm);
  }
  const window = tokens.slice(Math.max(s.from, head - 5), head);
  for (let k = 0; k < window.length; k++) {
    const t = window[k];
    const dist = window.length - k;
    // ("without delay", "without fail": no negation.)
    if (NEGATORS.has(t.norm) && dist <= 4 && !(t.norm === 'no' && nominal && dist > 2) && !(t.norm === 'without' && /^(delay|fail|exception|doubt|preconditions?)$/.test(window[k + 1]?.norm ?? ''))) tag('negation', t.norm);
    if (NEG_VERBS.has(t.lemma) && t.pos === 'VERB' && dist <= 3) tag('negation', t.norm);
    if (FUTURE.has(t.norm) && dist <= 4) tag('future', t.norm);
    // In reported speech "would" is the future seen from the past: "said it would impose a curfew".
    if (t.norm === 'would' && dist <= 3 && reported(tokens, s, head - dist)) tag('future', 'would (reported)');
    else if (MODALS.has(t.norm) && dist <= 3) tag('hypothetical', t.norm);
    if (t.norm === 'going' && window[k + 1]?.norm === 'to') tag('future', 'going to');
    if ((WILLING.has(t.norm) || (COMMIT_VERBS.has(t.lemma) && t.pos === 'VERB')) && window[k + 1]?.norm === 'to' && dist <= 3) tag('future', t.norm);
    if (WANT_VERBS.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'NOUN') && dist <= 4 && window.slice(k + 1).some((x) => x.norm === 'to')) tag('hypothetical', t.norm);
  }
  if (!nominal && inBackgroundRelative(tokens, s, head)) tag('historical', 'relative clause in the pluperfect');
  // "Monday marks ten years since IS fighters overran Mosul", "the anniversary of the attack": a deed remembered.
  for (let i = Math.max(s.from, head - 10); i < head; i++) {
    const w = tokens[i].norm;
    if ((w === 'since' && /^(years?|months?|decades?)$/.test(tokens[i - 1]?.norm ?? '')) || (w === 'anniversary' && tokens[i + 1]?.norm === 'of')) tag('historical', `${tokens[i - 1]?.norm ?? ''} ${w}`);
  }
  // "saw no sign that Russia was preparing to mass troops".
  for (let i = Math.max(s.from, head - 14); i < head - 2; i++) {
    if (tokens[i].norm === 'no' && NO_EVIDENCE.has(tokens[i + 1].lemma) && /^(that|of)$/.test(tokens[i + 2].norm)) tag('negation', `no ${tokens[i + 1].norm}`);
  }
  // "Should Brazil's Supreme Court convict him, ...": an inverted condition.
  const first = tokens[s.from];
  if (/^(should|were|had)$/.test(first.norm) && first.pos === 'AUX' && !tokens.slice(s.from, head).some((t) => t.text === ',')) tag('hypothetical', `${first.norm} (inverted condition)`);
  // "No date has been set for any meeting": "any" under an earlier negation.
  if (nominal && tokens[head - 1]?.norm === 'any') {
    for (let i = head - 2; i >= s.from && head - i <= 12; i--) {
      if (CLAUSE_BREAK.has(tokens[i].text) || tokens[i].text === ',') break;
      if (NEGATORS.has(tokens[i].norm)) { tag('negation', `${tokens[i].norm} ... any`); break; }
    }
  }
  // "A full Chinese blockade of Taiwan would choke off ...": an event noun as the subject of a modal.
  if (nominal) {
    const modal = modalAfterSubject(tokens, s, head);
    if (modal) tag(FUTURE.has(modal) ? 'future' : 'hypothetical', `subject of ${modal}`);
  }
  const denial = deniedClause(tokens, s, head);
  if (denial) tag('negation', denial);
  const prev = tokens[head - 1];
  // "to be deployed", "to have attacked": an infinitive behind an auxiliary.
  const toAt = prev && /^(be|have|been)$/.test(prev.norm) && tokens[head - 2]?.norm === 'to' ? head - 2 : head - 1;
  let toTok = tokens[toAt];
  // "to help defend": a bare infinitive after help/make/let shares the "to".
  if (prev && /^(help|make|let)$/.test(prev.lemma) && tokens[head - 2]?.norm === 'to') toTok = tokens[head - 2];
  if (toTok && toTok.norm === 'to' && !nominal && toAt >= s.from) {
    const gov = governingVerb(tokens, s, toAt);
    const before = tokens[toAt - 1];
    const committed = (before && WILLING.has(before.norm)) || (gov && COMMIT_VERBS.has(gov.lemma));
    if (committed) tag('future', 'committed to');
    else if (!gov || !IMPLICATIVE.has(gov.lemma)) tag('hypothetical', 'to-infinitive');
  }
  if (nominal) {
    const verb = verbOfObject(tokens, s, head);
    const past = !!verb && verb.norm !== verb.lemma && verb.norm.endsWith('ed');
    if (verb && (IRREALIS_OBJECT.has(verb.lemma) || (PROSPECT_OBJECT.has(verb.lemma) && !past))) tag('hypothetical', `object of ${verb.norm}`);
    // "could roll over $2 billion in loans", "would launch a ground incursion": the object of a verb
    // shares the verb's modality.
    if (verb && depth < 2) {
      for (const c of modalityOf(tokens, s, verb.i, false, depth + 1).context) if (INHERITED.has(c)) tag(c, `object of ${verb.norm}`);
    }
  }
  // "capable of launching cyber warfare": a capacity, not a deed.
  for (let i = Math.max(s.from, head - 6); i < head - 1; i++) if (tokens[i].norm === 'capable' && tokens[i + 1].norm === 'of') tag('hypothetical', 'capable of');
  if (nominal && prev && FUTURE_ADJ.has(prev.norm)) tag(prev.norm === 'alleged' ? 'claimed' : 'future', prev.norm);
  if (nominal) {
    const twoBack = tokens[head - 2];
    if (twoBack && FUTURE_ADJ.has(twoBack.norm) && head - 2 >= s.from) tag('future', twoBack.norm);
  }
  return { context: [...context], cues };
}

const SUBJECT_MODALS = new Set(['could', 'might', 'may', 'would', 'will']);
const PROSPECTIVE = new Set(['unlikely', 'likely', 'possible', 'expected', 'imminent', 'planned', 'probable', 'feared']);

/** The modal of the clause whose subject phrase the noun at `head` heads, if the phrase runs into one. */
function modalAfterSubject(tokens: readonly Token[], s: Sentence, head: number): string | null {
  // Only a phrase that opens the sentence or a clause is a subject ("Analysts say a blockade would ...").
  let k = head - 1;
  while (k >= s.from && ['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'PART'].includes(tokens[k].pos)) k--;
  const opener = k < s.from || /^[,;:]$/.test(tokens[k].text) || tokens[k].pos === 'SCONJ' || (tokens[k].pos === 'VERB' && (SAY.has(tokens[k].lemma) || WANT_VERBS.has(tokens[k].lemma)));
  if (!opener) return null;
  for (let i = head + 1; i < s.to && i - head <= 10; i++) {
    const t = tokens[i];
    if (SUBJECT_MODALS.has(t.norm)) return t.norm;
    // "a fresh Turkish ground incursion into northern Syria was unlikely before spring".
    if (/^(is|was|are|were|remains|remained|seems|seemed|looks|looked)$/.test(t.norm) && PROSPECTIVE.has(tokens[i + 1]?.norm ?? '')) return tokens[i + 1].norm;
    if (!['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART', 'CCONJ'].includes(t.pos)) return null;
  }
  return null;
}

const INHERITED = new Set(['negation', 'future', 'hypothetical']);
const NO_EVIDENCE = new Set(['sign', 'evidence', 'indication', 'proof', 'suggestion']);
const DENY = new Set(['deny', 'dismiss', 'refute']);
/** Conjunctions that open a clause outside a denial's scope ("denied it, but witnesses said ..."). */
const SCOPE_END = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet']);

/**
 * "denied on Sunday that its forces had received drones", "denied shelling the village": the deed
 * a party denies is not reported as having happened.
 */
function deniedClause(tokens: readonly Token[], s: Sentence, head: number): string | null {
  for (let i = head - 1; i >= s.from && head - i <= 20; i--) {
    const t = tokens[i];
    if (CLAUSE_BREAK.has(t.text) || SCOPE_END.has(t.norm)) return null;
    // ", and a diplomat called ...": a second clause.
    if ((t.norm === 'and' || t.norm === 'or') && tokens[i - 1]?.text === ',') return null;
    if (!DENY.has(t.lemma) || t.pos !== 'VERB') continue;
    // Its complement: a that-clause opening within a few words, or a gerund right after it.
    for (let k = i + 1; k < head && k - i <= 5; k++) if (tokens[k].norm === 'that') return `${t.norm} that`;
    if (head - i <= 2 && tokens[head].norm.endsWith('ing')) return `${t.norm} ...ing`;
    return null;
  }
  return null;
}

/** The verb whose object list a noun at `head` stands in, if one is near (over determiners, adjectives, list commas). */
export function verbOfObject(tokens: readonly Token[], s: Sentence, head: number): Token | null {
  for (let i = head - 1; i >= s.from && head - i <= 6; i--) {
    const t = tokens[i];
    if (t.pos === 'VERB') return t;
    if (!NOUN_LIST.has(t.pos) || (t.pos === 'PUNCT' && t.text !== ',')) return null;
  }
  return null;
}

const RELATIVE_WORDS = new Set(['where', 'when', 'who', 'whom', 'which', 'whose']);

/** "whom they had taken hostage", "where 24 people had been killed": background told in a relative clause. */
function inBackgroundRelative(tokens: readonly Token[], s: Sentence, head: number): boolean {
  let pluperfect = false, comma = false;
  for (let i = head - 1; i >= s.from && head - i <= 8; i--) {
    const w = tokens[i].norm;
    if (w === 'had') pluperfect = true;
    if (w === ',') comma = true;
    // "after weeks of protests in which hundreds were killed": a relative clause on a background phrase.
    if (RELATIVE_WORDS.has(w)) return pluperfect || /^(ago|earlier)$/.test(tokens[head + 1]?.norm ?? '') || backgroundPhraseBefore(tokens, s, i) || datedBefore(tokens, s, head);
    // "the first since the military seized power in 2021": a since-clause tells the past.
    // (Not "since Tuesday": a date, not a clause.)
    if (w === 'since' && !comma && tokens[i].pos === 'SCONJ' && !startsDate(tokens[i + 1]?.norm ?? '')) return true;
    if (CLAUSE_BREAK.has(tokens[i].text)) return false;
  }
  return false;
}

/** "who seized power in Niamey in July", "who were killed by soldiers in the mid-2000s": a past date in the clause. */
function datedBefore(tokens: readonly Token[], s: Sentence, head: number): boolean {
  for (let i = head + 1; i < s.to && i - head <= 8; i++) {
    const t = tokens[i];
    if (CLAUSE_BREAK.has(t.text) || t.text === ',') return false;
    const next = tokens[i + 1]?.norm ?? '';
    if (t.norm === 'in' && (MONTHS.has(next) || /^(19|20)\d\d$/.test(next) || (next === 'the' && /^(mid-|early|late|\d)/.test(tokens[i + 2]?.norm ?? '')))) return true;
    if (t.norm === 'last' && /^(year|month|week)$/.test(tokens[i + 1]?.norm ?? '')) return true;
  }
  return false;
}

/** "since Tuesday", "since March", "since 2015", "since then": a date, not a clause. */
function startsDate(w: string): boolean {
  return WEEKDAYS.has(w) || MONTHS.has(w) || /^\d+$/.test(w) || w === 'then' || w === 'last' || w === 'early' || w === 'late';
}

/** Whether "after", "following", "since" or "amid" opens the phrase a relative word at `rel` hangs on. */
function backgroundPhraseBefore(tokens: readonly Token[], s: Sentence, rel: number): boolean {
  for (let i = rel - 1; i >= s.from && rel - i <= 7; i--) {
    if (/^(after|following|since|amid)$/.test(tokens[i].norm)) return true;
    if (CLAUSE_BREAK.has(tokens[i].text) || tokens[i].text === ',' || tokens[i].pos === 'VERB') return false;
  }
  return false;
}

const SAY = new Set(['say', 'announce', 'tell', 'state', 'declare', 'warn', 'vow', 'insist', 'add', 'confirm', 'pledge', 'promise', 'threaten']);

function reported(tokens: readonly Token[], s: Sentence, at: number): boolean {
  for (let i = s.from; i < at; i++) if (tokens[i].pos === 'VERB' && SAY.has(tokens[i].lemma)) return true;
  return false;
}

function governingVerb(tokens: readonly Token[], s: Sentence, toIndex: number): Token | null {
  for (let i = toIndex - 1; i >= s.from && toIndex - i <= 3; i--) {
    if (tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') return tokens[i];
  }
  // A causative with a longer object between ("prompting thousands of his supporters to rally").
  for (let i = toIndex - 4; i >= s.from && toIndex - i <= 8; i--) {
    const t = tokens[i];
    if (t.pos === 'VERB') return IMPLICATIVE.has(t.lemma) ? t : null;
    if (!['NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'ADP', 'PRON', 'PART'].includes(t.pos)) return null;
  }
  return null;
}

/** Whether the tags leave the event reported as having happened. */
export function isFactual(context: readonly string[]): boolean {
  return !context.some((c) => c === 'negation' || c === 'future' || c === 'hypothetical' || c === 'historical');
}
