// The stages, in order: text → places → actors → dates → events (arguments, modality, toll) → ACLED → claims.
import { findActors, loadActorDictionary, type ActorDictionary, type Mention } from './actors/index.js';
import { findDates, parseIsoDate } from './dates/index.js';
import { extractEvents, loadTriggerLexicon, type TriggerLexicon } from './events/index.js';
import type { Candidate } from './events/candidate.js';
import { findPlaces, loadGazetteer, type Gazetteer, type PlaceMention } from './places/index.js';
import { analyse } from './text/index.js';
import { classifyAcled, loadAcledModel, type AcledModel } from './acled/index.js';
import { findClaims, type Claim } from './claims/index.js';
import type { Article, CasusEvent, Doc } from './types.js';

export interface Resources {
  dict: ActorDictionary;
  gaz: Gazetteer;
  lex: TriggerLexicon;
  /** the trained ACLED sub-event classifier (data/acled/model.json); null falls back to rules */
  acled: AcledModel | null;
}

/** Load dictionaries, gazetteer and lexicon once; pass the result to every `codeArticle` call. */
export function loadResources(): Resources {
  const dict = loadActorDictionary();
  return { dict, gaz: loadGazetteer(dict.alpha3), lex: loadTriggerLexicon(), acled: loadAcledModel() };
}

export interface Coded {
  id: string;
  events: CasusEvent[];
  /** who said what: quotes and reported speech with their speakers and the events they are about */
  claims: Claim[];
  /** intermediate results, for --explain and the claims stage */
  debug: { doc: Doc; mentions: Mention[]; places: PlaceMention[]; dropped: Candidate[] };
}

export class InputError extends Error {
  constructor(message: string) { super(message); this.name = 'InputError'; }
}

/** Default maximum article size in characters; larger texts are refused with a clear error. */
export const MAX_TEXT = 2_000_000;

/** Check an input record and return it as an Article: `validateArticle({text: 5})` throws `invalid text: ...`. */
export function validateArticle(raw: unknown, fallbackDate: string | null = null, maxText = MAX_TEXT): Article {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InputError('invalid record: expected a JSON object');
  const r = raw as Record<string, unknown>;
  const id = r.id === undefined || r.id === null ? '' : typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : null;
  if (id === null) throw new InputError('invalid id: expected a string or a number');
  if (typeof r.text !== 'string') throw new InputError(`invalid text: expected a string, got ${r.text === undefined ? 'nothing' : typeof r.text}`);
  if (r.text.length > maxText) throw new InputError(`invalid text: ${r.text.length} characters is over the limit of ${maxText}`);
  let date: string | null = fallbackDate;
  if (r.date !== undefined && r.date !== null) {
    if (typeof r.date !== 'string') throw new InputError('invalid date: expected "YYYY-MM-DD" or null');
    try { parseIsoDate(r.date); } catch { throw new InputError(`invalid date: "${r.date}" (expected YYYY-MM-DD)`); }
    date = r.date;
  }
  return { id, text: cleanText(r.text), date };
}

/** Lone surrogates and NULs carry no text; replace them so offsets stay stable and output stays valid UTF-8. */
export function cleanText(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').replace(/\u0000/g, ' ');
}

/** Code one article into events. */
export function codeArticle(article: Article, res: Resources): Coded {
  const doc = analyse(article.text);
  const places = findPlaces(doc, res.gaz, res.dict);
  const mentions = findActors(doc, res.dict, places);
  const dates = findDates(doc, article.date);
  const coded = extractEvents({ article, doc, mentions, places, dates }, res.lex);
  const withAcled = classifyAcled(coded.events, doc, res.acled);
  const { claims, events } = findClaims(doc, mentions, withAcled, article.id);
  return { id: article.id, events, claims, debug: { doc, mentions, places, dropped: coded.dropped } };
}
