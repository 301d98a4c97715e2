// Stage 2a, places: countries, cities, known sites and regions named in the text.
import type { ActorDictionary } from '../actors/dictionary.js';
import type { Doc } from '../types.js';
import { startsUpper } from '../text/normalize.js';
import { matchPlace, type Gazetteer, type Place } from './gazetteer.js';

export { loadGazetteer, type Gazetteer, type Place } from './gazetteer.js';

export interface PlaceMention {
  start: number;
  end: number;
  sentence: number;
  place: Place;
  /** the other places of the same name, for disambiguation by context */
  alternatives: Place[];
  /** introduced by a locative preposition ("in Baghdad", "near Kirkuk") */
  locative: boolean;
  text: string;
}

/** Prepositions after which a name is where something happened, not who did it. */
export const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'within', 'throughout', 'through', 'via', 'along', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'north-eastern', 'north-western', 'south-eastern', 'south-western']);
const CALENDAR = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Find place names; `findPlaces(doc, gaz, dict)` → mentions in text order. */
export function findPlaces(doc: Doc, gaz: Gazetteer, dict: ActorDictionary): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const s of doc.sentences) {
    for (let i = s.from; i < s.to; i++) {
      const t = doc.tokens[i];
      if (CALENDAR.has(t.norm)) continue;
      const m = matchPlace(doc.tokens, i, s.to, gaz) ?? stateAsPlace(doc, i, s.to, dict);
      if (!m) continue;
      const prev = precedingWord(doc, i, s.from);
      const locative = (prev !== null && LOCATIVE.has(prev)) || settlementOf(doc, i, s.from);
      const [place, ...alternatives] = m.candidates;
      // A bare small GeoNames town that is not after a preposition is more likely a word or a surname.
      if (!locative && !place.curated && place.precision === 'city' && place.population < 100_000) { i = m.end - 1; continue; }
      if (i === s.from && !place.curated && !locative && place.precision === 'city' && doc.tokens[i].pos !== 'PROPN') continue;
      out.push({ start: i, end: m.end, sentence: s.index, place, alternatives, locative, text: doc.text.slice(t.start, doc.tokens[m.end - 1].end) });
      i = m.end - 1;
    }
  }
  return out;
}

const SETTLEMENT = new Set(['city', 'town', 'village', 'province', 'region', 'district', 'area', 'outskirts', 'suburb', 'capital', 'governorate', 'county', 'state', 'border', 'port', 'enclave', 'camp', 'neighbourhood', 'neighborhood', 'centre', 'center', 'streets']);

/** "in the holy city of Karbala", "near the town of Samarra": a place named after a settlement noun. */
function settlementOf(doc: Doc, i: number, from: number): boolean {
  const t = doc.tokens;
  return i - 2 >= from && t[i - 1].norm === 'of' && SETTLEMENT.has(t[i - 2].lemma);
}

function precedingWord(doc: Doc, i: number, from: number): string | null {
  let k = i - 1;
  if (k >= from && doc.tokens[k].pos === 'DET') k--;
  return k >= from ? doc.tokens[k].norm : null;
}

/** Country names the gazetteer lacks but the actor dictionary knows ("Britain", "the US"). */
function stateAsPlace(doc: Doc, i: number, limit: number, dict: ActorDictionary): { start: number; end: number; candidates: Place[] } | null {
  const m = dict.names.longest(doc.tokens, i, limit, 'norm', (h) => h.entry.kind === 'state' && (!h.capitalised || startsUpper(doc.tokens[i].text)));
  if (!m) return null;
  const e = m.values[0].entry;
  return { start: m.start, end: m.end, candidates: [{ name: e.name, country: e.country, lat: null, lon: null, precision: 'country', population: 1e9, curated: true }] };
}
