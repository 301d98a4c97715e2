#!/usr/bin/env node
// A streamed batch as users run it: `casus code --input --output --stats` in a fresh process over a
// seeded JSONL file; reports throughput and the process's peak RSS (workers included). With
// --scaling, the same batch with 1 and with 2 worker threads, and the speed-up.
//   node bench/stream.mjs [--articles 100000] [--workers 2] [--scaling] [--json]
import { spawnSync } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticArticles } from './corpus.mjs';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? Number(args[i + 1]) : d; };
const N = opt('articles', args.includes('--scaling') ? 2000 : 100_000);
const cli = new URL('../bin/casus.js', import.meta.url).pathname;
const file = join(tmpdir(), `casus-stream-${process.pid}.jsonl`);

const out = createWriteStream(file);
for (const a of syntheticArticles(N, { words: 450 })) {
  if (!out.write(`${JSON.stringify({ id: a.id, text: a.text, date: a.date })}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

/** One run of the CLI; its --stats line. */
function run(workers) {
  const r = spawnSync(process.execPath, [cli, 'code', '--input', file, '--output', '/dev/null', '--workers', String(workers), '--stats'], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`casus code failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stderr.trim().split('\n').pop());
}

const result = { articles: N, cores: availableParallelism(), node: process.version, runs: [] };
try {
  if (args.includes('--scaling')) {
    const one = run(1), two = run(2);
    result.runs.push(one, two);
    result.speedup2 = Math.round((one.seconds / two.seconds) * 100) / 100;
  } else {
    result.runs.push(run(opt('workers', availableParallelism())));
  }
} finally {
  rmSync(file, { force: true });
}
process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
