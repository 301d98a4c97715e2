// Map view: events as points, country-precision events as shaded countries, coloured by type, over a time range.
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { get, TYPE_COLORS, type Ev } from '../api.js';
import { el } from '../dom.js';
import { NUMERIC_TO_ALPHA3 } from '../iso.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function mapView(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const since = el('input', { type: 'date', name: 'since', value: params.get('since') ?? '', 'aria-label': 'since' });
  const until = el('input', { type: 'date', name: 'until', value: params.get('until') ?? '', 'aria-label': 'until' });
  root.append(el('h2', {}, 'Map'), el('form', { class: 'controls', onsubmit: (ev: Event) => { ev.preventDefault(); location.hash = `#map?since=${since.value}&until=${until.value}`; } },
    el('label', {}, 'From ', since), el('label', {}, ' to ', until), el('button', { type: 'submit' }, 'Show')));
  const { events } = await get<{ events: Ev[] }>('/api/events', { since: since.value, until: until.value, limit: 1000 });
  const width = 900, height = 460;
  const projection = geoEqualEarth().fitSize([width, height], { type: 'Sphere' });
  const path = geoPath(projection);
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topo, topo.objects.countries).features;
  const byCountry = new Map<string, number>();
  for (const e of events) if (e.location && e.location.precision === 'country' && e.location.country) byCountry.set(e.location.country, (byCountry.get(e.location.country) ?? 0) + 1);
  const max = Math.max(1, ...byCountry.values());
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'map of events');
  svg.id = 'map-svg';
  for (const f of countries) {
    const p = document.createElementNS(SVG, 'path');
    p.setAttribute('d', path(f) ?? '');
    const code = NUMERIC_TO_ALPHA3[String(f.id).padStart(3, '0')];
    const n = code ? byCountry.get(code) ?? 0 : 0;
    p.setAttribute('class', n ? 'country shaded' : 'country');
    if (n) p.setAttribute('fill-opacity', String(0.2 + 0.6 * (n / max)));
    const t = document.createElementNS(SVG, 'title');
    t.textContent = `${code ?? f.id}${n ? `: ${n} country-level events` : ''}`;
    p.append(t);
    svg.append(p);
  }
  for (const e of events) {
    if (!e.location || e.location.lat === null || e.location.lon === null || e.location.precision === 'country') continue;
    const xy = projection([e.location.lon, e.location.lat]);
    if (!xy) continue;
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', String(xy[0])); c.setAttribute('cy', String(xy[1])); c.setAttribute('r', '4');
    c.setAttribute('fill', TYPE_COLORS[e.type] ?? '#999'); c.setAttribute('class', 'event-point');
    const t = document.createElementNS(SVG, 'title');
    t.textContent = `${e.date.value ?? ''} ${e.type} at ${e.location.name}`;
    c.append(t);
    svg.append(c);
  }
  root.append(el('figure', { class: 'map' }, svg));
}
