// Dyad view: two actors, their weekly conflict-cooperation by quad class (proxy share marked), chain
// links, change-point alerts, the ladder level and the forecast.
import * as Plot from '@observablehq/plot';
import { get, QUAD_COLORS, QUAD_NAMES } from '../api.js';
import { clear, el } from '../dom.js';

interface Bucket { start: string; counts: Record<string, number[]>; scores: Record<string, number>; proxy: number; total: number }
interface Link { date: string; from: string; to: string; type: string; proxy: boolean; text: string; lagDays: number | null }
interface Ladder { week: string; level: number; label: string }

export async function dyadView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const a = params.get('a') ?? 'USA', b = params.get('b') ?? 'IRN';
  const list = el('datalist', { id: 'actor-options' });
  const inputA = el('input', { id: 'dyad-a', value: a, list: 'actor-options', 'aria-label': 'first actor', autocomplete: 'off' });
  const inputB = el('input', { id: 'dyad-b', value: b, list: 'actor-options', 'aria-label': 'second actor', autocomplete: 'off' });
  const suggest = async (input: HTMLInputElement): Promise<void> => {
    if (input.value.length < 2) return;
    const r = await get<{ actors: { id: string; name: string }[] }>('/api/actors', { q: input.value }).catch(() => ({ actors: [] }));
    clear(list);
    for (const x of r.actors) list.append(el('option', { value: x.name }, x.id));
  };
  inputA.addEventListener('input', () => void suggest(inputA));
  inputB.addEventListener('input', () => void suggest(inputB));
  const form = el('form', { class: 'controls', onsubmit: (ev: Event) => { ev.preventDefault(); location.hash = `#dyad?a=${encodeURIComponent(inputA.value)}&b=${encodeURIComponent(inputB.value)}`; } },
    el('label', {}, 'Actor ', inputA), el('label', {}, ' and ', inputB), el('button', { type: 'submit' }, 'Show'), list);
  const chart = el('figure', { id: 'dyad-chart', 'aria-label': 'weekly events by quad class' });
  const side = el('aside', { class: 'side' });
  root.append(el('h2', {}, 'Dyad'), form, el('div', { class: 'dyad-grid' }, chart, side));

  const q = `${a},${b}`;
  const [series, chains, esc, fc] = await Promise.all([
    get<{ dyad: string[]; series: Bucket[] }>('/api/series', { dyad: q, interval: 'week' }),
    get<{ chains: { links: Link[] }[]; meanLagDays: number | null }>('/api/chains', { dyad: q }),
    get<{ ladder: Ladder[]; alerts: { week: string; direction: string }[] }>('/api/escalation', { dyad: q }),
    get<{ note: string | null; probability: { side: string; hawkes: number | null; low: number | null; high: number | null; poisson: number }[]; fit: { branching: number } | null }>('/api/forecast', { dyad: q }),
  ]);
  const [x, y] = series.dyad;
  const rows = series.series.flatMap((w) => [`${x}>${y}`, `${y}>${x}`].flatMap((dir, d) => w.counts[dir].map((n, k) => ({
    week: new Date(w.start), direction: dir.replace('>', ' → '), quad: QUAD_NAMES[k], n: d === 0 ? n : -n, proxy: w.proxy,
  })).filter((r) => r.n !== 0)));
  if (rows.length === 0) chart.append(el('p', {}, `No events between ${x} and ${y} in the store.`));
  else {
    chart.append(Plot.plot({
      width: Math.min(900, root.clientWidth - 320 || 640), height: 320, marginLeft: 48,
      y: { label: `↑ ${x} → ${y}   ·   ${y} → ${x} ↓   (events)`, grid: true },
      x: { type: 'utc', label: 'week' },
      color: { domain: QUAD_NAMES, range: QUAD_COLORS, legend: true },
      marks: [Plot.rectY(rows, { x: 'week', interval: 'week', y: 'n', fill: 'quad', title: (r: { direction: string; quad: string; n: number; proxy: number }) => `${r.direction}: ${Math.abs(r.n)} ${r.quad}${r.proxy ? ` (${r.proxy} by proxy)` : ''}` }), Plot.ruleY([0])],
    }));
    const proxyWeeks = series.series.filter((w) => w.proxy > 0).length;
    chart.append(el('figcaption', {}, `${rows.length} bars; ${proxyWeeks} week(s) include events by proxies, counted for their sponsor.`));
  }
  const top = esc.ladder.reduce((m, w) => (w.level > m.level ? w : m), { week: '', level: 0, label: 'none' });
  side.append(...([
    el('h3', {}, 'Escalation'), el('p', { id: 'ladder-level' }, top.level ? `Highest rung: ${top.label} (week of ${top.week})` : 'No escalation recorded'),
    el('ul', {}, ...esc.alerts.map((al) => el('li', { class: 'alert' }, `Intensity ${al.direction} in the week of ${al.week}`))),
    el('h3', {}, 'Forecast (14 days)'),
    el('ul', {}, ...fc.probability.map((p) => el('li', {}, `${p.side}: ${p.hawkes !== null ? `${Math.round(p.hawkes * 100)}%${p.low !== null ? ` (${Math.round(p.low * 100)}–${Math.round((p.high ?? 0) * 100)}%)` : ''}` : '—'} Hawkes; ${Math.round(p.poisson * 100)}% Poisson`))),
    fc.note ? el('p', { class: 'note' }, fc.note) : null,
    el('h3', {}, 'Action and reaction'),
    el('ol', { id: 'chain-links' }, ...chains.chains.flatMap((c) => c.links).map((l) => el('li', {}, `${l.date} ${l.from} → ${l.to} ${l.type}${l.proxy ? ' (proxy)' : ''}${l.lagDays !== null ? ` +${l.lagDays}d` : ''}`))),
  ] as (HTMLElement | null)[]).filter((n): n is HTMLElement => n !== null));
}
