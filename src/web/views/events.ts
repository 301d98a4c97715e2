// Events view: a filterable table; each row opens its evidence sentence with actor, recipient and
// trigger highlighted, and a link to the article.
import { get, type Ev } from '../api.js';
import { clear, el, eventSpans, highlighted } from '../dom.js';

const TYPES = ['', 'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

export async function eventsView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const field = (name: string, label: string, type = 'text'): HTMLInputElement => el('input', { name, type, value: params.get(name) ?? '', 'aria-label': label, placeholder: label });
  const type = el('select', { name: 'type', 'aria-label': 'event type' }, ...TYPES.map((t) => el('option', { value: t, selected: t === (params.get('type') ?? '') }, t || 'any type')));
  const inputs = [field('actor', 'actor'), field('recipient', 'recipient'), field('text', 'full text'), field('since', 'since', 'date'), field('until', 'until', 'date')];
  const form = el('form', { class: 'controls', id: 'event-filters', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const q = new URLSearchParams();
    for (const i of [...inputs, type]) if (i.value) q.set(i.name, i.value);
    location.hash = `#events?${q}`;
  } }, ...inputs, type, el('button', { type: 'submit' }, 'Filter'));
  const table = el('table', { id: 'events-table' });
  const evidence = el('section', { id: 'evidence', 'aria-live': 'polite' });
  root.append(el('h2', {}, 'Events'), form, el('div', { class: 'events-grid' }, table, evidence));

  const query: Record<string, string> = {};
  for (const k of ['actor', 'recipient', 'text', 'since', 'until', 'type']) { const v = params.get(k); if (v) query[k] = v; }
  const { events } = await get<{ events: Ev[] }>('/api/events', { ...query, limit: 300 });
  table.append(el('caption', {}, `${events.length} incidents`),
    el('thead', {}, el('tr', {}, ...['date', 'type', 'actor', 'recipient', 'place', 'killed', 'sources', 'article'].map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  events.forEach((e) => {
    const open = (): void => showEvidence(evidence, e);
    const row = el('tr', { tabindex: 0, 'data-id': e.id, onclick: open, onkeydown: (k: Event) => { if ((k as KeyboardEvent).key === 'Enter') open(); } },
      el('td', {}, e.date.value ?? ''), el('td', {}, e.type), el('td', {}, e.actor.map((a) => a.name).join(', ') || '—'),
      el('td', {}, e.recipient.map((a) => a.name).join(', ') || '—'), el('td', {}, e.location?.name ?? ''), el('td', {}, e.fatalities.killed === null ? '' : String(e.fatalities.killed)),
      el('td', {}, String(e.sources ?? 1)), el('td', {}, e.title ?? e.source ?? ''));
    body.append(row);
  });
  table.append(body);
}

function showEvidence(box: HTMLElement, e: Ev): void {
  clear(box);
  const p = el('p', { class: 'evidence-text' });
  p.append(highlighted(e.evidence.text, eventSpans(e.evidence.text, e)));
  box.append(...([el('h3', {}, `${e.type}${e.mode ? ` (${e.mode})` : ''}, ${e.date.value ?? 'undated'}`), p,
    el('p', { class: 'legend' }, el('mark', { class: 'actor' }, 'actor'), ' ', el('mark', { class: 'recipient' }, 'recipient'), ' ', el('mark', { class: 'trigger' }, 'trigger')),
    e.article ? el('a', { href: `#article?id=${e.article}` }, 'Open the article') : null,
    e.url && /^https?:\/\//.test(e.url) ? el('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank' }, ' (source)') : null] as (HTMLElement | null)[]).filter((n): n is HTMLElement => n !== null));
}

export async function articleView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const id = params.get('id');
  const a = await get<{ title: string | null; source: string | null; published: string | null; text: string; events: Ev[] }>(`/api/articles/${encodeURIComponent(id ?? '')}`);
  const p = el('div', { class: 'article-text' });
  p.append(highlighted(a.text, a.events.flatMap((e) => eventSpans(a.text.slice(e.evidence.start, e.evidence.end), e, e.evidence.start))));
  root.append(el('h2', {}, a.title ?? 'Article'), el('p', { class: 'meta' }, `${a.source ?? ''} ${a.published ?? ''}`), p);
}
