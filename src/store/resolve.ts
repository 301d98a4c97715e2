// Actor names in queries: "Kataib Hezbollah", "KH", "Iran", "IRN" all find what the store keeps.
import type { ActorDictionary } from '../actors/dictionary.js';
import { normKey, tokenizeWords } from '../text/index.js';
import type { Token } from '../types.js';
import type { EventFilters } from './query.js';

/** Ids and codes a query name may be stored under: itself, and the dictionary entity it names. */
export function resolveActor(name: string, dict: ActorDictionary | null): string[] {
  const keys = new Set<string>([name.trim()]);
  if (/^[A-Z]{3}$/.test(name.trim())) return [...keys];
  if (!dict) return [...keys];
  const words = tokenizeWords(name);
  const tokens: Token[] = words.map((w, i) => ({ i, text: w, norm: normKey(w), lemma: normKey(w), pos: 'PROPN', start: 0, end: 0, sentence: 0 }));
  const m = dict.names.longest(tokens, 0, tokens.length, 'norm', () => true);
  if (m && m.end === tokens.length) {
    for (const h of m.values) {
      const e = h.entry;
      if (['state', 'demonym', 'capital'].includes(e.kind)) { if (e.country) keys.add(e.country); }
      else { keys.add(e.id); keys.add(e.name); }
    }
  }
  return [...keys];
}

/** Query input with names as users write them; values already validated by the CLI or the API. */
export interface FilterInput {
  actor?: string; recipient?: string; dyad?: string; type?: string; country?: string;
  since?: string; until?: string; text?: string; all?: boolean; mentions?: boolean; limit?: number; offset?: number;
}

/** Event filters with actor, dyad and country names resolved through the dictionary. */
export function resolveFilters(q: FilterInput, dict: ActorDictionary | null): EventFilters {
  const names = (v: string): string[] => resolveActor(v.trim(), dict);
  const [x, y] = q.dyad ? q.dyad.split(',') : [];
  return {
    actor: q.actor ? names(q.actor) : undefined, recipient: q.recipient ? names(q.recipient) : undefined,
    dyad: q.dyad ? [names(x), names(y)] : undefined, type: q.type,
    country: q.country ? names(q.country).filter((k) => /^[A-Z]{3}$/.test(k)) : undefined,
    since: q.since, until: q.until, text: q.text, all: q.all ?? false, mentions: q.mentions ?? false, limit: q.limit, offset: q.offset,
  };
}

/** The two sides of "X,Y" as analysis keys: country codes at country level, dictionary ids at entity level. */
export function dyadSides(dyad: string, dict: ActorDictionary, level: 'country' | 'entity' = 'country'): [string, string] {
  const pick = (name: string): string => {
    const keys = resolveActor(name, dict);
    return (level === 'country' ? keys.find((k) => /^[A-Z]{3}$/.test(k) && dict.countryName.has(k)) : keys.find((k) => k !== name)) ?? name;
  };
  const [x, y] = dyad.split(',').map((v) => v.trim());
  return [pick(x), pick(y)];
}
