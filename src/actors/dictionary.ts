// The actor dictionary: states (from maintained country packages), IGOs, armed groups, parties,
// people, state organs and role nouns (from data/actors/*.tsv), compiled into token tries.
import { createRequire } from 'node:module';
import { readTsv, splitList } from '../data/tsv.js';
import { normKey, tokenizeWords } from '../text/index.js';
import { TokenTrie } from './trie.js';
import { readCache, sourceHash, writeCache } from '../data/cache.js';

const require = createRequire(import.meta.url);

export type EntryKind = 'organ' | 'igo' | 'group' | 'party' | 'org' | 'person' | 'state' | 'demonym' | 'capital' | 'ethnic';

export interface DictEntry {
  id: string;
  name: string;
  kind: EntryKind;
  country: string | null;
  sectors: string[];
  sponsor: string | null;
  /** the group a person leads or belongs to (an id in the dictionary) */
  affiliation: string | null;
}

export interface AliasHit {
  entry: DictEntry;
  /** all-caps acronyms (KH, ISIS, PMF) must match letter for letter */
  caseSensitive: boolean;
  /** the alias starts with a capital letter, so the text must too */
  capitalised: boolean;
  tokens: string[];
}

export interface RoleEntry {
  phrase: string;
  sectors: string[];
  kind: 'state' | 'nonstate' | 'either';
}

export interface ActorDictionary {
  names: TokenTrie<AliasHit>;
  roles: TokenTrie<RoleEntry>;
  byId: Map<string, DictEntry>;
  /** ISO alpha-3 → common English name */
  countryName: Map<string, string>;
  /** ISO alpha-2 → alpha-3 */
  alpha3: Map<string, string>;
}

interface WorldCountry {
  cca2: string; cca3: string; name: { common: string; official: string };
  altSpellings: string[]; capital?: string[]; unMember?: boolean; demonyms?: { eng?: { m: string; f: string } };
}

const KIND_PRIORITY: Record<EntryKind, number> = {
  organ: 0, igo: 1, group: 2, party: 3, org: 4, person: 5, state: 6, demonym: 7, capital: 8, ethnic: 9,
};

/** Load and compile the dictionary; call once and pass it to the stages that need it. */
export function loadActorDictionary(): ActorDictionary {
  // Tokenising ~25,000 aliases with wink is the slow part of start-up: the tokens are cached.
  const key = sourceHash(['actors'], ['wink-nlp', 'wink-eng-lite-web-model', 'world-countries', 'i18n-iso-countries']);
  const cached = readCache<Record<string, string[]>>('alias-tokens', key);
  const tokenCache: Record<string, string[]> = cached ?? {};
  const tokensOf = (alias: string): string[] => (tokenCache[alias] ??= tokenizeWords(alias).map(normKey).filter((t) => t.trim() !== ''));
  const names = new TokenTrie<AliasHit>();
  const byId = new Map<string, DictEntry>();
  const countryName = new Map<string, string>();
  const alpha3 = new Map<string, string>();
  const seen = new Map<string, AliasHit[]>();

  const addAlias = (alias: string, entry: DictEntry): void => {
    const clean = alias.trim();
    if (clean.length < 2) return;
    const tokens = tokensOf(clean);
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    const caseSensitive = /^[A-Z0-9.\-&]+$/.test(clean) && clean.replace(/[^A-Z]/g, '').length <= 6;
    const hit: AliasHit = { entry, caseSensitive, capitalised: /^\p{Lu}/u.test(clean), tokens };
    const prior = seen.get(key) ?? [];
    if (prior.some((p) => p.entry === entry)) return;
    // "French" is also the demonym of French territories: a sovereign state, added first, keeps the word.
    if (['state', 'demonym', 'capital'].includes(entry.kind) && prior.some((p) => p.entry.kind === entry.kind)) return;
    seen.set(key, [...prior, hit]);
    names.add(tokens, hit);
  };
  const addEntry = (e: DictEntry, aliases: string[]): void => {
    if (!byId.has(e.id)) byId.set(e.id, e);
    for (const a of [e.name, ...aliases]) addAlias(a, e);
  };

  loadStates(addEntry, countryName, alpha3);
  loadDataFiles(addEntry);
  const roles = loadRoles(tokensOf);
  if (!cached) writeCache('alias-tokens', key, tokenCache);
  return { names, roles, byId, countryName, alpha3 };
}

/** What the dictionary takes from the country packages, one row per country, sovereign states first. */
type CountryRow = [cca2: string, cca3: string, common: string, longNames: string[], demonyms: string[], capitals: string[]];

/** The country rows, cached: the two packages are ~1.5 MB of JSON to load for ~250 short rows. */
function countryRows(): CountryRow[] {
  const key = sourceHash([], ['world-countries', 'i18n-iso-countries']);
  const cached = readCache<CountryRow[]>('countries', key);
  if (cached) return cached;
  const world = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as { getNames(lang: string, o: { select: 'all' }): Record<string, string[]> };
  const isoNames = iso.getNames('en', { select: 'all' });
  const sovereignFirst = [...world].sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false));
  const rows = sovereignFirst.map((c): CountryRow => {
    const longNames = [c.name.official, ...c.altSpellings.filter((a) => a.length > 3), ...(isoNames[c.cca2] ?? []).filter((a) => a.length > 3)];
    const dem = c.demonyms?.eng;
    return [c.cca2, c.cca3, c.name.common, longNames, dem ? [dem.m, dem.f, `${dem.m}s`] : [], c.capital ?? []];
  });
  writeCache('countries', key, rows);
  return rows;
}

function loadStates(addEntry: (e: DictEntry, a: string[]) => void, countryName: Map<string, string>, alpha3: Map<string, string>): void {
  for (const [cca2, cc, common, longNames, demonyms, capitals] of countryRows()) {
    countryName.set(cc, common);
    alpha3.set(cca2, cc);
    addEntry({ id: cc, name: common, kind: 'state', country: cc, sectors: ['GOV'], sponsor: null, affiliation: null }, longNames);
    if (demonyms.length) {
      const d: DictEntry = { id: `${cc}#demonym`, name: common, kind: 'demonym', country: cc, sectors: [], sponsor: null, affiliation: null };
      addEntry(d, demonyms);
    }
    for (const cap of capitals) {
      addEntry({ id: `${cc}#capital`, name: common, kind: 'capital', country: cc, sectors: ['GOV'], sponsor: null, affiliation: null }, [cap.replace(/ D\.C\.$/, '')]);
    }
  }
  for (const r of readTsv('actors/countries-extra.tsv', ['alias', 'country', 'kind'])) {
    if (r.kind === 'ethnic') {
      addEntry({ id: `ETHNIC_${r.alias.toUpperCase()}`, name: r.alias, kind: 'ethnic', country: null, sectors: ['CVL'], sponsor: null, affiliation: null }, []);
      continue;
    }
    const name = countryName.get(r.country) ?? r.country;
    const kind: EntryKind = r.kind === 'demonym' ? 'demonym' : 'state';
    const id = kind === 'demonym' ? `${r.country}#demonym` : r.country;
    addEntry({ id, name, kind, country: r.country, sectors: kind === 'state' ? ['GOV'] : [], sponsor: null, affiliation: null }, [r.alias]);
  }
}

function loadDataFiles(addEntry: (e: DictEntry, a: string[]) => void): void {
  const organs = readTsv('actors/metonyms.tsv', ['id', 'name', 'country', 'sectors', 'aliases']);
  for (const r of organs) addEntry(entry(r, 'organ'), splitList(r.aliases));
  for (const file of ['actors/igos.tsv', 'actors/groups.tsv']) {
    for (const r of readTsv(file, ['id', 'name', 'kind', 'country', 'sectors', 'sponsor', 'aliases'])) {
      const kind = (['group', 'party', 'org', 'igo'].includes(r.kind) ? r.kind : 'group') as EntryKind;
      addEntry(entry(r, kind), splitList(r.aliases));
    }
  }
  for (const r of readTsv('actors/people.tsv', ['id', 'name', 'country', 'sectors', 'affiliation', 'aliases'])) {
    addEntry(entry(r, 'person'), splitList(r.aliases));
  }
}

function entry(r: Record<string, string>, kind: EntryKind): DictEntry {
  return {
    id: r.id, name: r.name, kind, country: r.country || null,
    sectors: splitList(r.sectors, ','), sponsor: r.sponsor || null, affiliation: r.affiliation || null,
  };
}

function loadRoles(tokensOf: (s: string) => string[]): TokenTrie<RoleEntry> {
  const roles = new TokenTrie<RoleEntry>();
  for (const r of readTsv('actors/roles.tsv', ['phrase', 'sectors', 'kind'])) {
    const kind = (['state', 'nonstate', 'either'].includes(r.kind) ? r.kind : 'either') as RoleEntry['kind'];
    const tokens = tokensOf(r.phrase.toLowerCase());
    roles.add(tokens, { phrase: r.phrase, sectors: splitList(r.sectors, ','), kind });
  }
  return roles;
}

/** Order alias hits so the most specific kind wins (an organ over a state, a group over a person). */
export function byPriority(a: AliasHit, b: AliasHit): number {
  return KIND_PRIORITY[a.entry.kind] - KIND_PRIORITY[b.entry.kind];
}
