// A full disk, simulated with SQLite's page limit (the same SQLITE_FULL a full file system gives):
// the batch in progress is rolled back whole, the error says so, nothing stored before is lost, and
// a rerun once there is room completes without duplicates. The API answers 507 and stays up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../src/article/index.js';
import { createApp } from '../src/server/app.js';
import { openStore, StoreError, type DB } from '../src/store/db.js';
import { emptySummary, ingestAll } from '../src/store/ingest.js';
import { resources } from './helpers.js';

const PLACES = ['Kirkuk', 'Basra', 'Mosul', 'Erbil', 'Najaf', 'Karbala', 'Tikrit', 'Ramadi'];

/** Distinct reports (no two near-duplicates), each with an event and a long enough text to fill pages. */
function articles(from: number, n: number): RawArticle[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const place = PLACES[i % PLACES.length];
    const filler = Array.from({ length: 12 }, (_, j) => `Witness ${i}-${j} described the scene on street ${(i * 31 + j * 7) % 997} in detail.`).join(' ');
    return { uid: `report-${i}`, url: null, source: `outlet-${i % 5}`, title: null, byline: null, published: '2021-06-0' + (1 + (i % 9)),
      text: `Gunmen attacked a checkpoint in ${place} on Tuesday, killing ${1 + (i % 7)} soldiers, officials said (${i}). ${filler}` };
  });
}

const count = (db: DB, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function fullStore(): { db: DB; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'casus-full-')), 'casus.db');
  const db = openStore(file);
  ingestAll(db, articles(0, 20), resources(), emptySummary(), 10, file);
  // Room for a few more pages only: the next batches run out of space part-way.
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages + 6}`);
  return { db, file };
}

describe('a full disk', () => {
  it('rolls back the batch in progress, says so, keeps what was stored, and a rerun adds no duplicates', () => {
    const { db, file } = fullStore();
    const before = { articles: count(db, 'articles'), events: count(db, 'events') };
    expect(before.articles).toBe(20);
    const summary = emptySummary();
    let error: unknown = null;
    try {
      ingestAll(db, articles(20, 200), resources(), summary, 10, file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).kind).toBe('full');
    expect((error as Error).message).toMatch(/cannot write to .*casus\.db: the disk is full .*articles \d+ to \d+ were not stored, everything stored before them is kept/);
    // Whole batches only: what the summary says was committed is exactly what the store holds.
    const stored = count(db, 'articles');
    expect(stored).toBe(before.articles + summary.new);
    expect(summary.new % 10).toBe(0);
    expect(stored).toBeLessThan(220);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const orphans = db.prepare('SELECT COUNT(*) AS n FROM events WHERE article_id NOT IN (SELECT id FROM articles)').get() as { n: number };
    expect(orphans.n).toBe(0);
    // Every stored article kept its events (each report has an attack).
    const bare = db.prepare("SELECT COUNT(*) AS n FROM articles a WHERE a.duplicate_of IS NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id)").get() as { n: number };
    expect(bare.n).toBe(0);

    // Room again: the same command completes, and nothing is stored twice.
    db.pragma('max_page_count = 1073741823');
    const rerun = emptySummary();
    ingestAll(db, articles(0, 220), resources(), rerun, 10, file);
    expect(rerun.unchanged).toBe(stored);
    expect(count(db, 'articles')).toBe(220);
    expect((db.prepare('SELECT COUNT(DISTINCT uid) AS n FROM articles').get() as { n: number }).n).toBe(220);
    db.close();
  }, 120_000);

  it('makes the API answer 507 with the reason, and keep serving reads', async () => {
    const { db } = fullStore();
    const app = createApp({ db, resources, token: null, allowPrivate: false, webRoot: null, cors: [], postsPerMinute: 1000 });
    const loopback = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    const before = count(db, 'articles');
    let last: Response | null = null;
    for (const a of articles(500, 40)) {
      last = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: a.uid, text: a.text, date: a.published }) }, loopback);
      if (last.status !== 200) break;
    }
    expect(last?.status).toBe(507);
    expect(((await last!.json()) as { error: string }).error).toMatch(/disk is full/);
    expect(count(db, 'articles')).toBeGreaterThanOrEqual(before);
    const read = await app.request('/api/events?limit=5', {}, loopback);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { events: unknown[] }).events.length).toBeGreaterThan(0);
    db.close();
  }, 120_000);
});
