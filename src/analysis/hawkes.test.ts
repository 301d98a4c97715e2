import { describe, expect, it } from 'vitest';
import { fitHawkes, logLikelihood, simulate, spectralRadius, type HawkesParams } from './hawkes.js';

describe('bivariate Hawkes estimation', () => {
  it.each([
    ['mutual excitation', { mu: [0.05, 0.04], alpha: [[0.2, 0.4], [0.3, 0.1]], beta: 0.5 }, 11],
    ['one-sided reaction', { mu: [0.08, 0.03], alpha: [[0.1, 0.0], [0.5, 0.2]], beta: 0.25 }, 23],
  ] as [string, HawkesParams, number][])('recovers the parameters of %s', (_name, truth, seed) => {
    const T = 8000;
    const ev = simulate(truth, 0, T, seed);
    const fit = fitHawkes(ev, T);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs(fit.alpha[i][j] - truth.alpha[i][j])).toBeLessThan(0.1);
    expect(Math.abs(fit.mu[0] - truth.mu[0]) / truth.mu[0]).toBeLessThan(0.25);
    expect(Math.abs(fit.branching - spectralRadius(truth.alpha))).toBeLessThan(0.1);
    expect(fit.beta / truth.beta).toBeGreaterThan(0.5);
    expect(fit.beta / truth.beta).toBeLessThan(2);
    expect(fit.logLik).toBeGreaterThanOrEqual(logLikelihood(ev, T, truth) - 1e-6 - 50);
  });

  it('finds a branching ratio near zero in a Poisson process', () => {
    const T = 5000;
    const ev = simulate({ mu: [0.1, 0.07], alpha: [[0, 0], [0, 0]], beta: 1 }, 0, T, 5);
    expect(fitHawkes(ev, T).branching).toBeLessThan(0.08);
  });

  it('is deterministic for a seed', () => {
    const p: HawkesParams = { mu: [0.1, 0.1], alpha: [[0.2, 0.1], [0.1, 0.2]], beta: 0.5 };
    expect(simulate(p, 0, 500, 3)).toEqual(simulate(p, 0, 500, 3));
  });
});
