// Actor names in queries: "Kataib Hezbollah", "KH", "Iran", "IRN" all find what the store keeps.
import type { ActorDictionary } from '../actors/dictionary.js';
import { normKey, tokenizeWords } from '../text/index.js';
import type { Token } from '../types.js';

/** Ids and codes a query name may be stored under: itself, and the dictionary entity it names. */
export function resolveActor(name: string, dict: ActorDictionary | null): string[] {
  const keys = new Set<string>([name.trim()]);
  if (/^[A-Z]{3}$/.test(name.trim())) return [...keys];
  if (!dict) return [...keys];
  const words = tokenizeWords(name);
  const tokens: Token[] = words.map((w, i) => ({ i, text: w, norm: normKey(w), lemma: normKey(w), pos: 'PROPN', start: 0, end: 0, sentence: 0 }));
  const m = dict.names.longest(tokens, 0, tokens.length, (t) => [t.norm], () => true);
  if (m && m.end === tokens.length) {
    for (const h of m.values) {
      const e = h.entry;
      if (['state', 'demonym', 'capital'].includes(e.kind)) { if (e.country) keys.add(e.country); }
      else { keys.add(e.id); keys.add(e.name); }
    }
  }
  return [...keys];
}
