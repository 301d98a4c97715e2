#!/usr/bin/env node
// Train the ACLED sub-event classifier on the project's own labelled snippets (data/acled/train-*.tsv)
// and write data/acled/model.json. Deterministic: seeded shuffle, fixed hyper-parameters.
// Reports accuracy and weighted F1 on a seeded 15% validation split and on the independently written
// test set (test/acled/sentences.tsv), which is never used for training.
//   npm run train:acled
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTsv } from '../dist/data/tsv.js';
import { loadResources } from '../dist/pipeline.js';
import { SUB_EVENT_TYPES } from '../dist/acled/taxonomy.js';
import { train, rng } from '../dist/acled/train.js';
import { MODEL_FILE } from '../dist/acled/model.js';
import { snippetFeatures, scoreLabels, readLabelled } from '../dist/acled/snippets.js';

const OPTIONS = { epochs: 12, rate: 0.2, l2: 0.0005, seed: 20200103, prune: 0.02 };
const res = loadResources();
res.acled = null;

const trainFiles = readdirSync(join('data', 'acled')).filter((f) => /^train-.*\.tsv$/.test(f)).sort();
const rows = trainFiles.flatMap((f) => readTsv(join('acled', f), ['sub_event_type', 'text']));
for (const r of rows) if (!SUB_EVENT_TYPES.includes(r.sub_event_type)) throw new Error(`unknown label "${r.sub_event_type}" in training data`);
const examples = rows.map((r) => ({ features: snippetFeatures(r.text, res).features, label: r.sub_event_type }));

// Seeded split for validation, then the final model on everything.
const random = rng(OPTIONS.seed);
const isValidation = examples.map(() => random() < 0.15);
const fit = train(examples.filter((_, i) => !isValidation[i]), SUB_EVENT_TYPES, OPTIONS);
const validation = examples.filter((_, i) => isValidation[i]);
const valScore = scoreLabels(validation.map((e) => e.label), validation.map((e) => predictWith(fit, e.features)));

const model = train(examples, SUB_EVENT_TYPES, OPTIONS);
const test = readLabelled(join('test', 'acled', 'sentences.tsv'));
res.acled = model;
const testScore = scoreLabels(test.map((t) => t.label), test.map((t) => snippetFeatures(t.text, res).predicted));

model.meta = {
  generated: 'by scripts/train-acled.mjs; do not edit by hand',
  training: { files: trainFiles, examples: examples.length, options: OPTIONS },
  validation: { examples: validation.length, accuracy: round(valScore.accuracy), weightedF1: round(valScore.weightedF1) },
  test: { file: 'test/acled/sentences.tsv', examples: test.length, accuracy: round(testScore.accuracy), weightedF1: round(testScore.weightedF1) },
};
writeFileSync(MODEL_FILE, JSON.stringify(model, null, 0).replace(/\],"/g, '],\n"') + '\n');
process.stdout.write(`${JSON.stringify(model.meta, null, 2)}\n`);

function predictWith(m, features) {
  let best = 0, z = -Infinity;
  m.classes.forEach((_, k) => {
    let s = m.bias[k];
    for (const f of features) for (const [c, w] of m.weights[f] ?? []) if (c === k) s += w;
    if (s > z) { z = s; best = k; }
  });
  return m.classes[best];
}
function round(x) { return Math.round(x * 1000) / 1000; }
