// A batch coded by several worker threads: lines go out in order to whichever worker is free, results
// are written back in input order; memory stays bounded by the number of lines in flight.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Worker } from 'node:worker_threads';
import type { RawArticle } from '../article/index.js';
import { validateArticle } from '../pipeline.js';
import type { CodedArticle, Coder } from '../store/ingest.js';
import type { Article } from '../types.js';

const IN_FLIGHT_PER_WORKER = 16;
/**
 * Old-generation limit of each worker. The coder's live heap is ~60 MB (~250 MB while coding a 2 MB
 * article); without a limit V8 sized each worker's heap for the machine's 24 GB and a 100k-article
 * batch peaked at 866 MB with two workers. With it, V8 collects sooner: ~390 MB, at the same speed.
 */
const WORKER_HEAP_MB = 512;

/** The worker heap limit: $CASUS_WORKER_HEAP_MB (for machines with little memory), else WORKER_HEAP_MB. */
function workerHeapMb(): number {
  const v = Number(process.env.CASUS_WORKER_HEAP_MB);
  return Number.isInteger(v) && v >= 32 ? v : WORKER_HEAP_MB;
}

/**
 * Code a JSONL batch with `n` worker threads; resolves to the number of records written. A worker that
 * dies (out of memory on one huge article) costs only that line, which becomes an error record; the
 * lines queued behind it go to a fresh worker, and the batch goes on.
 */
export async function codeBatchParallel(input: string, output: string, date: string | null, maxLine: number, n: number): Promise<number> {
  const source = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' });
  const out = output === '-' ? process.stdout : createWriteStream(output, { encoding: 'utf8' });
  const pending = new Map<number, string>();
  const held = new Map<number, { k: number; n: number; line: string }>();
  const waiting: (() => void)[] = [];
  let nextToWrite = 0, sent = 0, failure: Error | null = null, done = false;
  const busy = new Array<number>(n).fill(0);
  const workers: Worker[] = [];
  const finish = (seq: number, record: string): void => {
    held.delete(seq);
    pending.set(seq, record);
    while (pending.has(nextToWrite)) { out.write(`${pending.get(nextToWrite)}\n`); pending.delete(nextToWrite); nextToWrite++; }
    waiting.shift()?.();
  };
  const post = (k: number, seq: number, job: { n: number; line: string }): void => {
    busy[k]++;
    held.set(seq, { k, ...job });
    workers[k].postMessage({ seq, n: job.n, line: job.line });
  };
  const spawn = (k: number): void => {
    const w = new Worker(new URL('./code-worker.js', import.meta.url), { workerData: { date, maxLine }, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb() } });
    workers[k] = w;
    busy[k] = 0;
    w.on('message', (msg: { seq: number; line: string }) => { busy[k]--; finish(msg.seq, msg.line); });
    w.on('error', (err) => {
      if (done) return;
      const mine = [...held].filter(([, h]) => h.k === k).sort(([a], [b]) => a - b);
      // Nothing in hand: the worker could not start at all; that ends the batch.
      if (mine.length === 0) { failure = err; waiting.splice(0).forEach((f) => f()); return; }
      // A worker codes its lines in order: the first one it held is the one it died on.
      const [[culprit, job], ...rest] = mine;
      spawn(k);
      finish(culprit, errorRecord(job.line, job.n, err));
      for (const [seq, h] of rest) { held.delete(seq); post(k, seq, h); }
    });
  };
  for (let k = 0; k < n; k++) spawn(k);
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let n0 = 0;
  try {
    for await (const line of lines) {
      n0++;
      if (line.trim() === '') continue;
      while (sent - nextToWrite >= n * IN_FLIGHT_PER_WORKER && !failure) await new Promise<void>((r) => waiting.push(r));
      if (failure) throw failure;
      post(busy.indexOf(Math.min(...busy)), sent++, { n: n0, line });
    }
    while (nextToWrite < sent && !failure) await new Promise<void>((r) => waiting.push(r));
  } finally {
    done = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure;
  if (out !== process.stdout) { out.end(); await once(out, 'finish'); }
  return sent;
}

/** The batch's error record for a line whose worker died on it. */
function errorRecord(line: string, n: number, err: Error): string {
  let id: unknown = null;
  try { id = (JSON.parse(line) as { id?: unknown }).id ?? null; } catch { /* the line is reported by number */ }
  const why = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the coder ran out of memory on this article (worker heap ${workerHeapMb()} MB)` : err.message;
  return JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: `line ${n}: internal error: ${why}` });
}

/** Worker threads that code articles for the store (`casus ingest --workers N`). */
export class CodingPool {
  private readonly workers: Worker[] = [];
  private readonly busy: number[];
  private readonly waiting = new Map<number, { resolve: (c: CodedArticle) => void; reject: (e: Error) => void; worker: number; article: Article }>();
  private seq = 0;
  private failure: Error | null = null;
  private closed = false;

  constructor(n: number) {
    this.busy = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) this.spawn(k);
  }

  private spawn(k: number): void {
    const w = new Worker(new URL('./ingest-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb() } });
    this.workers[k] = w;
    this.busy[k] = 0;
    w.on('message', (msg: { seq: number; events?: CodedArticle['events']; claims?: CodedArticle['claims']; error?: string }) => {
      const job = this.waiting.get(msg.seq);
      if (!job) return;
      this.waiting.delete(msg.seq);
      this.busy[k]--;
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve({ events: msg.events ?? [], claims: msg.claims ?? [] });
    });
    // A worker that dies on one article fails that article only; what it had queued goes to a fresh one.
    w.on('error', (err) => {
      if (this.closed) return;
      const mine = [...this.waiting].filter(([, j]) => j.worker === k).sort(([a], [b]) => a - b);
      if (mine.length === 0) { this.failure = err; return; }
      const [[culprit, job], ...rest] = mine;
      this.waiting.delete(culprit);
      this.spawn(k);
      const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      job.reject(new Error(oom ? `the coder ran out of memory on this article (worker heap ${workerHeapMb()} MB)` : err.message));
      for (const [seq, j] of rest) { this.busy[k]++; j.worker = k; this.workers[k].postMessage({ seq, article: j.article }); }
    });
  }

  /** Code one article on the least busy worker. */
  code(article: Article): Promise<CodedArticle> {
    if (this.failure) return Promise.reject(this.failure);
    const k = this.busy.indexOf(Math.min(...this.busy));
    const seq = this.seq++;
    this.busy[k]++;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, worker: k, article });
      this.workers[k].postMessage({ seq, article });
    });
  }

  /**
   * Code a batch of raw articles; resolves to a Coder for ingestBatch that answers from the results
   * (an article that failed to code throws its error there, and is reported as failed like any other).
   */
  async coderFor(batch: readonly RawArticle[]): Promise<Coder> {
    const results = new Map<string, CodedArticle | Error>();
    await Promise.all(batch.map(async (raw) => {
      if (raw.text.trim() === '') return;
      let article: Article;
      try { article = validateArticle({ id: raw.uid, text: raw.text, date: raw.published }); } catch { return; } // refused again, with its message, when stored
      results.set(article.id, await this.code(article).catch((err: Error) => err));
    }));
    if (this.failure) throw this.failure;
    return (article) => {
      const r = results.get(article.id);
      if (!r) throw new Error(`article ${article.id} was not coded`);
      if (r instanceof Error) throw r;
      return r;
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
