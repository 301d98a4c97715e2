// Code view: paste a text, see its events highlighted inline.
import { post, type Ev } from '../api.js';
import { clear, el, eventSpans, highlighted, type Span } from '../dom.js';

export function codeView(root: HTMLElement): void {
  const text = el('textarea', { id: 'code-text', rows: 8, 'aria-label': 'text to code', placeholder: 'Paste a news report…' });
  const date = el('input', { id: 'code-date', type: 'date', 'aria-label': 'publication date' });
  const out = el('section', { id: 'code-output', 'aria-live': 'polite' });
  const run = async (ev: Event): Promise<void> => {
    ev.preventDefault();
    clear(out);
    try {
      const r = await post<{ text: string; events: Ev[] }>('/api/code', { text: text.value, date: date.value || null });
      const spans: Span[] = r.events.flatMap((e) => eventSpans(r.text.slice(e.evidence.start, e.evidence.end), e, e.evidence.start));
      const p = el('div', { class: 'article-text' });
      p.append(highlighted(r.text, spans));
      out.append(p, el('ul', { id: 'code-events' }, ...r.events.map((e) => el('li', {}, `${e.type}${e.context.length ? ` [${e.context.join(', ')}]` : ''}: ${e.actor.map((a) => a.name).join(', ') || '—'} → ${e.recipient.map((a) => a.name).join(', ') || '—'}, ${e.date.value ?? ''}`))));
    } catch (err) {
      out.append(el('p', { class: 'error' }, (err as Error).message));
    }
  };
  root.append(el('h2', {}, 'Code a text'), el('form', { class: 'code-form', onsubmit: (e: Event) => void run(e) }, text, el('div', { class: 'controls' }, el('label', {}, 'Published ', date), el('button', { type: 'submit', id: 'code-run' }, 'Code'))), out);
}
