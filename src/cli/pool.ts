// A batch coded by several worker threads: lines go out in order to whichever worker is free, results
// are written back in input order; memory stays bounded by the number of lines in flight.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';

const IN_FLIGHT_PER_WORKER = 16;
/**
 * Old-generation limit of each worker. The coder's live heap is ~60 MB (~250 MB while coding a 2 MB
 * article); without a limit V8 sized each worker's heap for the machine's 24 GB and a 100k-article
 * batch peaked at 866 MB with two workers. With it, V8 collects sooner: ~390 MB, at the same speed.
 */
const WORKER_HEAP_MB = 512;

/** Code a JSONL batch with `n` worker threads; resolves to the number of records written. */
export async function codeBatchParallel(input: string, output: string, date: string | null, maxLine: number, n: number): Promise<number> {
  const source = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' });
  const out = output === '-' ? process.stdout : createWriteStream(output, { encoding: 'utf8' });
  const workers = Array.from({ length: n }, () => new Worker(new URL('./code-worker.js', import.meta.url), { workerData: { date, maxLine }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }));
  const pending = new Map<number, string>();
  const waiting: (() => void)[] = [];
  let nextToWrite = 0, sent = 0, failure: Error | null = null;
  const busy = new Array<number>(n).fill(0);
  workers.forEach((w, k) => {
    w.on('message', (msg: { seq: number; line: string }) => {
      busy[k]--;
      pending.set(msg.seq, msg.line);
      while (pending.has(nextToWrite)) { out.write(`${pending.get(nextToWrite)}\n`); pending.delete(nextToWrite); nextToWrite++; }
      waiting.shift()?.();
    });
    w.on('error', (err) => { failure = err; waiting.splice(0).forEach((f) => f()); });
  });
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let n0 = 0;
  for await (const line of lines) {
    n0++;
    if (line.trim() === '') continue;
    while (sent - nextToWrite >= n * IN_FLIGHT_PER_WORKER && !failure) await new Promise<void>((r) => waiting.push(r));
    if (failure) throw failure;
    const k = busy.indexOf(Math.min(...busy));
    busy[k]++;
    workers[k].postMessage({ seq: sent++, n: n0, line });
  }
  while (nextToWrite < sent && !failure) await new Promise<void>((r) => waiting.push(r));
  await Promise.all(workers.map((w) => w.terminate()));
  if (failure) throw failure;
  if (out !== process.stdout) { out.end(); await once(out, 'finish'); }
  return sent;
}
