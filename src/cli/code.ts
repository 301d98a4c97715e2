// casus code: one article to events, or a JSONL batch (the batch contract in ../shared/DESIGN.md).
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { codeBatchParallel } from './pool.js';
import { parseIsoDate } from '../dates/index.js';
import { codeArticle, InputError, loadResources, validateArticle, type Resources } from '../pipeline.js';
import { choice, parseArgs, UsageError } from './args.js';
import { publicEvent, renderTable } from './output.js';
import { splitHeader } from '../article/header.js';

export { splitHeader } from '../article/header.js';

const SPEC = { date: 'string', format: 'string', explain: 'boolean', input: 'string', output: 'string', help: 'boolean', 'max-line': 'string', workers: 'string', stats: 'boolean' } as const;

/** Longest JSONL input line accepted, in characters; longer lines get an error record. */
const DEFAULT_MAX_LINE = 8_000_000;

export async function runCode(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, SPEC);
  if (flags.help) { process.stdout.write('casus code FILE|- [--date YYYY-MM-DD] [--format json|jsonl|table] [--explain]\ncasus code --input IN.jsonl --output OUT.jsonl [--date YYYY-MM-DD] [--workers N] [--max-line CHARS] [--stats]\n'); return 0; }
  const date = typeof flags.date === 'string' ? checkDate(flags.date) : null;
  if (typeof flags.input === 'string' || typeof flags.output === 'string') {
    if (typeof flags.input !== 'string' || typeof flags.output !== 'string') throw new UsageError('--input and --output go together');
    const maxLine = flags['max-line'] ? Number(flags['max-line']) : DEFAULT_MAX_LINE;
    if (!Number.isInteger(maxLine) || maxLine <= 0) throw new UsageError(`invalid max-line: "${String(flags['max-line'])}"`);
    const workers = flags.workers ? Number(flags.workers) : availableParallelism();
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`invalid workers: "${String(flags.workers)}" (1 to 64)`);
    const started = performance.now();
    const lines = workers === 1 ? await codeBatch(flags.input, flags.output, date, loadResources(), maxLine)
      : await codeBatchParallel(flags.input, flags.output, date, maxLine, workers);
    if (flags.stats) {
      // For benchmarks and capacity planning: one JSON line on standard error, after the output is complete.
      const seconds = (performance.now() - started) / 1000;
      const stats = { articles: lines, workers, seconds: Math.round(seconds * 100) / 100, articlesPerSecond: Math.round(lines / seconds), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
      process.stderr.write(`${JSON.stringify(stats)}\n`);
    }
    return 0;
  }
  const format = choice(flags.format, ['json', 'jsonl', 'table'] as const, 'format', 'table');
  if (positional.length !== 1) throw new UsageError('give one FILE, or - for standard input');
  const file = positional[0];
  const raw = file === '-' ? readFileSync(0, 'utf8') : readText(file);
  const { text, meta } = splitHeader(raw);
  const article = validateArticle({ id: file === '-' ? 'stdin' : basename(file), text, date: date ?? meta.date ?? null });
  const coded = codeArticle(article, loadResources());
  const explain = flags.explain === true;
  const events = coded.events.map((e) => publicEvent(e, explain));
  if (format === 'json') process.stdout.write(`${JSON.stringify({ id: article.id, date: article.date, events, claims: coded.claims }, null, 2)}\n`);
  else if (format === 'jsonl') for (const e of events) process.stdout.write(`${JSON.stringify(e)}\n`);
  else {
    process.stdout.write(`${renderTable(coded.events, explain)}\n`);
    if (explain) for (const d of coded.debug.dropped) process.stdout.write(`  not an event: "${d.spotted.trigger.pattern}" in sentence ${d.sentence}: ${d.dropped}\n`);
  }
  return 0;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function checkDate(value: string): string {
  try { parseIsoDate(value); } catch { throw new UsageError(`invalid date: "${value}" (expected YYYY-MM-DD)`); }
  return value;
}

/** Stream a JSONL batch: one output line per input line, same order; bad lines become error records. */
async function codeBatch(input: string, output: string, date: string | null, res: Resources, maxLine: number): Promise<number> {
  const source = input === '-' ? process.stdin : createReadStream(input, { encoding: 'utf8' });
  const out = output === '-' ? process.stdout : createWriteStream(output, { encoding: 'utf8' });
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let n = 0, coded = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const record = codeLine(line, n, date, res, maxLine);
    coded++;
    if (!out.write(`${record}\n`)) await once(out, 'drain');
  }
  if (out !== process.stdout) await new Promise<void>((resolve) => { out.end(() => resolve()); });
  return coded;
}

/** One output line for one input line of a batch; never throws. */
export function codeLine(line: string, n: number, date: string | null, res: Resources, maxLine: number): string {
  let id: unknown = null;
  try {
    if (line.length > maxLine) throw new InputError(`line ${n}: ${line.length} characters is over the line limit of ${maxLine}`);
    let raw: unknown;
    try { raw = JSON.parse(line); } catch (err) { throw new InputError(`line ${n}: not valid JSON (${(err as Error).message})`); }
    if (raw && typeof raw === 'object' && 'id' in raw) id = (raw as { id: unknown }).id;
    const article = validateArticle(raw, date);
    const coded = codeArticle(article, res);
    return JSON.stringify({ id: article.id, events: coded.events.map((e) => publicEvent(e)) });
  } catch (err) {
    // A coder fault on one record must not lose the rest of the batch: report it on that line.
    const message = err instanceof InputError ? err.message : `line ${n}: internal error: ${err instanceof Error ? err.message : String(err)}`;
    if (!(err instanceof InputError)) process.stderr.write(`casus code: ${message}\n`);
    return JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: message });
  }
}
