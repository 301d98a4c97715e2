// Shared test helpers: resources loaded once per test file, and a compact view of events.
import { codeArticle, loadResources, validateArticle, type Resources } from '../src/pipeline.js';
import { isFactual } from '../src/events/modality.js';
import type { CasusEvent } from '../src/types.js';

let cached: Resources | null = null;

/** The dictionaries, gazetteer and lexicon, loaded once per test worker. */
export function resources(): Resources {
  cached ??= loadResources();
  return cached;
}

/** Code `text` as of `date` and return its events. */
export function code(text: string, date: string | null = '2020-03-14', id = 'test'): CasusEvent[] {
  return codeArticle(validateArticle({ id, text, date }), resources()).events;
}

export function facts(events: CasusEvent[]): CasusEvent[] {
  return events.filter((e) => isFactual(e.context));
}

export const countries = (list: { country: string | null }[]): string[] => list.map((e) => e.country ?? '?');
