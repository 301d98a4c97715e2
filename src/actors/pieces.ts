// Pieces of an actor phrase: dictionary names, role nouns, places and unknown proper names.
import { ofSentence } from '../text/index.js';
import type { Doc, Sentence, Token } from '../types.js';
import type { PlaceMention } from '../places/index.js';
import { startsUpper } from '../text/normalize.js';
import { byPriority, type ActorDictionary, type AliasHit, type RoleEntry } from './dictionary.js';

export type Piece =
  | { type: 'name'; start: number; end: number; hit: AliasHit }
  | { type: 'role'; start: number; end: number; role: RoleEntry }
  | { type: 'place'; start: number; end: number; place: PlaceMention }
  | { type: 'unknown'; start: number; end: number };

const PLACE_PREPS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'through', 'across', 'outside', 'inside', 'via', 'toward', 'towards']);
const NAME_LINKS = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'del', 'da', 'van', 'von', 'der', 'le', 'la', 'ul', 'ud', '-']);
const NOT_NAMES = /^(january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|mr|mrs|ms|dr|god|allah|christmas|ramadan|eid|covid|internet|reply|twitter|facebook|x)$/;

function isUpperWord(t: Token): boolean {
  return startsUpper(t.text);
}

/** Whether the alias hit is acceptable at tokens[start..end) given letter case. */
function caseOk(tokens: readonly Token[], h: AliasHit, start: number, end: number): boolean {
  if (h.caseSensitive) {
    for (let k = start; k < end; k++) if (/\p{Ll}/u.test(tokens[k].text)) return false;
    return true;
  }
  return !h.capitalised || isUpperWord(tokens[start]);
}

/** Greedy left-to-right pieces of a sentence; places come from the places stage. */
export function findPieces(doc: Doc, s: Sentence, dict: ActorDictionary, places: readonly PlaceMention[]): Piece[] {
  const tokens = doc.tokens;
  const placeAt = new Map<number, PlaceMention>();
  for (const p of ofSentence(places, s.index)) placeAt.set(p.start, p);
  const out: Piece[] = [];
  for (let i = s.from; i < s.to; i++) {
    const name = dict.names.longest(tokens, i, s.to, 'norm+lemma', (h, a, b) => caseOk(tokens, h, a, b));
    const place = placeAt.get(i);
    const ownedSite = !!name && !!place && place.place.precision === 'site' && ['state', 'demonym'].includes(name.values[0].entry.kind);
    if (name && (!place || name.end >= place.end || ownedSite)) {
      const hits = [...name.values].sort(byPriority);
      const hit = hits[0];
      // A capital after a preposition is a place ("in Baghdad"); elsewhere a metonym ("Baghdad said").
      if (place && place.locative && hit.entry.kind === 'capital') { out.push({ type: 'place', start: i, end: place.end, place }); i = place.end - 1; continue; }
      if (place && place.locative && hit.entry.kind === 'state' && place.end >= name.end) { out.push({ type: 'place', start: i, end: place.end, place }); i = place.end - 1; continue; }
      out.push({ type: 'name', start: i, end: name.end, hit });
      i = name.end - 1;
      continue;
    }
    if (place) { out.push({ type: 'place', start: i, end: place.end, place }); i = place.end - 1; continue; }
    // Role nouns also by a base-form guess: "Gunmen" opening a sentence is not lemmatised.
    const role = dict.roles.longest(tokens, i, s.to, 'stems', () => true);
    if (role) {
      out.push({ type: 'role', start: i, end: role.end, role: role.values[0] });
      i = role.end - 1;
      continue;
    }
    // A one-word metonym inside a longer run of capitalised words belongs to that name: "Nigeria Labour
    // Congress" is a union, not the US Congress.
    const startsName = (k: number): boolean => {
      const hit = dict.names.longest(tokens, k, s.to, 'norm+lemma', (h, a, b) => caseOk(tokens, h, a, b));
      return !!hit && !(hit.end === k + 1 && hit.values.every((v) => v.entry.kind === 'organ'));
    };
    const unknownEnd = unknownName(tokens, i, s, startsName);
    // "from Fort Bragg", "to Vilseck": an unknown name after a preposition of place or motion is a place.
    const before = i > s.from ? tokens[i - 1].norm : '';
    if (unknownEnd > i && PLACE_PREPS.has(before)) { i = unknownEnd - 1; continue; }
    if (unknownEnd > i) { out.push({ type: 'unknown', start: i, end: unknownEnd }); i = unknownEnd - 1; }
  }
  return out;
}

/** End of a run of capitalised proper nouns starting at i (or i when there is none). */
function unknownName(tokens: readonly Token[], i: number, s: Sentence, startsName: (k: number) => boolean): number {
  const t = tokens[i];
  if (t.pos !== 'PROPN' || !isUpperWord(t) || NOT_NAMES.test(t.norm) || t.text.length < 2) return i;
  // A lone capitalised word opening a sentence is usually an ordinary word.
  let end = i + 1;
  while (end < s.to) {
    const n = tokens[end];
    if (n.pos === 'PROPN' && isUpperWord(n) && !NOT_NAMES.test(n.norm) && !startsName(end)) { end++; continue; }
    let k = end;
    while (k < s.to && NAME_LINKS.has(tokens[k].norm) && k - end < 3) k++;
    if (k > end && k < s.to && isUpperWord(tokens[k]) && tokens[k].pos === 'PROPN') { end = k + 1; continue; }
    break;
  }
  if ((i === s.from || startsName(end)) && end === i + 1) return i;
  return end;
}
