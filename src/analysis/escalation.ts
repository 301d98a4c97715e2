// The escalation ladder, per dyad-week, and change points in conflict intensity (CUSUM) as alerts.
import { dyadEvents, type DyadOptions } from './dyads.js';
import type { Point } from './load.js';
import { bucketStart, dyadSeries } from './series.js';

export const LADDER = [
  'none', 'statements', 'threats', 'sanctions', 'mobilisation', 'proxy attacks', 'direct strikes on proxies',
  "strikes on the sponsor's forces or officials", "strikes on the sponsor's territory",
] as const;

const OFFICIAL = new Set(['GOV', 'MIL', 'SPY', 'COP']);

/** The rung one event stands on, seen from the dyad a–b. */
export function rungOf(p: Point, from: string, proxy: boolean, target: string): number {
  if (p.type === 'ASSAULT' || (p.type === 'COERCE' && p.mode !== 'arrest')) {
    const actorIsProxy = proxy && p.actor !== from;
    if (actorIsProxy) return 5;
    const onProxy = p.recipient !== target && p.recipientSponsor === target;
    if (onProxy) return 6;
    if (p.location && p.location === target) return 8;
    if (p.recipientSector && OFFICIAL.has(p.recipientSector)) return 7;
    return 6;
  }
  if (p.type === 'MOBILIZE') return 4;
  if (p.type === 'SANCTION' || p.type === 'COERCE') return 3;
  if (p.type === 'THREATEN') return 2;
  if (p.quad === 3) return 1;
  return 0;
}

export interface LadderWeek { week: string; level: number; label: string; events: number; driver: string | null }
export interface Alert { week: string; direction: 'up' | 'down'; statistic: number }

/** The highest rung each week reaches in either direction. */
export function ladder(points: Point[], a: string, b: string, opt: DyadOptions): LadderWeek[] {
  const weeks = new Map<number, LadderWeek>();
  for (const { p, from, proxy } of dyadEvents(points, a, b, opt)) {
    const start = bucketStart(p.t, 'week');
    const w = weeks.get(start) ?? { week: new Date(start * 86_400_000).toISOString().slice(0, 10), level: 0, label: LADDER[0], events: 0, driver: null };
    const target = from === a ? b : a;
    const level = rungOf(p, from, proxy, target);
    w.events++;
    if (level > w.level) { w.level = level; w.label = LADDER[level]; w.driver = `${p.date} ${from}→${target} ${p.type}: ${p.text.slice(0, 120)}`; }
    weeks.set(start, w);
  }
  return [...weeks.entries()].sort(([x], [y]) => x - y).map(([, w]) => w);
}

/**
 * Two-sided CUSUM on weekly conflict intensity (summed negative scores), standardised by the series'
 * own median and spread: an alert when the cumulative deviation passes `h` standard units.
 */
export function changePoints(points: Point[], a: string, b: string, opt: DyadOptions, h = 4, k = 0.5): Alert[] {
  const weeks = dyadSeries(points, a, b, 'week', opt);
  const x = weeks.map((w) => -Object.values(w.scores).reduce((s, v) => s + Math.min(0, v), 0));
  if (x.length < 4) return [];
  const sorted = [...x].sort((p, q) => p - q);
  const median = sorted[Math.floor(sorted.length / 2)];
  const mad = sorted.map((v) => Math.abs(v - median)).sort((p, q) => p - q)[Math.floor(sorted.length / 2)];
  const sd = Math.max(1, 1.4826 * mad || Math.sqrt(x.reduce((s, v) => s + (v - median) ** 2, 0) / x.length));
  const alerts: Alert[] = [];
  let up = 0, down = 0;
  x.forEach((v, i) => {
    const z = (v - median) / sd;
    up = Math.max(0, up + z - k);
    down = Math.max(0, down - z - k);
    if (up > h) { alerts.push({ week: weeks[i].start, direction: 'up', statistic: Math.round(up * 100) / 100 }); up = 0; }
    if (down > h) { alerts.push({ week: weeks[i].start, direction: 'down', statistic: Math.round(down * 100) / 100 }); down = 0; }
  });
  return alerts;
}
