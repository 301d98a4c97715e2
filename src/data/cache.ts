// A build cache for compiled resources (tokenised dictionary aliases, the compact city list), keyed by
// a hash of everything they are built from, so start-up skips the slow parts when nothing changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { threadId } from 'node:worker_threads';
import { DATA_DIR } from './tsv.js';

const require = createRequire(import.meta.url);
/** Bump when the cached formats change. */
const FORMAT = 2;

/** node_modules/.cache/casus (the convention tools share), or $CASUS_CACHE_DIR. */
export function cacheDir(): string {
  return process.env.CASUS_CACHE_DIR || join(dirname(require.resolve('wink-nlp/package.json')), '..', '.cache', 'casus');
}

/**
 * Hash of the data files under `subdirs` (name, size and modification time, as build tools do: reading
 * them all to hash their bytes cost more than the cache saved) and the versions of `packages`.
 */
export function sourceHash(subdirs: string[], packages: string[]): string {
  const h = createHash('sha1').update(`format ${FORMAT}\n`);
  for (const sub of subdirs) {
    const dir = join(DATA_DIR, sub);
    for (const f of readdirSync(dir).sort()) {
      const st = statSync(join(dir, f));
      h.update(`${f}\t${st.size}\t${st.mtimeMs}\n`);
    }
  }
  for (const p of packages) h.update(p).update((require(`${p}/package.json`) as { version: string }).version);
  return h.digest('hex').slice(0, 16);
}

/** The cached value for `name` and `key`, or null. */
export function readCache<T>(name: string, key: string): T | null {
  const file = cachedFile(name, key, 'json');
  if (!file) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Store a value; a cache that cannot be written (read-only install) is simply not used. */
export function writeCache(name: string, key: string, value: unknown): void {
  writeCacheFile(name, key, 'json', (tmp) => writeFileSync(tmp, JSON.stringify(value)));
}

/** The path of a cached artefact file for `name` and `key`, or null when there is none. */
export function cachedFile(name: string, key: string, ext: string): string | null {
  const file = join(cacheDir(), `${name}-${key}.${ext}`);
  return existsSync(file) ? file : null;
}

/**
 * Build an artefact file: `fill` writes a temporary path, which then replaces the cached file in one
 * rename (readers never see half a file). Returns the final path, or null when the cache cannot be written.
 */
export function writeCacheFile(name: string, key: string, ext: string, fill: (tmp: string) => void): string | null {
  try {
    const dir = cacheDir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-${key}.${ext}`);
    // Worker threads share a process id: the thread id keeps their temporary files apart.
    const tmp = `${file}.${process.pid}-${threadId}.tmp`;
    rmSync(tmp, { force: true });
    fill(tmp);
    renameSync(tmp, file);
    // Older builds of the same artefact are stale once a new one is written.
    for (const f of readdirSync(dir)) if (f.startsWith(`${name}-`) && !f.endsWith('.tmp') && join(dir, f) !== file) rmSync(join(dir, f), { force: true });
    return file;
  } catch {
    // Best effort: without a cache, start-up only takes longer.
    return null;
  }
}
