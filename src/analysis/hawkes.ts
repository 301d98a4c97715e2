// A bivariate Hawkes process with an exponential kernel, fitted by maximum likelihood (EM for the
// background rates and the excitation matrix, a profile over the decay), simulated by Ogata thinning.
//   λ_i(t) = μ_i + Σ_j α_ij Σ_{t_k of type j, t_k < t} β e^{-β (t - t_k)}
// α_ij is the expected number of type-i events one type-j event triggers; its spectral radius is the
// branching ratio (≥ 1: explosive).
import { rng } from '../acled/train.js';

export interface HawkesEvent { t: number; type: 0 | 1 }
export interface HawkesParams { mu: [number, number]; alpha: [[number, number], [number, number]]; beta: number }
export interface HawkesFit extends HawkesParams { logLik: number; branching: number; iterations: number }

/** Spectral radius of a 2×2 non-negative matrix. */
export function spectralRadius(a: HawkesParams['alpha']): number {
  const tr = a[0][0] + a[1][1], det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
  const disc = Math.max(0, (tr * tr) / 4 - det);
  return tr / 2 + Math.sqrt(disc);
}

/** Log-likelihood of events on [0, T] (events sorted by time). */
export function logLikelihood(ev: HawkesEvent[], T: number, p: HawkesParams): number {
  const R = [0, 0];
  let last = 0, ll = 0;
  for (const e of ev) {
    const decay = Math.exp(-p.beta * (e.t - last));
    R[0] *= decay; R[1] *= decay;
    const lam = p.mu[e.type] + p.alpha[e.type][0] * R[0] + p.alpha[e.type][1] * R[1];
    ll += Math.log(Math.max(lam, 1e-300));
    R[e.type] += p.beta;
    last = e.t;
  }
  let comp = (p.mu[0] + p.mu[1]) * T;
  for (const e of ev) comp += (p.alpha[0][e.type] + p.alpha[1][e.type]) * (1 - Math.exp(-p.beta * (T - e.t)));
  return ll - comp;
}

/** EM for μ and α at a fixed decay β. */
function emAtBeta(ev: HawkesEvent[], T: number, beta: number, iterations: number): HawkesFit {
  const n = [0, 0];
  for (const e of ev) n[e.type]++;
  let mu: [number, number] = [Math.max(n[0], 1) / (2 * T), Math.max(n[1], 1) / (2 * T)];
  let alpha: HawkesParams['alpha'] = [[0.1, 0.1], [0.1, 0.1]];
  // Edge-corrected exposure of each source type: Σ (1 - e^{-β (T - t_k)}).
  const exposure = [0, 0];
  for (const e of ev) exposure[e.type] += 1 - Math.exp(-beta * (T - e.t));
  let it = 0;
  for (; it < iterations; it++) {
    const bg = [0, 0];
    const trig = [[0, 0], [0, 0]];
    const R = [0, 0];
    let last = 0;
    for (const e of ev) {
      const decay = Math.exp(-beta * (e.t - last));
      R[0] *= decay; R[1] *= decay;
      const i = e.type;
      const lam = mu[i] + alpha[i][0] * R[0] + alpha[i][1] * R[1];
      bg[i] += mu[i] / lam;
      trig[i][0] += (alpha[i][0] * R[0]) / lam;
      trig[i][1] += (alpha[i][1] * R[1]) / lam;
      R[i] += beta;
      last = e.t;
    }
    const next: HawkesParams['alpha'] = [[0, 0], [0, 0]];
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) next[i][j] = exposure[j] > 0 ? trig[i][j] / exposure[j] : 0;
    const nextMu: [number, number] = [Math.max(bg[0] / T, 1e-9), Math.max(bg[1] / T, 1e-9)];
    const change = Math.abs(nextMu[0] - mu[0]) + Math.abs(nextMu[1] - mu[1]) + next.flat().reduce((s, v, k) => s + Math.abs(v - alpha.flat()[k]), 0);
    mu = nextMu;
    alpha = next;
    if (change < 1e-7) break;
  }
  const params = { mu, alpha, beta };
  return { ...params, logLik: logLikelihood(ev, T, params), branching: spectralRadius(alpha), iterations: it };
}

/** Decays tried, in 1/days: kernels with mean lags from half a day to two months. */
export const BETA_GRID = [2, 1, 0.7, 0.5, 0.35, 0.25, 0.18, 0.12, 0.08, 0.05, 0.035, 0.02];

/** Maximum-likelihood fit: EM at each decay of the grid, the best log-likelihood kept. */
export function fitHawkes(ev: HawkesEvent[], T: number, grid: readonly number[] = BETA_GRID, iterations = 300): HawkesFit {
  let best: HawkesFit | null = null;
  for (const beta of grid) {
    const f = emAtBeta(ev, T, beta, iterations);
    if (!best || f.logLik > best.logLik) best = f;
  }
  return best!;
}

/** Simulate on (start, end] by Ogata thinning, continuing from `history` (events before start). */
export function simulate(p: HawkesParams, start: number, end: number, seed: number, history: HawkesEvent[] = []): HawkesEvent[] {
  const random = rng(seed);
  // The excitation at `start`, from the history.
  const R = [0, 0];
  for (const e of history) if (e.t <= start) R[e.type] += p.beta * Math.exp(-p.beta * (start - e.t));
  const out: HawkesEvent[] = [];
  let t = start;
  for (;;) {
    const lam = (i: number): number => p.mu[i] + p.alpha[i][0] * R[0] + p.alpha[i][1] * R[1];
    const bound = lam(0) + lam(1);
    const w = -Math.log(1 - random()) / bound;
    const decay = Math.exp(-p.beta * w);
    t += w;
    if (t > end) break;
    R[0] *= decay; R[1] *= decay;
    const l0 = lam(0), l1 = lam(1);
    const u = random() * bound;
    if (u <= l0 + l1) {
      const type: 0 | 1 = u <= l0 ? 0 : 1;
      out.push({ t, type });
      R[type] += p.beta;
    }
  }
  return out;
}

/** Spread same-day events evenly through their day, so that ties do not read as simultaneity. */
export function spreadDays(days: { t: number; type: 0 | 1 }[]): HawkesEvent[] {
  const byDay = new Map<number, { t: number; type: 0 | 1 }[]>();
  for (const d of days) byDay.set(d.t, [...(byDay.get(d.t) ?? []), d]);
  const out: HawkesEvent[] = [];
  for (const [day, list] of [...byDay.entries()].sort(([a], [b]) => a - b)) {
    list.forEach((e, k) => out.push({ t: day + (k + 0.5) / list.length, type: e.type }));
  }
  return out;
}
