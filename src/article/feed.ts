// RSS 2.0 and Atom feeds: items with their links, dates and any full content.
import { dom, toIsoDate } from './html.js';

export interface FeedItem { title: string | null; link: string | null; published: string | null; content: string | null; guid: string | null }

/** Whether a body looks like a feed rather than a page. */
export function isFeed(body: string): boolean {
  const head = body.slice(0, 2000).toLowerCase();
  return /<rss[\s>]/.test(head) || /<feed[\s>][^]*xmlns="http:\/\/www\.w3\.org\/2005\/atom"/.test(head) || /<rdf:rdf/.test(head);
}

interface XmlEl { textContent: string | null; getAttribute(n: string): string | null; querySelector(s: string): XmlEl | null; querySelectorAll(s: string): Iterable<XmlEl>; getElementsByTagName(n: string): ArrayLike<XmlEl> }

/** The items of an RSS or Atom feed. */
export function parseFeed(xml: string): FeedItem[] {
  const doc = new (dom().DOMParser)().parseFromString(xml, 'text/xml') as unknown as XmlEl;
  const items = Array.from(doc.getElementsByTagName('item'));
  const entries = Array.from(doc.getElementsByTagName('entry'));
  const text = (el: XmlEl, ...names: string[]): string | null => {
    for (const n of names) {
      const found = el.getElementsByTagName(n)[0];
      const v = found?.textContent?.trim();
      if (v) return v;
    }
    return null;
  };
  if (items.length) {
    return items.map((it) => ({
      title: text(it, 'title'), link: text(it, 'link'), published: toIsoDate(text(it, 'pubDate', 'dc:date')),
      content: text(it, 'content:encoded', 'description'), guid: text(it, 'guid'),
    }));
  }
  return entries.map((en) => {
    const links = Array.from(en.getElementsByTagName('link'));
    const link = (links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0])?.getAttribute('href') ?? null;
    return { title: text(en, 'title'), link, published: toIsoDate(text(en, 'published', 'updated')), content: text(en, 'content', 'summary'), guid: text(en, 'id') };
  });
}
