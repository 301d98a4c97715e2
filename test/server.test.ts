// The API's edges: validation, parameterised SQL under injection strings, tokens, loopback-only
// writes, the SSRF guard, body limits, rate limits and security headers.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/server/app.js';
import { openStore, StoreError, type DB } from '../src/store/db.js';
import { emptySummary, ingestBatch } from '../src/store/ingest.js';
import { resources } from './helpers.js';

let db: DB;
const loopback = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const remote = { incoming: { socket: { remoteAddress: '203.0.113.7' } } };

function app(options: { token?: string | null; posts?: number } = {}) {
  return createApp({ db, resources, token: options.token ?? null, allowPrivate: false, webRoot: null, cors: [], postsPerMinute: options.posts ?? 1000 });
}

beforeAll(() => {
  db = openStore(join(mkdtempSync(join(tmpdir(), 'casus-api-')), 'casus.db'));
  ingestBatch(db, [
    { uid: 'a', url: null, source: 'x', title: 'Strike', byline: null, published: '2020-01-03', text: 'A US drone strike near Baghdad airport killed Qassem Soleimani on Friday.' },
    { uid: 'b', url: null, source: 'y', title: 'March', byline: null, published: '2020-01-06', text: 'Thousands of Iraqis marched in Baghdad on Monday against the strike.' },
  ], resources(), emptySummary());
});
afterAll(() => db.close());

const count = (): number => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

describe('API validation and SQL', () => {
  const INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE events; --', 'USA) OR (1=1', "%' UNION SELECT record FROM events --", '\u0000', 'Robert\'); DROP TABLE articles;--', '* NEAR "x" OR', '"unterminated'];

  it.each(['actor', 'recipient', 'country', 'text'])('treats injection strings in %s as plain values', async (field) => {
    const before = count();
    for (const s of INJECTIONS) {
      const res = await app().request(`/api/events?${new URLSearchParams({ [field]: s })}`, {}, loopback);
      expect([200, 400]).toContain(res.status);
      if (res.status === 200) expect(Array.isArray(((await res.json()) as { events: unknown[] }).events)).toBe(true);
    }
    expect(count()).toBe(before);
  });

  it.each([
    ['/api/events?since=2020-13-01x', 'invalid since'],
    ['/api/events?limit=0', 'invalid limit'],
    ['/api/events?type=BOMB', 'invalid type'],
    ['/api/events?bogus=1', 'unknown field: bogus'],
    ['/api/series?dyad=USA', 'invalid dyad'],
    ['/api/forecast?dyad=USA,IRN&horizon=-3', 'invalid horizon'],
    ['/api/actors', 'invalid q'],
    ['/api/articles/abc', 'invalid id'],
  ])('%s → 400 naming the field', async (path, message) => {
    const res = await app().request(path, {}, loopback);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(message);
  });

  it('rejects a body that is not JSON, or has unknown fields', async () => {
    const bad = await app().request('/api/code', { method: 'POST', body: 'not json', headers: { 'content-type': 'application/json' } }, loopback);
    expect(bad.status).toBe(400);
    const extra = await app().request('/api/code', { method: 'POST', body: JSON.stringify({ text: 'x', evil: 1 }), headers: { 'content-type': 'application/json' } }, loopback);
    expect(((await extra.json()) as { error: string }).error).toContain('unknown field: evil');
  });

  it('sends security headers', async () => {
    const res = await app().request('/api/openapi.json', {}, loopback);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await res.json()) as { paths: Record<string, unknown> }).paths['/api/events']).toBeDefined();
  });
});

describe('API writes', () => {
  const ingest = (body: unknown, env = loopback, headers: Record<string, string> = {}) => app({ token: headers.token ?? null }).request('/api/ingest', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(headers.auth ? { authorization: headers.auth } : {}) } }, env);

  it('takes writes from this machine only, when no token is set', async () => {
    expect((await ingest({ text: 'Protesters marched in Basra on Friday.' }, remote)).status).toBe(403);
    expect((await ingest({ text: 'Protesters marched in Basra on Friday.' }, loopback)).status).toBe(200);
  });

  it('needs the token when one is set', async () => {
    expect((await ingest({ text: 'Police arrested ten activists in Basra.' }, remote, { token: 's3cret' })).status).toBe(401);
    expect((await ingest({ text: 'Police arrested ten activists in Basra.' }, remote, { token: 's3cret', auth: 'Bearer wrong' })).status).toBe(401);
    expect((await ingest({ text: 'Police arrested ten activists in Basra.' }, remote, { token: 's3cret', auth: 'Bearer s3cret' })).status).toBe(200);
  });

  it.each(['http://127.0.0.1:9/feed', 'http://localhost/feed', 'http://[::1]/x', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.5/'])('refuses to fetch %s', async (url) => {
    const res = await ingest({ url });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/private|loopback|resolve/);
  });

  it('caps request bodies and rate-limits POSTs', async () => {
    const big = await app().request('/api/code', { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(3_000_000) }), headers: { 'content-type': 'application/json' } }, loopback);
    expect(big.status).toBe(413);
    const limited = app({ posts: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.request('/api/code', { method: 'POST', body: JSON.stringify({ text: 'Iran condemned the strike.' }), headers: { 'content-type': 'application/json' } }, loopback)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('the store under failure', () => {
  it('gives a clear error for a database it cannot write, and loses nothing stored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-ro-'));
    const file = join(dir, 'casus.db');
    const first = openStore(file);
    ingestBatch(first, [{ uid: 'keep', url: null, source: null, title: null, byline: null, published: '2020-01-01', text: 'Iran condemned the strike on Monday.' }], resources(), emptySummary());
    first.close();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    try {
      if (process.getuid?.() === 0) return; // root writes through permissions; the read-only open below still holds
      expect(() => { const w = openStore(file); ingestBatch(w, [{ uid: 'x', url: null, source: null, title: null, byline: null, published: null, text: 'x y z' }], resources(), emptySummary()); }).toThrow();
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(file, 0o644);
      const r = openStore(file, { readonly: true });
      expect((r.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(1);
      r.close();
    }
  });

  it('names the file when the database is not a database', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'casus-bad-')), 'casus.db');
    writeFileSync(file, 'this is not sqlite '.repeat(100));
    expect(() => openStore(file)).toThrow(StoreError);
    expect(() => openStore(file)).toThrow(/casus\.db/);
  });
});
