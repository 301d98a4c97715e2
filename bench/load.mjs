#!/usr/bin/env node
// Load: autocannon against `casus serve` on 127.0.0.1, 50 connections for 30 s on /api/events and
// /api/series, while an ingest writes to the same store. Reports errors, p99 latency, throughput and
// the server's memory before and after.
//   node bench/load.mjs [--seconds 30] [--connections 50] [--json]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { syntheticArticles } from './corpus.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? Number(args[i + 1]) : d; };
const SECONDS = opt('seconds', 30), CONNECTIONS = opt('connections', 50);
const dir = mkdtempSync(join(tmpdir(), 'casus-load-'));
const db = join(dir, 'casus.db');
const cli = new URL('../bin/casus.js', import.meta.url).pathname;

const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0', '--seed', new URL('../examples', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve) => { let b = ''; server.stdout.on('data', (d) => { b += d; const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(b); if (m) resolve(m[1]); }); });
const rss = () => Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
const input = join(dir, 'in.jsonl');
writeFileSync(input, [...syntheticArticles(3000, { words: 120, seed: 3 })].map((a) => JSON.stringify(a)).join('\n'));
await fetch(`${base}/api/series?dyad=USA,IRN`);
const before = rss();
const ingest = spawn(process.execPath, [cli, 'ingest', input, '--db', db, '--batch-size', '50'], { stdio: 'ignore' });
const run = (path) => autocannon({ url: `${base}${path}`, connections: CONNECTIONS / 2, duration: SECONDS });
// The server's RSS every second of the run: flat means it levels off, not that it never rises.
const samples = [];
const sampler = setInterval(() => samples.push(Math.round(rss())), 1000);
const [events, series] = await Promise.all([run('/api/events?dyad=USA,IRN&limit=50'), run('/api/series?dyad=USA,IRN&interval=week')]);
clearInterval(sampler);
const after = rss();
const reader = new Database(db, { readonly: true });
const articles = reader.prepare('SELECT COUNT(*) AS n FROM articles').get().n;
reader.close();
ingest.kill('SIGTERM');
server.kill('SIGTERM');
const pick = (r) => ({ requests: r.requests.total, rps: Math.round(r.requests.average), p99ms: r.latency.p99, errors: r.errors + r.non2xx, timeouts: r.timeouts });
const result = { seconds: SECONDS, connections: CONNECTIONS, events: pick(events), series: pick(series), serverRssMB: { before: Math.round(before), after: Math.round(after), firstHalfMax: Math.max(...samples.slice(0, samples.length >> 1)), secondHalfMax: Math.max(...samples.slice(samples.length >> 1)), everyFiveSeconds: samples.filter((_, i) => i % 5 === 4) }, storeArticlesAtEnd: articles, node: process.version };
process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
