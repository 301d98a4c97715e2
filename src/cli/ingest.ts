// casus ingest: files, folders, JSONL, HTML pages, URLs and feeds into the store.
import { readInput, type RawArticle } from '../article/index.js';
import { DEFAULT_FETCH } from '../article/fetch.js';
import { loadResources } from '../pipeline.js';
import { dbPath, openStore } from '../store/db.js';
import { emptySummary, ingestAll, ingestAllCoded } from '../store/ingest.js';
import { availableParallelism } from 'node:os';
import { CodingPool } from './pool.js';
import { parseIsoDate } from '../dates/index.js';
import { parseArgs, UsageError } from './args.js';
import { Progress } from './progress.js';

const SPEC = { db: 'string', source: 'string', date: 'string', 'batch-size': 'string', help: 'boolean', 'timeout': 'string', workers: 'string' } as const;
/** Below this many articles, starting worker threads costs more than it saves. */
const MIN_FOR_WORKERS = 200;

export async function runIngest(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, SPEC);
  if (flags.help || positional.length === 0) {
    if (!flags.help) throw new UsageError('give at least one PATH or URL');
    process.stdout.write(`casus ingest PATH|URL... [--db FILE] [--source NAME] [--date YYYY-MM-DD] [--batch-size N] [--workers N]\n  --workers N: code with N worker threads (default: the number of cores; one below ${MIN_FOR_WORKERS} articles)\n`);
    return 0;
  }
  const date = typeof flags.date === 'string' ? flags.date : null;
  if (date) { try { parseIsoDate(date); } catch { throw new UsageError(`invalid date: "${date}" (expected YYYY-MM-DD)`); } }
  const batchSize = flags['batch-size'] ? Number(flags['batch-size']) : 100;
  const workersFlag = flags.workers ? Number(flags.workers) : null;
  if (workersFlag !== null && (!Number.isInteger(workersFlag) || workersFlag < 1 || workersFlag > 64)) throw new UsageError(`invalid workers: "${String(flags.workers)}" (1 to 64)`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError(`invalid batch-size: "${String(flags['batch-size'])}"`);
  const db = openStore(dbPath(flags.db));
  const feedRow = db.prepare<[string], { etag: string | null; last_modified: string | null }>('SELECT etag, last_modified FROM feeds WHERE url = ?');
  const saveFeed = db.prepare('INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at');
  const summary = emptySummary();
  const articles: RawArticle[] = [];
  for (const input of positional) {
    const r = await readInput(input, {
      source: typeof flags.source === 'string' ? flags.source : null, date,
      fetch: { ...DEFAULT_FETCH, timeoutMs: flags.timeout ? Number(flags.timeout) : DEFAULT_FETCH.timeoutMs },
      feedState: (url) => { const row = feedRow.get(url); return row ? { etag: row.etag, lastModified: row.last_modified } : null; },
      onFeed: (url, etag, lastModified) => saveFeed.run(url, etag, lastModified, new Date().toISOString()),
    });
    articles.push(...r.articles);
    summary.failed.push(...r.failures);
  }
  const progress = new Progress(articles.length);
  const workers = workersFlag ?? (articles.length < MIN_FOR_WORKERS ? 1 : availableParallelism());
  const onBatch = (done: number): void => progress.update(done, summary.events);
  const pool = workers > 1 ? new CodingPool(workers) : null;
  try {
    if (pool) await ingestAllCoded(db, articles, summary, batchSize, dbPath(flags.db), (batch) => pool.coderFor(batch), onBatch);
    else ingestAll(db, articles, loadResources(), summary, batchSize, dbPath(flags.db), onBatch);
  } catch (err) {
    progress.finish();
    db.close();
    throw err;
  } finally {
    await pool?.close();
  }
  progress.finish();
  db.close();
  process.stdout.write(`ingested: ${summary.new} new, ${summary.unchanged} unchanged, ${summary.duplicates} duplicates, ${summary.failed.length} failed; ${summary.events} events\n`);
  for (const f of summary.failed) process.stdout.write(`  failed: ${f.input}: ${f.reason}\n`);
  return summary.failed.length && summary.new === 0 && summary.unchanged === 0 && summary.duplicates === 0 ? 1 : 0;
}
