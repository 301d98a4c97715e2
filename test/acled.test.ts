// ACLED sub-event types on the held-out sentences (test/acled/sentences.tsv, written independently of
// the training snippets and never trained on): every one of the 25 classes, 14 sentences each.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLabelled, scoreLabels, snippetFeatures } from '../src/acled/snippets.js';
import { SUB_EVENT_TYPES } from '../src/acled/taxonomy.js';
import { resources } from './helpers.js';

const FILE = join(dirname(fileURLToPath(import.meta.url)), 'acled', 'sentences.tsv');
const rows = readLabelled(FILE);

describe('ACLED sub-event types (held-out sentences)', () => {
  const predicted = new Map<string, (string | null)[]>();
  const readings = () => {
    if (predicted.size === 0) for (const r of rows) predicted.set(r.label, [...(predicted.get(r.label) ?? []), snippetFeatures(r.text, resources()).predicted]);
    return predicted;
  };

  it('covers all 25 sub-event types with several sentences each', () => {
    expect([...new Set(rows.map((r) => r.label))].sort()).toEqual([...SUB_EVENT_TYPES].sort());
    for (const t of SUB_EVENT_TYPES) expect(rows.filter((r) => r.label === t).length).toBeGreaterThanOrEqual(10);
  });

  it.each(SUB_EVENT_TYPES)('%s: most of its sentences are recognised', (label) => {
    const got = readings().get(label) ?? [];
    const right = got.filter((p) => p === label).length;
    expect(right / got.length, `${right}/${got.length} right`).toBeGreaterThanOrEqual(0.4);
  });

  it('reaches a weighted F1 above 0.8 over all classes', () => {
    const gold = rows.map((r) => r.label);
    const counters = new Map<string, number>();
    const pred = rows.map((r) => { const k = counters.get(r.label) ?? 0; counters.set(r.label, k + 1); return readings().get(r.label)![k]; });
    expect(scoreLabels(gold, pred).weightedF1).toBeGreaterThan(0.8);
  });
});
