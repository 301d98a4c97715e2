#!/usr/bin/env node
// Coder speed against the bare wink-nlp pass (sentences + tokens + POS) over the same ~600-token
// articles, on one core; start-up (resources loaded and the first event out); median of runs.
//   node bench/coder.mjs [--articles 300] [--runs 3] [--json]
import { execFileSync } from 'node:child_process';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { codeArticle, loadResources, validateArticle } from '../dist/pipeline.js';
import { syntheticArticles } from './corpus.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? Number(args[i + 1]) : d; };
const N = opt('articles', 300), RUNS = opt('runs', 3);
const articles = [...syntheticArticles(N, { words: 450 })];
// The bare pass as the issue defines it (sentences + tokens + POS: the pipes the coder itself runs),
// and wink's default pipeline (which adds negation, sentiment and entity pipes) for reference.
const nlp = winkNLP(model, ['sbd', 'pos']);
const nlpDefault = winkNLP(model);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let tokens = 0;
// Each measurement is preceded by one unmeasured pass, so that the JIT has warmed up for both sides.
const barePass = (w) => median(Array.from({ length: RUNS + 1 }, () => {
  const t = performance.now();
  tokens = 0;
  for (const a of articles) { const d = w.readDoc(a.text); tokens += d.tokens().length(); d.tokens().out(w.its.pos); }
  return performance.now() - t;
}).slice(1));
const bare = barePass(nlp);
const bareDefault = barePass(nlpDefault);
const t0 = performance.now();
const res = loadResources();
const loadMs = performance.now() - t0;
let peak = 0;
const coder = median(Array.from({ length: RUNS + 1 }, () => {
  const t = performance.now();
  for (const a of articles) codeArticle(validateArticle({ id: a.id, text: a.text, date: a.date }), res);
  peak = Math.max(peak, process.memoryUsage().rss);
  return performance.now() - t;
}).slice(1));
// Start-up as a user meets it: a fresh process coding one example and printing its events.
const cli = new URL('../bin/casus.js', import.meta.url).pathname;
const example = new URL('../examples/strike-abqaiq-2019-09-15.txt', import.meta.url).pathname;
const startups = Array.from({ length: RUNS }, () => { const t = performance.now(); execFileSync(process.execPath, [cli, 'code', example, '--format', 'jsonl']); return performance.now() - t; });
const result = {
  articles: N, tokens, bareTokensPerSecond: Math.round(tokens / bare * 1000), bareDefaultPipelineTokensPerSecond: Math.round(tokens / bareDefault * 1000), coderTokensPerSecond: Math.round(tokens / coder * 1000),
  coderArticlesPerSecond: Math.round(N / coder * 1000), ratioCoderToBare: Math.round((bare / coder) * 1000) / 1000, ratioCoderToBareDefault: Math.round((bareDefault / coder) * 1000) / 1000,
  resourcesLoadMs: Math.round(loadMs), startupFirstEventMs: Math.round(median(startups)), peakRssMB: Math.round(peak / 1e6), node: process.version,
};
process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
