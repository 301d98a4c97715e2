// Accuracy floors on the project's own wire-style sets (data/eval/): a change that loses more than a
// little of what the coder gets right fails here. The floors sit a few points under the measured
// scores (README "Accuracy"), so they catch regressions, not noise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeArticle, validateArticle } from '../src/pipeline.js';
import { isFactual } from '../src/events/modality.js';
import { scoreRecords, type GoldRecord } from '../src/eval/score.js';
import { PLOVER_TYPES } from '../src/types.js';
import { resources } from './helpers.js';

const EVAL = join(import.meta.dirname, '..', 'data', 'eval');
const read = (name: string): GoldRecord[] => readFileSync(join(EVAL, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldRecord);

function score(gold: GoldRecord[]): ReturnType<typeof scoreRecords> {
  const predicted = gold.map((g) => codeArticle(validateArticle({ id: g.id, text: g.text, date: g.date ?? null }), resources()).events.filter((e) => isFactual(e.context)));
  return scoreRecords(gold, predicted);
}

describe('the wire evaluation sets', () => {
  it('are well formed: ids unique, types PLOVER, countries three letters or empty', () => {
    const all = [...read('wire-dev.jsonl'), ...read('wire-test.jsonl')];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) {
      expect(typeof r.text).toBe('string');
      for (const e of r.events) {
        expect(PLOVER_TYPES).toContain(e.type);
        for (const x of [...(e.source ?? []), ...(e.target ?? [])]) expect(x.country ?? '').toMatch(/^([A-Z]{3})?$/);
      }
    }
  });

  it('held-out test: micro-F1 at least 0.74 and macro-F1 at least 0.72', () => {
    const r = score(read('wire-test.jsonl'));
    expect(r.microF1).toBeGreaterThanOrEqual(0.74);
    expect(r.macroF1).toBeGreaterThanOrEqual(0.72);
  }, 60_000);

  it('dev: micro-F1 at least 0.83, actor country accuracy at least 0.9', () => {
    const r = score(read('wire-dev.jsonl'));
    expect(r.microF1).toBeGreaterThanOrEqual(0.83);
    expect(r.actorCountryAccuracy).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
