// Action-reaction chains: a conflictual act by A on B answered by B (or B's proxy) against A within a
// window; response lags, who initiates, and reciprocity as Goldstein and Pevehouse measured it.
import { dyadEvents, type DyadEvent, type DyadOptions } from './dyads.js';
import type { Point } from './load.js';
import { seriesOf } from './series.js';

export interface Link { id: string; date: string; from: string; to: string; type: string; proxy: boolean; text: string; lagDays: number | null }
export interface Chain { links: Link[]; initiator: string }
export interface Reciprocity { direction: string; slope: number; intercept: number; r2: number; weeks: number }
export interface ChainReport { chains: Chain[]; meanLagDays: number | null; initiated: Record<string, number>; reciprocity: Reciprocity[] }

/** Chains of alternating conflictual acts between a and b, each answer within `windowDays`. */
export function actionReaction(points: Point[], a: string, b: string, windowDays: number, opt: DyadOptions): ChainReport {
  const all = dyadEvents(points, a, b, opt);
  const evs = all.filter((x) => x.p.quad === 4);
  // Each act is answered by the other side's first unclaimed act after it within the window: one pass,
  // with a moving pointer per side (the earliest unclaimed answer never moves back).
  const bySide = { [a]: [] as number[], [b]: [] as number[] };
  evs.forEach((x, i) => bySide[x.from].push(i));
  const pointer = { [a]: 0, [b]: 0 };
  const answer = new Int32Array(evs.length).fill(-1);
  const isAnswer = new Uint8Array(evs.length);
  for (let i = 0; i < evs.length; i++) {
    const other = evs[i].from === a ? b : a;
    const list = bySide[other];
    while (pointer[other] < list.length && (list[pointer[other]] <= i || isAnswer[list[pointer[other]]])) pointer[other]++;
    const j = list[pointer[other]];
    if (j !== undefined && evs[j].p.t - evs[i].p.t <= windowDays) { answer[i] = j; isAnswer[j] = 1; pointer[other]++; }
  }
  const chains: Chain[] = [];
  for (let i = 0; i < evs.length; i++) {
    if (isAnswer[i] || answer[i] < 0) continue;
    const links: Link[] = [toLink(evs[i], null, a, b)];
    for (let cur = i; answer[cur] >= 0; cur = answer[cur]) links.push(toLink(evs[answer[cur]], evs[answer[cur]].p.t - evs[cur].p.t, a, b));
    chains.push({ links, initiator: links[0].from });
  }
  const lags = chains.flatMap((c) => c.links.map((l) => l.lagDays).filter((x): x is number => x !== null));
  const initiated: Record<string, number> = { [a]: 0, [b]: 0 };
  for (const c of chains) initiated[c.initiator] = (initiated[c.initiator] ?? 0) + 1;
  return { chains, meanLagDays: lags.length ? lags.reduce((s, x) => s + x, 0) / lags.length : null, initiated, reciprocity: reciprocity(all, a, b) };
}

function toLink(x: { p: Point; from: string; proxy: boolean }, lag: number | null, a: string, b: string): Link {
  return { id: x.p.id, date: x.p.date, from: x.from, to: x.from === a ? b : a, type: x.p.type, proxy: x.proxy, text: x.p.text, lagDays: lag };
}

/** Weekly conflict intensity B→A regressed on last week's A→B (and the reverse): does each answer in kind? */
export function reciprocity(evs: DyadEvent[], a: string, b: string): Reciprocity[] {
  const weeks = seriesOf(evs.filter((x) => x.p.quad === 4 || x.p.quad === 3), a, b, 'week');
  const intensity = (dir: string): number[] => weeks.map((w) => -Math.min(0, w.scores[dir]));
  const out: Reciprocity[] = [];
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const cause = intensity(`${x}>${y}`), effect = intensity(`${y}>${x}`);
    out.push({ direction: `${y} answers ${x}`, ...ols(cause.slice(0, -1), effect.slice(1)), weeks: Math.max(0, weeks.length - 1) });
  }
  return out;
}

/** Ordinary least squares y = intercept + slope x. */
export function ols(x: number[], y: number[]): { slope: number; intercept: number; r2: number } {
  const n = x.length;
  if (n < 2) return { slope: 0, intercept: 0, r2: 0 };
  const mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  const slope = sxx ? sxy / sxx : 0;
  return { slope, intercept: my - slope * mx, r2: sxx && syy ? (sxy * sxy) / (sxx * syy) : 0 };
}
