// Worker threads for coding: `casus code --workers N` (JSONL lines, results in input order) and
// `casus ingest --workers N` (articles coded for the store), on one pool that survives a worker's death.
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
 * Worker threads running one script: each job goes to the least busy worker as `{seq, ...job}` and
 * comes back as `{seq, ...result}`. A worker codes its jobs in order, so when it dies (out of memory
 * on one huge article) the first job it held is the one it died on: that job fails with the reason,
 * the jobs queued behind it go to a fresh worker. A worker that dies holding nothing (it could not
 * start) fails the pool.
 */
class WorkerPool<Job extends object, Result> {
  private readonly workers: Worker[] = [];
  private readonly busy: number[];
  private readonly held = new Map<number, { k: number; job: Job; resolve: (r: Result) => void; reject: (e: Error) => void }>();
  private seq = 0;
  private failure: Error | null = null;
  private closed = false;

  constructor(private readonly script: URL, n: number, private readonly workerData: unknown = null) {
    this.busy = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) this.spawn(k);
  }

  private spawn(k: number): void {
    const w = new Worker(this.script, { workerData: this.workerData, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb() } });
    this.workers[k] = w;
    this.busy[k] = 0;
    let answered = false;
    w.on('message', (msg: { seq: number } & Result) => {
      answered = true;
      const h = this.held.get(msg.seq);
      if (!h) return;
      this.held.delete(msg.seq);
      this.busy[k]--;
      h.resolve(msg);
    });
    w.on('error', (err) => {
      if (this.closed) return;
      const mine = [...this.held].filter(([, h]) => h.k === k).sort(([a], [b]) => a - b);
      const oom = (err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      // Dead before answering anything, and not for memory: the script cannot run; so ends the pool.
      if (mine.length === 0 || (!answered && !oom)) {
        this.failure = err;
        for (const [seq, h] of mine) { this.held.delete(seq); h.reject(err); }
        return;
      }
      const [[culprit, first], ...rest] = mine;
      this.held.delete(culprit);
      this.spawn(k);
      first.reject(new Error(oom ? `the coder ran out of memory on this article (worker heap ${workerHeapMb()} MB)` : err.message));
      for (const [seq, h] of rest) this.post(k, seq, h);
    });
  }

  private post(k: number, seq: number, h: { job: Job; resolve: (r: Result) => void; reject: (e: Error) => void }): void {
    this.busy[k]++;
    this.held.set(seq, { ...h, k });
    this.workers[k].postMessage({ seq, ...h.job });
  }

  /** Run one job on the least busy worker. */
  run(job: Job): Promise<Result> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.post(this.busy.indexOf(Math.min(...this.busy)), this.seq++, { job, resolve, reject }));
  }

  /** The error that failed the pool, if one did. */
  get failed(): Error | null { return this.failure; }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Code a JSONL batch with `n` worker threads; resolves to the number of records written. Results are
 * written in input order; memory stays bounded by the lines in flight. A line whose worker died on it
 * becomes an error record, and the batch goes on.
 */
export async function codeBatchParallel(input: string, output: string, date: string | null, maxLine: number, n: number): Promise<number> {
  const source = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' });
  const out = output === '-' ? process.stdout : createWriteStream(output, { encoding: 'utf8' });
  const pool = new WorkerPool<{ n: number; line: string }, { line: string }>(new URL('./code-worker.js', import.meta.url), n, { date, maxLine });
  const inFlight: Promise<string>[] = [];
  let written = 0;
  const writeNext = async (): Promise<void> => {
    const record = await inFlight.shift()!;
    if (pool.failed) throw pool.failed;
    if (!out.write(`${record}\n`)) await once(out, 'drain');
    written++;
  };
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let n0 = 0;
  try {
    for await (const line of lines) {
      n0++;
      if (line.trim() === '') continue;
      const at = n0;
      inFlight.push(pool.run({ n: at, line }).then((r) => r.line, (err: Error) => errorRecord(line, at, err)));
      if (inFlight.length >= n * IN_FLIGHT_PER_WORKER) await writeNext();
    }
    while (inFlight.length) await writeNext();
  } finally {
    await pool.close();
  }
  if (out !== process.stdout) { out.end(); await once(out, 'finish'); }
  return written;
}

/** The batch's error record for a line whose worker died on it (or a pool that failed). */
function errorRecord(line: string, n: number, err: Error): string {
  let id: unknown = null;
  try { id = (JSON.parse(line) as { id?: unknown }).id ?? null; } catch { /* the line is reported by number */ }
  return JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: `line ${n}: internal error: ${err.message}` });
}

/** Worker threads that code articles for the store (`casus ingest --workers N`). */
export class CodingPool {
  private readonly pool: WorkerPool<{ article: Article }, { events?: CodedArticle['events']; claims?: CodedArticle['claims']; error?: string }>;

  constructor(n: number) {
    this.pool = new WorkerPool(new URL('./ingest-worker.js', import.meta.url), n);
  }

  /** Code one article on the least busy worker. */
  async code(article: Article): Promise<CodedArticle> {
    const r = await this.pool.run({ article });
    if (r.error !== undefined) throw new Error(r.error);
    return { events: r.events ?? [], claims: r.claims ?? [] };
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
    if (this.pool.failed) throw this.pool.failed;
    return (article) => {
      const r = results.get(article.id);
      if (!r) throw new Error(`article ${article.id} was not coded`);
      if (r instanceof Error) throw r;
      return r;
    };
  }

  close(): Promise<void> { return this.pool.close(); }
}
