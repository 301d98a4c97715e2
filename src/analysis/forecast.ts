// The forecast: a bivariate Hawkes process fitted to the dyad's material-conflict events, its
// excitation matrix and branching ratio, the chance of at least one event by each side in the next k
// days with a bootstrap band, and a Poisson baseline compared by held-out log-likelihood.
import { dyadEvents, type DyadOptions } from './dyads.js';
import type { Point } from './load.js';
import { fitHawkes, logLikelihood, simulate, spreadDays, type HawkesEvent, type HawkesFit, type HawkesParams } from './hawkes.js';

export interface Forecast {
  sides: [string, string];
  events: [number, number];
  days: number;
  enough: boolean;
  note: string | null;
  fit: HawkesFit | null;
  /** excitation[i][j]: expected events by side i triggered by one event of side j */
  excitation: [[number, number], [number, number]] | null;
  horizonDays: number;
  probability: { side: string; hawkes: number | null; low: number | null; high: number | null; poisson: number }[];
  heldOut: { hawkes: number; poisson: number; better: 'hawkes' | 'poisson' } | null;
}

export interface ForecastOptions extends DyadOptions { horizon: number; simulations: number; bootstrap: number; seed: number; minEvents: number }

/** Fit and forecast the dyad a–b as of its last event day (or `asOf`). */
export function forecastDyad(points: Point[], a: string, b: string, opt: ForecastOptions, asOf?: number): Forecast {
  const evs = dyadEvents(points, a, b, opt).filter((x) => x.p.quad === 4);
  const base: Forecast = { sides: [a, b], events: [0, 0], days: 0, enough: false, note: null, fit: null, excitation: null, horizonDays: opt.horizon, probability: [], heldOut: null };
  if (evs.length === 0) return { ...base, note: 'no material-conflict events between these sides' };
  const t0 = evs[0].p.t;
  const end = (asOf ?? evs[evs.length - 1].p.t) + 1 - t0;
  const history = spreadDays(evs.map((x) => ({ t: x.p.t - t0, type: x.from === a ? 0 : 1 })));
  const n: [number, number] = [history.filter((e) => e.type === 0).length, history.filter((e) => e.type === 1).length];
  const rates = [n[0] / end, n[1] / end];
  const poisson = (i: number): number => 1 - Math.exp(-rates[i] * opt.horizon);
  base.events = n;
  base.days = Math.round(end);
  if (n[0] + n[1] < opt.minEvents || Math.min(...n) < 3) {
    return { ...base, note: `too few events to fit a Hawkes process (${n[0]} by ${a}, ${n[1]} by ${b}; at least ${opt.minEvents} in all and 3 per side are needed): the Poisson rates are given instead`,
      probability: [a, b].map((side, i) => ({ side, hawkes: null, low: null, high: null, poisson: poisson(i) })) };
  }
  const fit = fitHawkes(history, end);
  const prob = chanceOfEvents(fit, history, end, opt.horizon, opt.simulations, opt.seed);
  // Parametric bootstrap: refit on histories simulated from the fit, forecast again.
  const boot: number[][] = [[], []];
  for (let k = 0; k < opt.bootstrap; k++) {
    const sim = simulate(fit, 0, end, opt.seed + 1000 + k);
    if (sim.filter((e) => e.type === 0).length < 2 || sim.filter((e) => e.type === 1).length < 2) continue;
    const refit = fitHawkes(sim, end, [fit.beta]);
    const p = chanceOfEvents(refit, history, end, opt.horizon, Math.max(100, opt.simulations / 10), opt.seed + 2000 + k);
    boot[0].push(p[0]); boot[1].push(p[1]);
  }
  const q = (xs: number[], f: number): number | null => (xs.length ? [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(f * xs.length))] : null);
  return {
    ...base, enough: true, fit, excitation: fit.alpha,
    probability: [a, b].map((side, i) => ({ side, hawkes: prob[i], low: q(boot[i], 0.05), high: q(boot[i], 0.95), poisson: poisson(i) })),
    heldOut: heldOutComparison(history, end),
  };
}

/** Share of simulated futures with at least one event by each side within the horizon. */
function chanceOfEvents(p: HawkesParams, history: HawkesEvent[], end: number, horizon: number, runs: number, seed: number): [number, number] {
  const hits = [0, 0];
  for (let r = 0; r < runs; r++) {
    const future = simulate(p, end, end + horizon, seed + r, history);
    if (future.some((e) => e.type === 0)) hits[0]++;
    if (future.some((e) => e.type === 1)) hits[1]++;
  }
  return [hits[0] / runs, hits[1] / runs];
}

/** Fit on the first 80% of the period, score the last 20% under Hawkes and under constant rates. */
function heldOutComparison(ev: HawkesEvent[], end: number): Forecast['heldOut'] {
  const split = end * 0.8;
  const train = ev.filter((e) => e.t <= split);
  if (train.length < 6 || ev.length - train.length < 2) return null;
  const fit = fitHawkes(train, split);
  const hawkes = logLikelihood(ev, end, fit) - logLikelihood(train, split, fit);
  const rate = [0, 1].map((i) => Math.max(1e-6, train.filter((e) => e.type === i).length / split));
  const test = ev.filter((e) => e.t > split);
  const poisson = test.reduce((s, e) => s + Math.log(rate[e.type]), 0) - (rate[0] + rate[1]) * (end - split);
  return { hawkes: Math.round(hawkes * 100) / 100, poisson: Math.round(poisson * 100) / 100, better: hawkes > poisson ? 'hawkes' : 'poisson' };
}
