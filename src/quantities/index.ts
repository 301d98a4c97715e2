// Stage 7, fatalities: killed and injured counts near an event's trigger.
import { ofSentence } from '../text/index.js';
import type { Mention } from '../actors/index.js';
import type { Doc, Fatalities, Sentence } from '../types.js';
import { readNumber } from './numbers.js';

const KILL = new Set(['kill', 'killed', 'die', 'dead', 'death', 'slay', 'slain', 'murder', 'execute', 'massacre', 'behead', 'assassinate', 'fatality', 'life', 'casualty', 'toll', 'body']);
const INJURE = new Set(['injure', 'injured', 'wound', 'wounded', 'hurt', 'injury', 'maim']);
const AT_LEAST = new Set(['at', 'least', 'more', 'over', 'some', 'about', 'around', 'nearly', 'almost', 'approximately', 'roughly', 'than', 'up', 'to']);
const VICTIM_NOUN = /^(people|person|civilian|soldier|troop|policeman|policemen|police|officer|fighter|militant|militiaman|militiamen|member|worker|child|children|woman|women|man|men|student|protester|demonstrator|contractor|guard|resident|villager|passenger|pilgrim|worshipper|rebel|insurgent|jihadist|commander|journalist|staff|personnel|service|marine|sailor|crew|recruit|cadet|employee|patient|doctor|refugee|migrant|farmer|herder|miner|teacher|tourist|national|citizen|combatant|gunman|gunmen|attacker|bomber|assailant|suspect|agent|official|servicemember|serviceman|servicemen|american|iraqi|iranian|israeli|palestinian|syrian|afghan|kurd|briton)s?$/;

export interface CountSpan { value: number; start: number; end: number }

/** Killed and injured counts in sentence `s`; `victims` are actor mentions after a kill verb (named people count one each). */
export function findFatalities(doc: Doc, s: Sentence, mentions: readonly Mention[], head = s.from): Fatalities {
  // Only the trigger's own clause: "strikes ... in retaliation for an attack that killed two" is not the strikes' toll.
  const clause: Sentence = { ...s, from: Math.max(s.from, head - 8), to: clauseEnd(doc, s, head) };
  const killed = countNear(doc, clause, KILL, mentions);
  const injured = countNear(doc, clause, INJURE, mentions);
  if (!killed && !injured) return { killed: null, injured: null, text: null };
  const spans = [killed, injured].filter((x): x is CountSpan => !!x);
  const a = Math.min(...spans.map((x) => x.start)), b = Math.max(...spans.map((x) => x.end));
  return { killed: killed?.value ?? null, injured: injured?.value ?? null, text: doc.text.slice(doc.tokens[a].start, doc.tokens[b - 1].end) };
}

const CLAUSE_END = new Set([';', 'that', 'which', 'who', 'whom', 'where', 'after', 'before', 'because', 'while', 'when']);

function clauseEnd(doc: Doc, s: Sentence, head: number): number {
  for (let i = head + 1; i < s.to; i++) {
    const t = doc.tokens[i];
    if (CLAUSE_END.has(t.norm) && (t.pos === 'PRON' || t.pos === 'SCONJ' || t.pos === 'DET' || t.pos === 'ADV' || t.text === ';')) return i;
    if (t.norm === 'for' && doc.tokens[i - 1]?.norm === 'retaliation') return i;
  }
  return s.to;
}

function countNear(doc: Doc, s: Sentence, words: Set<string>, mentions: readonly Mention[]): CountSpan | null {
  const t = doc.tokens;
  for (let i = s.from; i < s.to; i++) {
    if (!words.has(t[i].lemma) && !words.has(t[i].norm)) continue;
    // "killed three soldiers, two policemen and a civilian" / "killing X and Y"
    const after = listAfter(doc, s, i + 1, mentions);
    if (after) return { ...after, start: Math.min(i, after.start) };
    // "25 people were killed", "at least 12 dead", "three soldiers died"
    const before = countBefore(doc, s, i);
    if (before) return { ...before, end: Math.max(i + 1, before.end) };
  }
  return null;
}

/** A list of counted victims after position `from`: numbers summed, named people counted once. */
function listAfter(doc: Doc, s: Sentence, from: number, mentions: readonly Mention[]): CountSpan | null {
  const t = doc.tokens;
  let i = from;
  while (i < s.to && (AT_LEAST.has(t[i].norm) || t[i].text === '“' || t[i].text === '"' || t[i].pos === 'ADV')) i++;
  let total = 0, last = -1, items = 0, counted = false;
  const start = i;
  while (i < s.to && i - from < 40) {
    const n = readNumber(t, i, s.to);
    if (n && n.value > 0 && n.end < s.to && (isVictimPhrase(doc, n.end, s.to) || (t[i].pos === 'NUM'))) {
      total += n.value; items++; counted = true; i = skipPhrase(doc, n.end, s.to); last = i; continue;
    }
    const m = ofSentence(mentions, s.index).find((x) => x.start === i && (x.entityKind === 'person' || (x.kind === 'unknown' && !x.plural)));
    // Named victims count one each, unless a number already counted them ("two commanders, A and B").
    if (m) { if (!counted) { total += 1; items++; } i = m.end; last = i; continue; }
    if (items > 0 && (t[i].norm === ',' || t[i].norm === 'and' || t[i].text === '”' || t[i].text === '"')) { i++; continue; }
    if (items === 0 && (t[i].pos === 'ADJ' || t[i].pos === 'DET' && t[i].norm !== 'a' && t[i].norm !== 'an')) { i++; continue; }
    break;
  }
  return items > 0 ? { value: total, start, end: last } : null;
}

function isVictimPhrase(doc: Doc, i: number, to: number): boolean {
  for (let k = i; k < to && k - i < 5; k++) {
    const w = doc.tokens[k];
    if (VICTIM_NOUN.test(w.norm) || VICTIM_NOUN.test(w.lemma)) return true;
    if (w.pos === 'VERB' || w.norm === ',' || w.norm === 'and') return false;
  }
  return false;
}

function skipPhrase(doc: Doc, i: number, to: number): number {
  let k = i;
  while (k < to && (doc.tokens[k].pos === 'ADJ' || doc.tokens[k].pos === 'NOUN' || doc.tokens[k].pos === 'PROPN' || doc.tokens[k].text === '-')) k++;
  return k;
}

/** "N people were killed": a number within the few tokens before the kill word. */
function countBefore(doc: Doc, s: Sentence, i: number): CountSpan | null {
  const t = doc.tokens;
  for (let k = i - 1; k >= s.from && i - k <= 7; k--) {
    if (t[k].norm === ',' || t[k].norm === ';') break;
    const n = readNumber(t, k, i);
    if (n && n.value > 0 && (t[k].pos === 'NUM' || n.vague || t[k].norm in { two: 1, three: 1 } || /^[a-z]+$/.test(t[k].norm) && n.value > 1)) {
      if (t[k - 1]?.norm === 'of' && t[k - 2]?.lemma === 'toll') return { value: n.value, start: k, end: n.end };
      return { value: n.value, start: k, end: n.end };
    }
  }
  return null;
}
