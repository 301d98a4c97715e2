// The store end to end: feeds and pages served from 127.0.0.1, ingested twice; near-duplicates linked,
// incidents clustered across outlets, exports that parse back; and a killed ingest that loses nothing.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'casus.js');
// Asynchronous, so that the test's own HTTP server can answer while the CLI runs.
const run = async (args: string[]): Promise<string> => (await promisify(execFile)(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 64 << 20 })).stdout;

const ODESA_A = 'Russian missiles struck the Ukrainian port of Odesa early on Tuesday, killing three civilians and damaging grain terminals, Ukrainian officials said. The governor said air defences shot down several of the missiles. Ukraine\'s foreign ministry condemned the strike as an attack on global food security.';
const ODESA_A2 = 'Russian missiles struck the Ukrainian port of Odesa early on Tuesday, killing three civilians and damaging grain terminals, Ukrainian officials said. The regional governor said air defences shot down several of the missiles. Ukraine\'s foreign ministry condemned the strike as an attack on global food security.';
const ODESA_B = 'Russia fired missiles at Ukraine on Tuesday, hitting Odesa and killing three people, according to Ukraine\'s emergency service. Rescue teams searched the rubble of a warehouse near the harbour for most of the day.';
const PROTEST = 'Thousands of teachers marched through Nairobi on Monday to demand higher pay, blocking roads near parliament for several hours, union leaders said.';

const page = (title: string, body: string): string =>
  `<!doctype html><html><head><title>${title}</title><meta property="article:published_time" content="2023-07-18T09:00:00Z"></head>
   <body><nav>Home | World | Sport</nav><article><h1>${title}</h1>${body.split('. ').map((s) => `<p>${s.replace(/\.?$/, '.')}</p>`).join('')}</article><footer>© Outlet</footer></body></html>`;

function rss(base: string, items: [string, string][]): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet</title>${items.map(([title, path]) =>
    `<item><title>${title}</title><link>${base}${path}</link><pubDate>Tue, 18 Jul 2023 09:00:00 GMT</pubDate></item>`).join('')}</channel></rss>`;
}

let server: Server;
let base = '';
let notModified = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    const feeds: Record<string, string> = {
      '/a/feed.xml': rss(base, [['Missiles hit Odesa', '/a/odesa.html'], ['Missiles hit Odesa (updated)', '/a/odesa-updated.html'], ['Teachers march', '/a/teachers.html']]),
      '/b/rss.xml': rss(base.replace('127.0.0.1', 'localhost'), [['Russia strikes Odesa', '/b/odesa.html']]),
    };
    if (feeds[url]) {
      if (req.headers['if-none-match'] === `"v1${url}"`) { notModified++; res.writeHead(304).end(); return; }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"v1${url}"` }).end(feeds[url]);
      return;
    }
    const pages: Record<string, string> = {
      '/a/odesa.html': page('Missiles hit Odesa', ODESA_A), '/a/odesa-updated.html': page('Missiles hit Odesa', ODESA_A2),
      '/a/teachers.html': page('Teachers march', PROTEST), '/b/odesa.html': page('Russia strikes Odesa', ODESA_B),
    };
    if (pages[url]) { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[url]); return; }
    res.writeHead(404).end('not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => { server.close(); });

describe('casus ingest from feeds', () => {
  it('stores articles once, links the near-duplicate, clusters the incident across two outlets', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'casus-ingest-')), 'casus.db');
    const first = await run(['ingest', `${base}/a/feed.xml`, `${base.replace('127.0.0.1', 'localhost')}/b/rss.xml`, '--db', db]);
    expect(first).toMatch(/3 new, 0 unchanged, 1 duplicates, 0 failed/);
    const second = await run(['ingest', `${base}/a/feed.xml`, `${base.replace('127.0.0.1', 'localhost')}/b/rss.xml`, '--db', db]);
    expect(second).toMatch(/0 new/);
    expect(notModified).toBe(2);

    const sql = new Database(db, { readonly: true });
    expect((sql.prepare('SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NULL').get() as { n: number }).n).toBe(3);
    expect((sql.prepare('SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NOT NULL').get() as { n: number }).n).toBe(1);
    const incident = sql.prepare(`SELECT * FROM incidents WHERE type = 'ASSAULT' AND actor_country = 'RUS' AND recipient_country = 'UKR'`).all() as { sources: number; mentions: number; killed: number }[];
    expect(incident).toHaveLength(1);
    expect(incident[0]).toMatchObject({ sources: 2, mentions: 3, killed: 3 });
    sql.close();

    const events = JSON.parse(await run(['events', '--db', db, '--dyad', 'Russia,Ukraine', '--type', 'ASSAULT', '--format', 'json'])) as { sources: number; mentions: number }[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ sources: 2, mentions: 3 });
    expect(JSON.parse(await run(['events', '--db', db, '--dyad', 'RUS,UKR', '--type', 'ASSAULT', '--mentions', '--format', 'json']))).toHaveLength(2);
    expect(JSON.parse(await run(['events', '--db', db, '--text', 'teachers pay', '--format', 'json'])).every((e: { type: string }) => e.type === 'PROTEST')).toBe(true);

    const acled = (await run(['export', '--db', db, '--format', 'csv', '--schema', 'acled'])).trim().split('\n');
    const acledHead = acled[0].split(',');
    for (const c of ['event_date', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'inter2', 'interaction', 'location', 'latitude', 'longitude', 'geo_precision', 'time_precision', 'fatalities', 'notes', 'source']) expect(acledHead).toContain(c);
    expect(acled.length).toBeGreaterThan(1);
    const cameo = (await run(['export', '--db', db, '--format', 'jsonl', '--schema', 'cameo'])).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const strike = cameo.find((r) => r.Actor1CountryCode === 'RUS' && r.EventRootCode === '19' || r.Actor1CountryCode === 'RUS' && String(r.EventCode).startsWith('1'));
    expect(strike).toMatchObject({ NumSources: 2, NumMentions: 3, QuadClass: 4 });
    for (const c of ['SQLDATE', 'Actor1Code', 'Actor2Code', 'EventCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'SOURCEURL']) expect(Object.keys(cameo[0])).toContain(c);
    const polecat = (await run(['export', '--db', db, '--format', 'csv', '--schema', 'polecat'])).split('\n')[0];
    expect(polecat).toContain('Event Type');
  });
});

describe('reading while an ingest writes', () => {
  it('never sees "database is locked"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-wal-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: `w-${i}`, date: '2020-03-14', text: `Gunmen attacked a checkpoint in Diyala on Friday, killing ${i % 5 + 1} soldiers (${i}).` })).join('\n'));
    const db = join(dir, 'casus.db');
    const writer = spawn(process.execPath, [CLI, 'ingest', input, '--db', db, '--batch-size', '5'], { stdio: 'ignore' });
    // The writers create the file; wait for its schema before reading.
    for (let i = 0; i < 200 && !existsSync(db); i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 300));
    const reader = new Database(db, { readonly: true });
    reader.pragma('busy_timeout = 10000');
    let reads = 0;
    const errors: string[] = [];
    const done = once(writer, 'exit');
    let finished = false;
    void done.then(() => { finished = true; });
    while (!finished) {
      try { reader.prepare('SELECT COUNT(*) AS n FROM events WHERE factual = 1').get(); reads++; } catch (err) { errors.push((err as Error).message); }
      await new Promise((r) => setTimeout(r, 5));
    }
    reader.close();
    expect(errors).toEqual([]);
    expect(reads).toBeGreaterThan(5);
  }, 180_000);
});

describe('casus ingest --workers', () => {
  it('stores the same articles, events and incidents with two worker threads as with none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-iw-'));
    const input = join(dir, 'in.jsonl');
    const pool = [ODESA_A, ODESA_B, PROTEST, 'Gunmen ambushed a police patrol near Kirkuk on Sunday, killing three officers.',
      'Turkish jets struck Kurdish fighters in northern Iraq on Saturday.', 'The European Union imposed sanctions on Belarusian officials on Friday.',
      'Israel and Hamas agreed to a ceasefire brokered by Egypt on Thursday.', 'Houthi rebels fired a missile at a tanker in the Red Sea on Wednesday.',
      'Police arrested forty protesters in Minsk on Monday.', 'Iran accused the United States of piracy on Tuesday.', 'Pakistan expelled two Indian diplomats.'];
    // Three reports per article, combined differently: distinct stories, a few of them told twice (duplicates) and some bad lines.
    const text = (i: number): string => (i % 13 === 5 ? '' : [pool[i % 11], pool[(i * 5 + 3) % 11], pool[(i * 7 + 1) % 11]].join(' '));
    writeFileSync(input, Array.from({ length: 60 }, (_, i) => JSON.stringify({ id: `w-${i}`, date: '2023-07-18', source: `outlet-${i % 4}`, text: text(i % 45) })).join('\n'));
    const dump = (db: string): unknown => {
      const sql = new Database(db, { readonly: true });
      const out = {
        articles: sql.prepare('SELECT uid, source, duplicate_of IS NOT NULL AS dup FROM articles ORDER BY uid').all(),
        events: sql.prepare('SELECT e.id, e.type, e.record, a.uid FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.id').all(),
        incidents: sql.prepare('SELECT COUNT(*) AS n FROM incidents').get(),
      };
      sql.close();
      return out;
    };
    const one = await run(['ingest', input, '--db', join(dir, 'one.db'), '--workers', '1', '--batch-size', '7']);
    const two = await run(['ingest', input, '--db', join(dir, 'two.db'), '--workers', '2', '--batch-size', '7']);
    expect(two).toBe(one);
    expect(one).toMatch(/failed/);
    expect(dump(join(dir, 'two.db'))).toEqual(dump(join(dir, 'one.db')));
    expect((dump(join(dir, 'one.db')) as { events: unknown[] }).events.length).toBeGreaterThan(20);
  }, 120_000);
});

describe('casus ingest --workers, a worker out of memory', () => {
  it('fails that article with the reason and stores the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-iw-oom-'));
    const input = join(dir, 'in.jsonl');
    let huge = '';
    for (let k = 0; huge.length < 1_900_000; k++) huge += `${ODESA_B.replace('three', String(k))}\n\n${PROTEST.replace('Monday', `day ${k}`)}\n\n`;
    writeFileSync(input, [JSON.stringify({ id: 'first', text: ODESA_A, date: '2023-07-18' }), JSON.stringify({ id: 'huge', text: huge, date: '2023-07-18' }),
      JSON.stringify({ id: 'last', text: PROTEST, date: '2023-07-18' })].join('\n'));
    process.env.CASUS_WORKER_HEAP_MB = '96';
    try {
      const out = await run(['ingest', input, '--db', join(dir, 'casus.db'), '--workers', '2']);
      expect(out).toMatch(/ingested: 2 new, 0 unchanged, 0 duplicates, 1 failed/);
      expect(out).toMatch(/failed: huge: the coder ran out of memory on this article \(worker heap 96 MB\)/);
    } finally {
      delete process.env.CASUS_WORKER_HEAP_MB;
    }
  }, 120_000);
});

describe('an ingest killed mid-way', () => {
  it('leaves a database that opens, passes integrity_check, and a rerun completes without duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-kill-'));
    const input = join(dir, 'in.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 600; i++) lines.push(JSON.stringify({ id: `doc-${i}`, date: '2020-03-14', source: `outlet-${i % 7}`, text: `Report ${i}: militants attacked a police post in Kirkuk on Thursday, killing ${i % 9 + 1} officers, and protesters marched in Basra demanding jobs (${i}).` }));
    writeFileSync(input, lines.join('\n'));
    const db = join(dir, 'casus.db');
    const child = spawn(process.execPath, [CLI, 'ingest', input, '--db', db, '--batch-size', '20'], { stdio: 'ignore' });
    const started = Date.now();
    // Kill once some batches are committed (or after a bound, whichever first).
    while (Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 150));
      try {
        const probe = new Database(db, { readonly: true, fileMustExist: true });
        const n = (probe.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
        probe.close();
        if (n >= 40) break;
      } catch { /* not created yet */ }
    }
    child.kill('SIGKILL');
    await once(child, 'exit');
    const sql = new Database(db);
    expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
    const before = (sql.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    sql.close();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(600);
    await run(['ingest', input, '--db', db]);
    const after = new Database(db, { readonly: true });
    expect((after.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(600);
    expect((after.prepare('SELECT COUNT(DISTINCT uid) AS n FROM articles').get() as { n: number }).n).toBe(600);
    after.close();
  });
});
