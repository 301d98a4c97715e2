// HTML pages to article text: the main text by Mozilla's Readability over a linkedom DOM, kept
// paragraph by paragraph, with title, byline and publication time from the page's metadata.
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';

// linkedom takes ~0.2 s to load; plain-text coding never needs it, so it is loaded on the first page.
const require = createRequire(import.meta.url);
let linkedom: typeof import('linkedom') | null = null;
/** linkedom, loaded on first use. */
export function dom(): typeof import('linkedom') {
  linkedom ??= require('linkedom') as typeof import('linkedom');
  return linkedom;
}
const parseHTML = (html: string): ReturnType<typeof import('linkedom')['parseHTML']> => dom().parseHTML(html);

export interface PageText { title: string | null; byline: string | null; published: string | null; text: string }

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td';

/** Extract the readable article from an HTML document. */
export function htmlToArticle(html: string): PageText {
  const { document } = parseHTML(html);
  const published = publishedTime(document);
  const metaTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? document.querySelector('title')?.textContent ?? null;
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  } catch {
    parsed = null;
  }
  const contentHtml = parsed?.content ?? '';
  let text = paragraphs(contentHtml) || clean(parsed?.textContent ?? '');
  // Readability gives up on odd pages (deep nesting, no article element): then the body's own text.
  if (text.length < 40) {
    // Readability rewrites the DOM it reads, so the fallback reads a fresh parse.
    const fresh = parseHTML(html).document;
    text = paragraphs(fresh.body?.innerHTML ?? '') || clean(fresh.body?.textContent ?? '');
  }
  return { title: clean(parsed?.title ?? metaTitle ?? '') || null, byline: parsed?.byline ? clean(parsed.byline) : null, published, text };
}

function paragraphs(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    const t = clean(el.textContent ?? '');
    if (t) parts.push(t);
  }
  return parts.join('\n\n');
}

function clean(s: string): string {
  // Line by line rather than /\s*\n\s*/, which moves super-linearly over long runs of spaces.
  return s.replace(/[ \t\r\f\v\u00a0]+/g, ' ').split('\n').map((line) => line.trim()).join('\n').replace(/\n{2,}/g, '\n').trim();
}

interface QueryDoc { querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null; querySelectorAll(sel: string): Iterable<{ textContent: string | null }> }

/** The publication date (YYYY-MM-DD) from meta tags, <time> or JSON-LD. */
function publishedTime(document: QueryDoc): string | null {
  const candidates = [
    document.querySelector('meta[property="article:published_time"]')?.getAttribute('content'),
    document.querySelector('meta[name="date"]')?.getAttribute('content'),
    document.querySelector('meta[name="pubdate"]')?.getAttribute('content'),
    document.querySelector('meta[itemprop="datePublished"]')?.getAttribute('content'),
    document.querySelector('time[datetime]')?.getAttribute('datetime'),
  ];
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(s.textContent ?? '');
    if (m) candidates.push(m[1]);
  }
  for (const c of candidates) {
    const d = toIsoDate(c);
    if (d) return d;
  }
  return null;
}

/** YYYY-MM-DD from an ISO or RFC 822 timestamp, or null. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (iso) return iso[1];
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
}
