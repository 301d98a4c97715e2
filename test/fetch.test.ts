// The fetch limits, each with a clear error: redirects, answer time, body size (declared and
// streamed); transient failures retried, final ones not. A server on 127.0.0.1 plays every part.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FETCH, politeFetch } from '../src/article/fetch.js';

let server: Server;
let base = '';
let flaky = 0;
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.startsWith('/loop/')) { res.writeHead(302, { location: `/loop/${Number(path.slice(6)) + 1}` }).end(); return; }
    if (path === '/slow') { setTimeout(() => res.end('late'), 2_000).unref(); return; }
    if (path === '/declared-big') { res.writeHead(200, { 'content-length': String(3_000) }).end('x'.repeat(3_000)); return; }
    if (path === '/streamed-big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(500));
      res.end();
      return;
    }
    if (path === '/flaky') { flaky++; if (flaky < 3) { res.writeHead(503).end(); return; } res.end('Rebels shelled Goma.'); return; }
    if (path === '/gone') { res.writeHead(404).end(); return; }
    res.end('ok');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => { server.closeAllConnections(); server.close(); });

const opt = { ...DEFAULT_FETCH, retries: 0, maxBytes: 2_000, maxRedirects: 5, timeoutMs: 300 };

describe('fetch limits', () => {
  it('stops after the redirect limit, naming it', async () => {
    await expect(politeFetch(`${base}/loop/0`, opt)).rejects.toThrow(/loop\/0: more than 5 redirects/);
    expect(hits.get('/loop/6')).toBeUndefined();
  });

  it('gives up on a server that does not answer in time', async () => {
    await expect(politeFetch(`${base}/slow`, opt)).rejects.toThrow(/slow: no answer within 300 ms/);
  });

  it.each([
    ['declared in Content-Length', '/declared-big', /body of 3000 bytes is over the limit of 2000/],
    ['only seen while reading', '/streamed-big', /body over the limit of 2000 bytes/],
  ])('refuses a body over the size limit %s', async (_name, path, message) => {
    await expect(politeFetch(`${base}${path}`, opt)).rejects.toThrow(message);
  });

  it('retries a transient failure and not a final one', async () => {
    const page = await politeFetch(`${base}/flaky`, { ...opt, retries: 2 });
    expect(page.body).toBe('Rebels shelled Goma.');
    expect(hits.get('/flaky')).toBe(3);
    await expect(politeFetch(`${base}/gone`, { ...opt, retries: 2 })).rejects.toThrow(/gone: HTTP 404/);
    expect(hits.get('/gone')).toBe(1);
  });

  it('refuses what is not http or https', async () => {
    await expect(politeFetch('file:///etc/passwd', opt)).rejects.toThrow(/unsupported protocol file:/);
    await expect(politeFetch('not a url', opt)).rejects.toThrow(/not a valid URL/);
  });
});
