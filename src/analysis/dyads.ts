// Dyads: who acts on whom, at country or entity level, with proxies rolled up to their sponsors.
import type { Point } from './load.js';

export interface DyadOptions {
  /** count a proxy's events in its sponsor's dyad too (default true) */
  proxies: boolean;
  /** entity ids instead of countries */
  level: 'country' | 'entity';
}

export interface Side { key: string; proxy: boolean }

/** The sides an event's actor (or recipient) counts for: itself, and its sponsor when a proxy. */
export function sidesOf(p: Point, role: 'actor' | 'recipient', opt: DyadOptions): Side[] {
  const parties = role === 'actor' ? p.actors : p.recipients;
  const out: Side[] = [];
  const add = (key: string | null, proxy: boolean): void => {
    if (!key) return;
    const have = out.find((s) => s.key === key);
    if (!have) out.push({ key, proxy });
    else if (!proxy) have.proxy = false;
  };
  for (const x of parties) {
    const key = opt.level === 'entity' ? x.id : x.country;
    add(key, false);
    if (opt.proxies && x.sponsor && x.sponsor !== key) add(x.sponsor, true);
  }
  return out;
}

export interface DyadRow { actor: string; recipient: string; events: number; proxyEvents: number; score: number; byQuad: [number, number, number, number] }

/** Directed dyads with counts and summed PLOVER scores, most active first. */
export function dyadTable(points: Point[], opt: DyadOptions): DyadRow[] {
  const rows = new Map<string, DyadRow>();
  for (const p of points) {
    for (const a of sidesOf(p, 'actor', opt)) {
      for (const r of sidesOf(p, 'recipient', opt)) {
        if (a.key === r.key) continue;
        const k = `${a.key}>${r.key}`;
        const row = rows.get(k) ?? { actor: a.key, recipient: r.key, events: 0, proxyEvents: 0, score: 0, byQuad: [0, 0, 0, 0] as [number, number, number, number] };
        row.events++;
        if (a.proxy || r.proxy) row.proxyEvents++;
        row.score += p.score;
        row.byQuad[p.quad - 1]++;
        rows.set(k, row);
      }
    }
  }
  return [...rows.values()].sort((x, y) => y.events - x.events || (x.actor + x.recipient).localeCompare(y.actor + y.recipient));
}

/** Events between two sides (either direction), each tagged with its direction and whether by proxy. */
export function dyadEvents(points: Point[], a: string, b: string, opt: DyadOptions): DyadEvent[] {
  const out: DyadEvent[] = [];
  // Hot path (a million events): no allocation per event, only a scan of its parties.
  for (const p of points) {
    const actA = side(p.actors, a, opt), recB = actA ? side(p.recipients, b, opt) : 0;
    if (actA && recB) { out.push({ p, from: a, proxy: actA === 2 || recB === 2 }); continue; }
    const actB = side(p.actors, b, opt), recA = actB ? side(p.recipients, a, opt) : 0;
    if (actB && recA) out.push({ p, from: b, proxy: actB === 2 || recA === 2 });
  }
  return out;
}

export interface DyadEvent { p: Point; from: string; proxy: boolean }

/** 1 when a party is `key` itself, 2 when only through a sponsor, 0 when neither. */
function side(parties: Point['actors'], key: string, opt: DyadOptions): number {
  let found = 0;
  for (const x of parties) {
    if ((opt.level === 'entity' ? x.id : x.country) === key) return 1;
    if (opt.proxies && x.sponsor === key) found = 2;
  }
  return found;
}
