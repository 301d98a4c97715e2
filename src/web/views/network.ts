// Network view: actors sized by events, edges by net score (blue cooperative, vermilion conflictual),
// sponsor links dashed.
import { get } from '../api.js';
import { el } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
interface Dyad { actor: string; recipient: string; events: number; proxyEvents: number; score: number }

export async function networkView(root: HTMLElement): Promise<void> {
  const { dyads } = await get<{ dyads: Dyad[] }>('/api/dyads', { top: 60, proxies: false });
  const sponsored = await get<{ dyads: Dyad[] }>('/api/dyads', { top: 60, proxies: true });
  const weight = new Map<string, number>();
  for (const d of dyads) { weight.set(d.actor, (weight.get(d.actor) ?? 0) + d.events); weight.set(d.recipient, (weight.get(d.recipient) ?? 0) + d.events); }
  const nodes = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, 24).map(([id]) => id);
  const size = 560, r = 220, cx = size / 2, cy = size / 2;
  const pos = new Map(nodes.map((id, i) => [id, [cx + r * Math.cos((2 * Math.PI * i) / nodes.length), cy + r * Math.sin((2 * Math.PI * i) / nodes.length)]]));
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'network of actors');
  svg.id = 'network-svg';
  const line = (a: string, b: string, cls: string, widthPx: number, color: string, tip: string): void => {
    const p = pos.get(a), q = pos.get(b);
    if (!p || !q) return;
    const l = document.createElementNS(SVG, 'line');
    l.setAttribute('x1', String(p[0])); l.setAttribute('y1', String(p[1])); l.setAttribute('x2', String(q[0])); l.setAttribute('y2', String(q[1]));
    l.setAttribute('class', cls); l.setAttribute('stroke', color); l.setAttribute('stroke-width', String(widthPx));
    const t = document.createElementNS(SVG, 'title'); t.textContent = tip; l.append(t);
    svg.append(l);
  };
  for (const d of dyads) line(d.actor, d.recipient, 'edge', 1 + Math.min(6, d.events / 2), d.score < 0 ? '#D55E00' : '#0072B2', `${d.actor} → ${d.recipient}: ${d.events} events, net score ${d.score.toFixed(1)}`);
  for (const d of sponsored.dyads.filter((x) => x.proxyEvents > 0)) line(d.actor, d.recipient, 'edge sponsor', 1.5, '#555', `${d.actor} → ${d.recipient}: ${d.proxyEvents} events through proxies`);
  const max = Math.max(1, ...weight.values());
  for (const id of nodes) {
    const [x, y] = pos.get(id)!;
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', 'node');
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', String(x)); c.setAttribute('cy', String(y)); c.setAttribute('r', String(6 + 14 * Math.sqrt((weight.get(id) ?? 0) / max)));
    const t = document.createElementNS(SVG, 'text');
    t.setAttribute('x', String(x)); t.setAttribute('y', String(y + 4)); t.textContent = id;
    g.append(c, t);
    svg.append(g);
  }
  root.append(el('h2', {}, 'Network'), el('p', { class: 'legend' }, 'Node size: events; edges: net PLOVER score (vermilion conflictual, blue cooperative); dashed: through proxies.'), el('figure', {}, svg));
}
