// Finding a trigger's arguments without a parser: scans left for the subject and right for the object,
// stepping over appositives and relative clauses.
import type { Mention } from '../actors/index.js';
import type { Sentence, Token } from '../types.js';

export const RELATIVE = new Set(['which', 'who', 'whom', 'whose']);
/** A subject is never inside a quotation that closes before its verb. */
const STOP_LEFT = new Set([';', ':', '(', ')', '—', '–', '”', '»']);
const CLAUSE_OPENERS = new Set(['because', 'after', 'before', 'although', 'though', 'while', 'whereas', 'if', 'whether', 'unless', 'since', 'until', 'when', 'once', 'as']);
const STOP_RIGHT = new Set([';', ':', '(', ')', '—', '?', '!']);
const SPEECH = new Set(['say', 'tell', 'state', 'announce', 'claim', 'add', 'report', 'insist', 'declare', 'stress', 'note', 'tweet', 'write', 'confirm', 'allege', 'assert', 'argue', 'explain', 'believe', 'think', 'fear', 'suspect', 'deny']);

export interface MentionIndex {
  tokens: readonly Token[];
  /** mentions by token index of their last token */
  byEnd: Map<number, Mention>;
  byStart: Map<number, Mention>;
  /** token indices that are event triggers (their heads), so premodifiers of them read as event actors */
  triggerHeads: Set<number>;
  /** every token index inside a trigger match */
  triggerTokens: Set<number>;
}

export function indexMentions(tokens: readonly Token[], mentions: readonly Mention[], triggerHeads: Set<number>, triggerTokens: Set<number>): MentionIndex {
  const byEnd = new Map<number, Mention>(), byStart = new Map<number, Mention>();
  for (const m of mentions) { byEnd.set(m.end - 1, m); byStart.set(m.start, m); }
  return { tokens, byEnd, byStart, triggerHeads, triggerTokens };
}

export function isSpeechVerb(t: Token): boolean {
  return t.pos === 'VERB' && SPEECH.has(t.lemma);
}

/** The coordinated group ("the US and Britain", "Hungarian and Romanian officials") ending with m. */
export function groupEndingAt(ix: MentionIndex, m: Mention, from: number): Mention[] {
  const group = [m];
  let cur = m;
  for (;;) {
    let k = cur.start - 1;
    // "Britain, the European Commission, Canada": a determiner may open a list member.
    if (k >= from && ix.tokens[k].pos === 'DET') k--;
    if (k < from) break;
    const w = ix.tokens[k].norm;
    if (w !== 'and' && w !== ',' && w !== 'or' && w !== '&') break;
    k--;
    if (k >= from && ix.tokens[k].norm === ',') k--;
    const prev = ix.byEnd.get(k);
    if (!prev || prev.modifies >= 0) break;
    group.unshift(prev);
    cur = prev;
  }
  return group;
}

/** The coordinated group starting with m, rightwards. */
export function groupStartingAt(ix: MentionIndex, m: Mention, to: number): Mention[] {
  const group = [m];
  let cur = m;
  for (;;) {
    let k = cur.modifies >= 0 ? cur.modifies + 1 : cur.end;
    if (k >= to) break;
    const w = ix.tokens[k].norm;
    if (w !== 'and' && w !== ',' && w !== 'or' && w !== '&') break;
    k++;
    const afterComma = w === ',';
    if (k < to && (ix.tokens[k].norm === 'and' || ix.tokens[k].norm === 'or')) k++;
    // ", the commander of Iran's Quds Force" is an appositive, not another party.
    else if (afterComma && k < to && ix.tokens[k].pos === 'DET') break;
    if (k < to && ix.tokens[k].pos === 'DET') k++;
    const next = ix.byStart.get(k);
    if (!next) break;
    group.push(next);
    cur = next;
  }
  return group;
}

const LOCATIVE = new Set(['in', 'inside', 'at', 'near']);

/**
 * The subject left of token v: the nearest actor mention in v's clause, skipping comma-enclosed
 * appositives and relative clauses ("The United States, which believes ..., has conducted").
 */
export function subjectLeftOf(ix: MentionIndex, s: Sentence, v: number): Mention[] {
  const t = ix.tokens;
  // "North Korea test-fired": a verb mistagged as a noun leaves its subject premodifying it.
  const own = ix.byEnd.get(v);
  if (own && own.modifies >= v && own.start < v) return [own];
  for (let i = v - 1; i >= s.from; i--) {
    const tok = t[i];
    if (tok.text === ')') { i = matchingOpen(t, s, i); continue; }
    if (STOP_LEFT.has(tok.text)) return [];
    const m = ix.byEnd.get(i);
    if (m) {
      const group = groupEndingAt(ix, m, s.from);
      // "Palestinian prisoners in Israeli jails launched": the place's owner is not the subject, the noun before it is.
      let p = Math.min(...group.map((x) => x.start)) - 1;
      while (p > s.from && t[p].pos === 'DET') p--;
      const head = p > s.from && LOCATIVE.has(t[p].norm) ? ix.byEnd.get(p - 1) : undefined;
      return head && head.kind !== 'pronoun' ? groupEndingAt(ix, head, s.from) : group;
    }
    if (tok.text === ',') {
      const open = parentheticalStart(t, s, i);
      if (open >= 0) {
        const before = ix.byEnd.get(open - 1);
        const inner = firstNamedIn(ix, open + 1, i);
        if (!before && inner && /^(including|among|such|notably|led)$/.test(t[open + 1].norm)) return [inner];
        // "Iraq's caretaker prime minister, Adel Abdul Mahdi, condemned": the name is the more specific actor.
        if (before && before.kind === 'role' && inner && inner.entityKind === 'person' && open + 1 === inner.start) return [inner];
        i = open;
        continue;
      }
    }
    if (CLAUSE_OPENERS.has(tok.norm) && tok.pos === 'SCONJ') return [];
    if (tok.norm === 'that' && tok.pos === 'SCONJ') return [];
    if (isSpeechVerb(tok) && i < v - 1) return [];
  }
  return [];
}

function firstNamedIn(ix: MentionIndex, a: number, b: number): Mention | null {
  for (let k = a; k < b; k++) {
    const m = ix.byStart.get(k);
    if (m && (m.kind === 'named' || m.kind === 'unknown')) return m;
  }
  return null;
}

/** If the comma at i closes a parenthetical (relative clause or verbless appositive), the index of its opening comma. */
function parentheticalStart(t: readonly Token[], s: Sentence, i: number): number {
  for (let j = i - 1; j >= s.from && i - j < 30; j--) {
    if (t[j].text === ',') {
      const first = t[j + 1];
      if (!first) return -1;
      if (RELATIVE.has(first.norm)) return j;
      const seg = t.slice(j + 1, i);
      const hasVerb = seg.some((x) => x.pos === 'VERB' && !/^(including|led|based|backed)$/.test(x.norm));
      return hasVerb ? -1 : j;
    }
    if (STOP_LEFT.has(t[j].text)) return -1;
  }
  return -1;
}

/**
 * The first actor group right of token `from` within the clause; `skip` rejects candidates
 * (the actor itself). Relative clauses on the object are entered ("a base which it considered ... for KH").
 */
export function objectRightOf(ix: MentionIndex, s: Sentence, from: number, skip: (m: Mention) => boolean, maxDistance = 14): Mention[] {
  const t = ix.tokens;
  for (let i = from; i < s.to && i - from < maxDistance; i++) {
    const tok = t[i];
    if (tok.text === '(') { i = matchingClose(t, s, i); continue; }
    if (STOP_RIGHT.has(tok.text)) return [];
    if (tok.text === ',' && !(t[i + 1] && RELATIVE.has(t[i + 1].norm))) return [];
    if (CLAUSE_OPENERS.has(tok.norm) && tok.pos === 'SCONJ' && i > from) return [];
    if (isSpeechVerb(tok) && i > from) return [];
    if ((tok.norm === 'and' || tok.norm === 'but' || tok.norm === 'or') && startsVerbPhrase(t, i + 1)) return [];
    const m = ix.byStart.get(i);
    if (m && !skip(m)) return groupStartingAt(ix, m, s.to);
  }
  return [];
}

/** "and (also) killed": a coordinated verb phrase begins at i, so an object scan must stop. */
function startsVerbPhrase(t: readonly Token[], i: number): boolean {
  let k = i;
  while (t[k] && t[k].pos === 'ADV') k++;
  return !!t[k] && (t[k].pos === 'VERB' || t[k].pos === 'AUX');
}

/** Index of the "(" that opens the group closed at i (or i when unbalanced). */
function matchingOpen(t: readonly Token[], s: Sentence, i: number): number {
  for (let k = i - 1; k >= s.from && i - k < 30; k--) if (t[k].text === '(') return k;
  return i;
}

function matchingClose(t: readonly Token[], s: Sentence, i: number): number {
  for (let k = i + 1; k < s.to && k - i < 30; k++) if (t[k].text === ')') return k;
  return i;
}

/** The first mention after preposition `prep` (within the clause, up to 12 tokens on). */
export function objectOfPreposition(ix: MentionIndex, s: Sentence, from: number, prep: string, skip: (m: Mention) => boolean, within = 12): Mention[] {
  const t = ix.tokens;
  for (let i = from; i < s.to && i - from < within; i++) {
    if (STOP_RIGHT.has(t[i].text)) return [];
    if (t[i].norm === prep) return objectRightOf(ix, s, i + 1, skip, 8);
  }
  return [];
}
