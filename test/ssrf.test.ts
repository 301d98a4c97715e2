// SSRF beyond literal addresses: a public first hop that redirects into the private network, and a
// name that answers "public" to the check and "private" to the connection (DNS rebinding). Names are
// resolved by a test resolver; every socket goes to a server on 127.0.0.1 that counts what reaches it.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH, politeFetch } from '../src/article/fetch.js';
import { createApp } from '../src/server/app.js';
import { publicAgent, publicOnly, type Resolve } from '../src/server/guard.js';
import { openStore } from '../src/store/db.js';
import { resources } from './helpers.js';

const PUBLIC = '93.184.216.34';
let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/to-loopback') { res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` }); res.end(); return; }
    if (req.url === '/to-internal-name') { res.writeHead(301, { location: `http://metadata.internal:${port}/secret` }); res.end(); return; }
    if (req.url === '/to-public') { res.writeHead(302, { location: `http://other.example:${port}/story` }); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(req.url === '/secret' ? 'internal credentials' : 'Rebels attacked an army post near Goma on Monday, killing four soldiers.');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => { server.close(); });

/** Public-looking names for the check; "metadata.internal" resolves to a link-local address. */
const names: Resolve = async (host) => (host === 'metadata.internal' ? ['169.254.169.254'] : host.endsWith('.example') ? [PUBLIC] : []);
/** A transport standing in for the internet: every connection lands on the local test server. */
const toLocal = new Agent({ connect: { lookup: ((_h: string, o: { all?: boolean }, cb: (e: null, a: unknown, f?: number) => void) => (o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4))) as never } });
const options = { ...DEFAULT_FETCH, retries: 0, guard: publicOnly(false, names), dispatcher: toLocal };

describe('redirects from a public first hop', () => {
  it('follows a redirect to another public host', async () => {
    const page = await politeFetch(`http://news.example:${port}/to-public`, options);
    expect(page.body).toMatch(/Rebels attacked/);
  });

  it.each([
    ['a loopback address', '/to-loopback', /refused: 127\.0\.0\.1 resolves to a private or loopback address/],
    ['a name that resolves to a link-local address', '/to-internal-name', /refused: metadata\.internal resolves to a private or loopback address \(169\.254\.169\.254\)/],
  ])('refuses the hop to %s, and never requests it', async (_name, path, message) => {
    hits.length = 0;
    await expect(politeFetch(`http://news.example:${port}${path}`, options)).rejects.toThrow(message);
    expect(hits).toEqual([path]);
  });
});

describe('DNS rebinding', () => {
  /** Answers "public" the first time a name is asked, "loopback" after. */
  const rebinding = (): Resolve => {
    const asked = new Set<string>();
    return async (host) => {
      const first = !asked.has(host);
      asked.add(host);
      return [first ? PUBLIC : '127.0.0.1'];
    };
  };

  it('refuses at connect time a name that turned private after the check', async () => {
    hits.length = 0;
    const resolve = rebinding();
    const pinned = { ...DEFAULT_FETCH, retries: 2, guard: publicOnly(false, resolve), dispatcher: publicAgent(resolve) };
    await expect(politeFetch(`http://flip.example:${port}/secret`, pinned)).rejects.toThrow(/refused: flip\.example resolves to a private or loopback address \(127\.0\.0\.1\)/);
    expect(hits).toEqual([]);
  });

  it('makes the API answer 403 and store nothing', async () => {
    hits.length = 0;
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'casus-ssrf-')), 'casus.db'));
    const app = createApp({ db, resources, token: null, allowPrivate: false, webRoot: null, cors: [], postsPerMinute: 1000, resolve: rebinding() });
    const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `http://flip.example:${port}/secret` }) },
      { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/refused: flip\.example/);
    expect(hits).toEqual([]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(0);
    db.close();
  });
});
