// A build cache for compiled resources (tokenised dictionary aliases, the compact city list), keyed by
// a hash of everything they are built from, so start-up skips the slow parts when nothing changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { DATA_DIR } from './tsv.js';

const require = createRequire(import.meta.url);
/** Bump when the cached formats change. */
const FORMAT = 1;

/** node_modules/.cache/casus (the convention tools share), or $CASUS_CACHE_DIR. */
export function cacheDir(): string {
  return process.env.CASUS_CACHE_DIR || join(dirname(require.resolve('wink-nlp/package.json')), '..', '.cache', 'casus');
}

/** Hash of the data files under `subdirs` and the versions of `packages`. */
export function sourceHash(subdirs: string[], packages: string[]): string {
  const h = createHash('sha1').update(`format ${FORMAT}\n`);
  for (const sub of subdirs) {
    const dir = join(DATA_DIR, sub);
    for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
  }
  for (const p of packages) h.update(p).update((require(`${p}/package.json`) as { version: string }).version);
  return h.digest('hex').slice(0, 16);
}

/** The cached value for `name` and `key`, or null. */
export function readCache<T>(name: string, key: string): T | null {
  const file = join(cacheDir(), `${name}-${key}.json`);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Store a value; a cache that cannot be written (read-only install) is simply not used. */
export function writeCache(name: string, key: string, value: unknown): void {
  try {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  } catch {
    // Best effort: without a cache, start-up only takes longer.
  }
}
