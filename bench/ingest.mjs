#!/usr/bin/env node
// Ingest throughput into SQLite (overall, and over the first and last tenth of the run) and query
// latency (a dyad query and a full-text query).
//   node bench/ingest.mjs [--articles 100000] [--words 120] [--json] [--db FILE]
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResources } from '../dist/pipeline.js';
import { openStore } from '../dist/store/db.js';
import { emptySummary, ingestBatch } from '../dist/store/ingest.js';
import { queryEvents } from '../dist/store/query.js';
import { syntheticArticles } from './corpus.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const N = Number(opt('articles', '100000'));
const WORDS = Number(opt('words', '120'));
const dbFile = opt('db', join(tmpdir(), `casus-bench-${process.pid}.db`));
rmSync(dbFile, { force: true });

const res = loadResources();
const db = openStore(dbFile);
const summary = emptySummary();
const t0 = performance.now();
let batch = [];
let peak = 0;
// Articles per second of each 500-article batch: the first and last tenth show whether ingest slows as the store grows.
const rates = [];
for (const a of syntheticArticles(N, { words: WORDS })) {
  batch.push({ uid: a.id, url: null, source: a.source, title: null, byline: null, published: a.date, text: a.text });
  if (batch.length === 500) {
    const tb = performance.now();
    ingestBatch(db, batch, res, summary);
    rates.push(500 / (performance.now() - tb) * 1000);
    batch = [];
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  if (!args.includes('--json') && summary.new % 10000 === 0 && summary.new) process.stderr.write(`\r${summary.new} articles`);
}
if (batch.length) ingestBatch(db, batch, res, summary);
const seconds = (performance.now() - t0) / 1000;

function tenth(xs) { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0; }

function median(f, runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); f(); times.push(performance.now() - t); }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
const dyadMs = median(() => queryEvents(db, { dyad: [['USA'], ['IRN']], limit: 1000 }));
const textMs = median(() => queryEvents(db, { text: 'drone strike airport', limit: 1000 }));
const result = {
  articles: N, wordsPerArticle: WORDS, new: summary.new, duplicates: summary.duplicates, events: summary.events,
  seconds: Math.round(seconds), articlesPerSecond: Math.round(N / seconds), peakRssMB: Math.round(peak / 1e6),
  firstTenthArticlesPerSecond: Math.round(tenth(rates.slice(0, Math.max(1, Math.floor(rates.length / 10))))),
  lastTenthArticlesPerSecond: Math.round(tenth(rates.slice(-Math.max(1, Math.floor(rates.length / 10))))),
  dyadQueryMs: Math.round(dyadMs * 10) / 10, fullTextQueryMs: Math.round(textMs * 10) / 10,
  node: process.version,
};
db.close();
rmSync(dbFile, { force: true }); rmSync(`${dbFile}-wal`, { force: true }); rmSync(`${dbFile}-shm`, { force: true });
process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `\n${JSON.stringify(result, null, 2)}\n`);
