// Polite HTTP fetching: a timeout, a size cap, capped redirects, a User-Agent, a per-host concurrency
// limit, retries with backoff on transient failures, and conditional requests for feeds.
// undici's own fetch (the one Node bundles, as a package) so that a dispatcher can be passed.
import { fetch, type Dispatcher, type Response } from 'undici';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  perHost: number;
  userAgent: string;
  /** called before each request (and each redirect) with the URL; throw to refuse it */
  guard?: (url: URL) => Promise<void> | void;
  /** the connection pool to use (e.g. one that connects to public addresses only); undici's global one by default */
  dispatcher?: Dispatcher;
}

export const DEFAULT_FETCH: FetchOptions = {
  timeoutMs: 15_000, maxBytes: 5_000_000, maxRedirects: 5, retries: 2, perHost: 2,
  userAgent: 'casus/0.1 (+https://github.com/casus; event coding for research)',
};

export interface Fetched { url: string; status: number; body: string; contentType: string; etag: string | null; lastModified: string | null; notModified: boolean }

export class FetchError extends Error {
  constructor(url: string, message: string, readonly transient = false) { super(`${url}: ${message}`); this.name = 'FetchError'; }
}

const active = new Map<string, number>();
const waiting = new Map<string, (() => void)[]>();

async function acquire(host: string, limit: number): Promise<void> {
  if ((active.get(host) ?? 0) < limit) { active.set(host, (active.get(host) ?? 0) + 1); return; }
  await new Promise<void>((resolve) => waiting.set(host, [...(waiting.get(host) ?? []), resolve]));
  active.set(host, (active.get(host) ?? 0) + 1);
}

function release(host: string): void {
  active.set(host, (active.get(host) ?? 1) - 1);
  const next = waiting.get(host)?.shift();
  if (next) next();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** GET a URL politely; `conditional` sends If-None-Match / If-Modified-Since. */
export async function politeFetch(url: string, opt: FetchOptions = DEFAULT_FETCH, conditional?: { etag?: string | null; lastModified?: string | null }): Promise<Fetched> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= opt.retries; attempt++) {
    if (attempt > 0) await sleep(200 * 2 ** (attempt - 1));
    try {
      return await fetchOnce(url, opt, conditional);
    } catch (err) {
      lastError = err;
      if (!(err instanceof FetchError) || !err.transient) throw err;
    }
  }
  throw lastError;
}

async function fetchOnce(start: string, opt: FetchOptions, conditional?: { etag?: string | null; lastModified?: string | null }): Promise<Fetched> {
  let url = start;
  for (let hop = 0; hop <= opt.maxRedirects; hop++) {
    let parsed: URL;
    try { parsed = new URL(url); } catch { throw new FetchError(url, 'not a valid URL'); }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchError(url, `unsupported protocol ${parsed.protocol}`);
    await opt.guard?.(parsed);
    await acquire(parsed.host, opt.perHost);
    try {
      const headers: Record<string, string> = { 'user-agent': opt.userAgent, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5' };
      if (conditional?.etag) headers['if-none-match'] = conditional.etag;
      if (conditional?.lastModified) headers['if-modified-since'] = conditional.lastModified;
      const res = await fetch(parsed, { redirect: 'manual', headers, signal: AbortSignal.timeout(opt.timeoutMs), dispatcher: opt.dispatcher }).catch((err: Error) => {
        // A connection refused by the dispatcher's address check is final, not a network hiccup to retry.
        const cause = err.cause instanceof Error ? err.cause : null;
        if (cause?.name === 'ForbiddenAddress') throw new FetchError(url, cause.message);
        throw new FetchError(url, err.name === 'TimeoutError' ? `no answer within ${opt.timeoutMs} ms` : err.message, true);
      });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        url = new URL(res.headers.get('location')!, parsed).toString();
        await res.body?.cancel();
        continue;
      }
      const meta = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), contentType: res.headers.get('content-type') ?? '' };
      if (res.status === 304) return { url, status: 304, body: '', ...meta, notModified: true };
      if (res.status >= 500 || res.status === 429) { await res.body?.cancel(); throw new FetchError(url, `HTTP ${res.status}`, true); }
      if (res.status >= 400) { await res.body?.cancel(); throw new FetchError(url, `HTTP ${res.status}`); }
      const body = await readCapped(res, url, opt.maxBytes);
      return { url, status: res.status, body, ...meta, notModified: false };
    } finally {
      release(parsed.host);
    }
  }
  throw new FetchError(start, `more than ${opt.maxRedirects} redirects`);
}

async function readCapped(res: Response, url: string, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) { await res.body?.cancel(); throw new FetchError(url, `body of ${declared} bytes is over the limit of ${max}`); }
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) { await reader.cancel(); throw new FetchError(url, `body over the limit of ${max} bytes`); }
    chunks.push(value);
  }
  return decode(Buffer.concat(chunks), res.headers.get('content-type') ?? '');
}

/** Bytes to text by BOM, then the declared charset, then UTF-8. */
export function decode(buf: Buffer, contentType: string): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const declared = /charset=([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(buf.subarray(0, 2048).toString('latin1'))?.[1];
  const label = (declared ?? 'utf-8').toLowerCase();
  if (/^(windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(label)) return cp1252(buf);
  try {
    return new TextDecoder(label).decode(buf);
  } catch {
    return new TextDecoder('utf-8').decode(buf);
  }
}

/** Windows-1252 (which browsers also use for "ISO-8859-1"): bytes 0x80–0x9F are punctuation, not C1 controls. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function cp1252(buf: Buffer): string {
  let out = '';
  for (const b of buf) out += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
  return out;
}
