// Training the ACLED classifier: softmax regression by seeded stochastic gradient descent with L2.
import type { AcledModel } from './model.js';

export interface Example { features: string[]; label: string }

export interface TrainOptions { epochs: number; rate: number; l2: number; seed: number; prune: number }

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fit a model on `examples` with the given classes; `prune` drops weights smaller than it. */
export function train(examples: Example[], classes: string[], opt: TrainOptions): AcledModel {
  const K = classes.length;
  const W = new Map<string, Float64Array>();
  const b = new Float64Array(K);
  const random = rng(opt.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    const rate = opt.rate / (1 + epoch * 0.3);
    for (const n of order) {
      const ex = examples[n];
      const y = classes.indexOf(ex.label);
      const z = Float64Array.from(b);
      for (const f of ex.features) { const w = W.get(f); if (w) for (let k = 0; k < K; k++) z[k] += w[k]; }
      const max = Math.max(...z);
      let sum = 0;
      for (let k = 0; k < K; k++) { z[k] = Math.exp(z[k] - max); sum += z[k]; }
      for (let k = 0; k < K; k++) {
        const g = z[k] / sum - (k === y ? 1 : 0);
        b[k] -= rate * g;
        for (const f of ex.features) {
          let w = W.get(f);
          if (!w) { w = new Float64Array(K); W.set(f, w); }
          w[k] -= rate * (g + opt.l2 * w[k]);
        }
      }
    }
  }
  const weights: AcledModel['weights'] = {};
  for (const [f, w] of [...W.entries()].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))) {
    const kept: [number, number][] = [];
    for (let k = 0; k < K; k++) if (Math.abs(w[k]) >= opt.prune) kept.push([k, Math.round(w[k] * 1000) / 1000]);
    if (kept.length) weights[f] = kept;
  }
  return { classes, bias: Array.from(b, (x) => Math.round(x * 1000) / 1000), weights, meta: {} };
}
