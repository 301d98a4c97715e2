// Dyadic conflict-cooperation series: counts and summed scores per interval, by quad class and direction.
import { dyadEvents, type DyadEvent, type DyadOptions } from './dyads.js';
import { dayOf, type Point } from './load.js';

export type Interval = 'day' | 'week' | 'month';

export interface Bucket {
  start: string;
  /** per direction "A>B" and "B>A" */
  counts: Record<string, [number, number, number, number]>;
  scores: Record<string, number>;
  proxy: number;
  total: number;
}

/** The first day of the interval that holds `day` (weeks start on Monday). */
export function bucketStart(day: number, interval: Interval): number {
  if (interval === 'day') return day;
  if (interval === 'week') return day - ((day + 3) % 7);
  const d = new Date(day * 86_400_000);
  return dayOf(`${d.toISOString().slice(0, 7)}-01`);
}

function nextBucket(start: number, interval: Interval): number {
  if (interval === 'day') return start + 1;
  if (interval === 'week') return start + 7;
  const d = new Date(start * 86_400_000);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10));
}

const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The series of the dyad a–b, every interval from the first to the last event (empty ones included). */
export function dyadSeries(points: Point[], a: string, b: string, interval: Interval, opt: DyadOptions): Bucket[] {
  return seriesOf(dyadEvents(points, a, b, opt), a, b, interval);
}

/** The series of events already selected for the dyad a–b. */
export function seriesOf(evs: DyadEvent[], a: string, b: string, interval: Interval): Bucket[] {
  if (evs.length === 0) return [];
  const byStart = new Map<number, Bucket>();
  const first = bucketStart(evs[0].p.t, interval), last = bucketStart(evs[evs.length - 1].p.t, interval);
  for (let s = first; s <= last; s = nextBucket(s, interval)) {
    byStart.set(s, { start: iso(s), counts: { [`${a}>${b}`]: [0, 0, 0, 0], [`${b}>${a}`]: [0, 0, 0, 0] }, scores: { [`${a}>${b}`]: 0, [`${b}>${a}`]: 0 }, proxy: 0, total: 0 });
  }
  for (const { p, from, proxy } of evs) {
    const bucket = byStart.get(bucketStart(p.t, interval))!;
    const dir = from === a ? `${a}>${b}` : `${b}>${a}`;
    bucket.counts[dir][p.quad - 1]++;
    bucket.scores[dir] += p.score;
    bucket.total++;
    if (proxy) bucket.proxy++;
  }
  return [...byStart.values()];
}
