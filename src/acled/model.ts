// A multinomial logistic regression over sparse binary features: trained by scripts/train-acled.ts,
// stored as reviewable JSON (data/acled/model.json), applied here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../data/tsv.js';

export interface AcledModel {
  classes: string[];
  bias: number[];
  /** feature → [class index, weight] pairs (weights near zero pruned) */
  weights: Record<string, [number, number][]>;
  meta: Record<string, unknown>;
}

export const MODEL_FILE = join(DATA_DIR, 'acled', 'model.json');

/** The shipped model, or null when it has not been trained yet. */
export function loadAcledModel(file = MODEL_FILE): AcledModel | null {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as AcledModel;
}

/** Class scores (log-odds) for a feature set; `base` (already including the bias) replaces the bias. */
export function scores(model: AcledModel, features: readonly string[], base?: readonly number[]): number[] {
  const z = [...(base ?? model.bias)];
  const weights = weightIndex(model);
  for (const f of features) {
    const ws = weights.get(f);
    if (ws) for (let c = 0; c < z.length; c++) z[c] += ws[c];
  }
  return z;
}

/**
 * The weights as a Map of dense per-class rows: one cheap loop per feature, and feature names from
 * text never meet Object.prototype ("constructor").
 */
function weightIndex(model: AcledModel): Map<string, Float64Array> {
  let ix = INDEXES.get(model);
  if (!ix) {
    ix = new Map();
    for (const [f, pairs] of Object.entries(model.weights)) {
      const row = new Float64Array(model.classes.length);
      for (const [c, w] of pairs) row[c] += w;
      ix.set(f, row);
    }
    INDEXES.set(model, ix);
  }
  return ix;
}

const INDEXES = new WeakMap<AcledModel, Map<string, Float64Array>>();

/** The best class among `allowed` (all when omitted), with its softmax probability over `allowed`. */
export function predict(model: AcledModel, features: readonly string[], allowed?: readonly string[], base?: readonly number[]): { label: string; p: number } {
  const z = scores(model, features, base);
  const idx = model.classes.map((_, i) => i).filter((i) => !allowed || allowed.includes(model.classes[i]));
  const max = Math.max(...idx.map((i) => z[i]));
  let sum = 0, best = idx[0];
  for (const i of idx) { sum += Math.exp(z[i] - max); if (z[i] > z[best]) best = i; }
  return { label: model.classes[best], p: 1 / sum };
}
