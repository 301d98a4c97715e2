// Stage 0, articles: expand inputs (files, folders, JSONL/JSON, HTML, URLs, RSS/Atom feeds) into raw articles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { splitHeader } from './header.js';
import { parseFeed, isFeed } from './feed.js';
import { htmlToArticle, toIsoDate } from './html.js';
import { decode, DEFAULT_FETCH, politeFetch, type FetchOptions } from './fetch.js';
import type { RawArticle, ReadFailure } from './types.js';

export type { RawArticle, ReadFailure } from './types.js';
export { contentHash, simhash, hamming, shingles, jaccard } from './fingerprint.js';

export interface ReadOptions {
  source?: string | null;
  date?: string | null;
  fetch?: FetchOptions;
  /** conditional-request state of feeds already seen */
  feedState?: (url: string) => { etag: string | null; lastModified: string | null } | null;
  onFeed?: (url: string, etag: string | null, lastModified: string | null) => void;
  /** reading a folder: JSON files that hold no article records are other data, passed over */
  inFolder?: boolean;
}

export interface ReadResult { articles: RawArticle[]; failures: ReadFailure[] }

const TEXT_EXT = new Set(['.txt', '.text', '.md']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const JSON_EXT = new Set(['.jsonl', '.ndjson', '.json']);
const FEED_EXT = new Set(['.rss', '.atom', '.xml']);

/** Read one input (path or URL) into articles; failures are reported, never thrown. */
export async function readInput(input: string, opt: ReadOptions = {}): Promise<ReadResult> {
  if (/^https?:\/\//i.test(input)) return readUrl(input, opt);
  let st;
  try { st = statSync(input); } catch (err) { return fail(input, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`); }
  if (st.isDirectory()) {
    const out: ReadResult = { articles: [], failures: [] };
    for (const file of walk(input)) {
      const r = await readInput(file, { ...opt, inFolder: true });
      out.articles.push(...r.articles);
      out.failures.push(...r.failures);
    }
    return out;
  }
  return readFile(input, opt);
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if ([...TEXT_EXT, ...HTML_EXT, ...JSON_EXT, ...FEED_EXT].includes(extname(name).toLowerCase())) yield p;
  }
}

function fail(input: string, reason: string): ReadResult {
  return { articles: [], failures: [{ input, reason }] };
}

async function readFile(path: string, opt: ReadOptions): Promise<ReadResult> {
  const ext = extname(path).toLowerCase();
  const body = decode(readFileSync(path), '');
  if (JSON_EXT.has(ext)) return readRecords(body, path, opt);
  if (HTML_EXT.has(ext)) return { articles: [fromHtml(body, path, null, opt)], failures: [] };
  if (FEED_EXT.has(ext) || isFeed(body)) return readFeedBody(body, path, opt);
  const { text, meta } = splitHeader(body);
  return { articles: [{ uid: relative('.', path), url: null, source: opt.source ?? meta.source ?? null, title: firstLine(text), byline: null, published: meta.date ?? opt.date ?? null, text }], failures: [] };
}

function firstLine(text: string): string | null {
  const line = text.trim().split('\n')[0] ?? '';
  return line ? line.slice(0, 160) : null;
}

function fromHtml(html: string, uid: string, url: string | null, opt: ReadOptions): RawArticle {
  const page = htmlToArticle(html);
  return { uid, url, source: opt.source ?? (url ? new URL(url).hostname : null), title: page.title, byline: page.byline, published: page.published ?? opt.date ?? null, text: page.text };
}

/** JSONL (or a JSON array) of {id?, url?, title?, text, date?, source?} records. */
function readRecords(body: string, path: string, opt: ReadOptions): ReadResult {
  const out: ReadResult = { articles: [], failures: [] };
  const trimmed = body.trim();
  const records: { value: unknown; where: string }[] = [];
  if (trimmed.startsWith('[')) {
    try { (JSON.parse(trimmed) as unknown[]).forEach((value, i) => records.push({ value, where: `${path}[${i}]` })); } catch (err) { return fail(path, `not valid JSON: ${(err as Error).message}`); }
  } else {
    body.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try { records.push({ value: JSON.parse(line), where: `${path}:${i + 1}` }); } catch (err) { out.failures.push({ input: `${path}:${i + 1}`, reason: `not valid JSON: ${(err as Error).message}` }); }
    });
  }
  // A JSON file in a folder whose records have no "text" is some other data (e.g. golden outputs).
  if (opt.inFolder && records.length && records.every(({ value }) => !value || typeof value !== 'object' || typeof (value as Record<string, unknown>).text !== 'string')) return out;
  for (const { value, where } of records) {
    const r = value as Record<string, unknown>;
    if (!r || typeof r !== 'object' || typeof r.text !== 'string') { out.failures.push({ input: where, reason: 'invalid text: a record needs a "text" string' }); continue; }
    const str = (k: string): string | null => (typeof r[k] === 'string' && (r[k] as string).trim() ? (r[k] as string).trim() : null);
    const url = str('url');
    const date = str('date');
    if (date && !toIsoDate(date)) { out.failures.push({ input: where, reason: `invalid date: "${date}"` }); continue; }
    out.articles.push({
      uid: str('id') ?? (typeof r.id === 'number' ? String(r.id) : null) ?? url ?? where, url, source: str('source') ?? opt.source ?? null,
      title: str('title'), byline: null, published: toIsoDate(date) ?? opt.date ?? null, text: r.text as string,
    });
  }
  return out;
}

async function readUrl(url: string, opt: ReadOptions): Promise<ReadResult> {
  const state = opt.feedState?.(url) ?? null;
  let page;
  try {
    page = await politeFetch(url, opt.fetch ?? DEFAULT_FETCH, state ?? undefined);
  } catch (err) {
    return fail(url, (err as Error).message);
  }
  if (page.notModified) return { articles: [], failures: [] };
  if (/xml|rss|atom/i.test(page.contentType) || isFeed(page.body)) {
    opt.onFeed?.(url, page.etag, page.lastModified);
    return readFeedBody(page.body, url, opt);
  }
  if (/json/i.test(page.contentType)) return readRecords(page.body, url, opt);
  if (/text\/plain/i.test(page.contentType)) return { articles: [{ uid: page.url, url: page.url, source: opt.source ?? new URL(page.url).hostname, title: firstLine(page.body), byline: null, published: opt.date ?? null, text: page.body }], failures: [] };
  return { articles: [fromHtml(page.body, page.url, page.url, opt)], failures: [] };
}

/** A feed's items: their own full content when present, else the linked page, fetched. */
async function readFeedBody(xml: string, where: string, opt: ReadOptions): Promise<ReadResult> {
  const out: ReadResult = { articles: [], failures: [] };
  const items = parseFeed(xml);
  if (items.length === 0) return fail(where, 'a feed with no items');
  await Promise.all(items.map(async (it, i) => {
    const uid = it.link ?? it.guid ?? `${where}#${i}`;
    const source = opt.source ?? (it.link && /^https?:/.test(it.link) ? new URL(it.link).hostname : null);
    const content = it.content && it.content.length > 400 ? htmlToArticle(`<html><body>${it.content}</body></html>`).text : null;
    if (content || !it.link || !/^https?:/.test(it.link)) {
      out.articles.push({ uid, url: it.link, source, title: it.title, byline: null, published: it.published ?? opt.date ?? null, text: content ?? htmlToArticle(`<html><body>${it.content ?? ''}</body></html>`).text });
      return;
    }
    const r = await readUrl(it.link, { ...opt, feedState: undefined });
    for (const a of r.articles) out.articles.push({ ...a, title: a.title ?? it.title, published: a.published ?? it.published, source });
    out.failures.push(...r.failures);
  }));
  out.articles.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return out;
}
