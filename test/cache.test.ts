// The build cache: the gazetteer read back from its SQLite index answers as the freshly built one does;
// a corrupt cache is rebuilt, an unwritable cache directory only costs time, stale builds are removed.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedFile, writeCache, readCache } from '../src/data/cache.js';
import { loadGazetteer } from '../src/places/gazetteer.js';
import { resources } from './helpers.js';

const NAMES = ['baghdad', 'kirkuk', 'washington', 'paris', 'odesa', 'tigray', 'strait', 'nowhere-at-all'];
const saved = process.env.CASUS_CACHE_DIR;
afterEach(() => { if (saved === undefined) delete process.env.CASUS_CACHE_DIR; else process.env.CASUS_CACHE_DIR = saved; });

/** What a gazetteer says about each test name, as plain data. */
function answers(gaz: ReturnType<typeof loadGazetteer>): unknown[] {
  return NAMES.map((n) => gaz.candidates(n)?.map((c) => ({ keys: c.keys, ...c.place })) ?? null);
}

describe('the gazetteer cache', () => {
  it('answers from its SQLite index exactly as the built gazetteer does, and rebuilds a corrupt one', () => {
    process.env.CASUS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'casus-cache-'));
    const alpha3 = resources().dict.alpha3;
    const built = loadGazetteer(alpha3);
    const files = readdirSync(process.env.CASUS_CACHE_DIR).filter((f) => f.startsWith('gazetteer-') && f.endsWith('.db'));
    expect(files).toHaveLength(1);
    const stored = loadGazetteer(alpha3);
    expect(answers(stored)).toEqual(answers(built));
    expect(answers(built)[0]).not.toBeNull();
    expect(answers(built)[NAMES.length - 1]).toBeNull();

    writeFileSync(join(process.env.CASUS_CACHE_DIR, files[0]), 'not a database');
    expect(answers(loadGazetteer(alpha3))).toEqual(answers(built));
  }, 120_000);

  it('works without a writable cache directory', () => {
    // Under a plain file no directory can be made, whoever runs the test (root writes through permissions).
    const file = join(mkdtempSync(join(tmpdir(), 'casus-cache-ro-')), 'a-file');
    writeFileSync(file, '');
    process.env.CASUS_CACHE_DIR = join(file, 'inner');
    const gaz = loadGazetteer(resources().dict.alpha3);
    expect(answers(gaz)[0]).not.toBeNull();
    expect(existsSync(process.env.CASUS_CACHE_DIR)).toBe(false);
  }, 120_000);
});

describe('cache files', () => {
  it('removes stale builds of an artefact when a new one is written, and keeps other artefacts', () => {
    process.env.CASUS_CACHE_DIR = mkdtempSync(join(tmpdir(), 'casus-cache-'));
    writeCache('thing', 'old', [1]);
    writeCache('other', 'k', { a: 1 });
    writeCache('thing', 'new', [2]);
    expect(cachedFile('thing', 'old', 'json')).toBeNull();
    expect(readCache<number[]>('thing', 'new')).toEqual([2]);
    expect(readCache<{ a: number }>('other', 'k')).toEqual({ a: 1 });
    expect(readdirSync(process.env.CASUS_CACHE_DIR).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(existsSync(join(process.env.CASUS_CACHE_DIR, 'thing-new.json'))).toBe(true);
  });
});

describe("wink's cached core model", () => {
  it('decodes to the object the package builds, word tables without a prototype', async () => {
    const { createRequire } = await import('node:module');
    const { decodeCore, encodeCore } = await import('../src/text/index.js');
    type Built = Parameters<typeof encodeCore>[0];
    const built = (createRequire(import.meta.url)('wink-eng-lite-web-model/dist/load-core-model.js') as () => Built)();
    const bytes = encodeCore(built);
    const decoded = decodeCore(bytes);
    expect(decoded).not.toBeNull();
    expect(decoded).toEqual(built);
    expect(decoded!.lexicon).toBeInstanceOf(Uint32Array);
    expect(decoded!.features.posClusters.list[0]).toBeInstanceOf(Set);
    expect(Object.getPrototypeOf(decoded!.features.lexeme.hash)).toBeNull();
    expect(decoded!.features.lexeme.hash!.__lookupGetter__).toBeUndefined();
    // A cut or garbled file is not a core: it is rebuilt.
    expect(decodeCore(bytes.subarray(0, bytes.length - 8))).toBeNull();
    expect(decodeCore(Buffer.from('not a model'))).toBeNull();
  }, 60_000);
});
