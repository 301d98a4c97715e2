// casus eval: score the coder against a gold file in the plover-gsr format.
import { readFileSync } from 'node:fs';
import { codeArticle, loadResources, validateArticle } from '../pipeline.js';
import { isFactual } from '../events/modality.js';
import { PLOVER_TYPES, type CasusEvent } from '../types.js';
import { choice, parseArgs, UsageError } from './args.js';
import { scoreRecords, type GoldRecord, type EvalReport } from '../eval/score.js';

const SPEC = { misses: 'boolean', format: 'string', help: 'boolean' } as const;

export async function runEval(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, SPEC);
  if (flags.help || positional.length !== 1) {
    if (!flags.help) throw new UsageError('give one GOLD.jsonl file');
    process.stdout.write('casus eval GOLD.jsonl [--misses] [--format table|json]\n');
    return 0;
  }
  const format = choice(flags.format, ['table', 'json'] as const, 'format', 'table');
  const gold = readGold(positional[0]);
  const res = loadResources();
  const predicted = gold.map((g) => {
    const coded = codeArticle(validateArticle({ id: g.id, text: g.text, date: g.date ?? null }), res);
    return coded.events.filter((e: CasusEvent) => isFactual(e.context));
  });
  const report = scoreRecords(gold, predicted);
  if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(`${renderReport(report, flags.misses === true)}\n`);
  return 0;
}

function readGold(file: string): GoldRecord[] {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) { throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`); }
  return text.split('\n').filter((l) => l.trim()).map((l, i) => {
    try { return JSON.parse(l) as GoldRecord; } catch { throw new UsageError(`${file}:${i + 1}: not valid JSON`); }
  });
}

const pct = (x: number): string => x.toFixed(2);

function renderReport(r: EvalReport, misses: boolean): string {
  const lines: string[] = [];
  if (misses) {
    for (const m of r.misses) {
      lines.push(`${m.id}: ${m.text}`);
      lines.push(`   gold: ${m.gold.join('; ') || '—'}`);
      lines.push(`   got:  ${m.predicted.join('; ') || '—'}`);
    }
    lines.push('');
  }
  lines.push('type        gold  pred    tp  precision  recall    f1');
  for (const t of PLOVER_TYPES) {
    const s = r.perType[t];
    lines.push(`${t.padEnd(10)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.tp).padStart(5)}  ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(5)}`);
  }
  lines.push(`records ${r.records}, gold events ${r.goldEvents}, predicted ${r.predictedEvents}, matched ${r.matched}`);
  lines.push(`micro-F1 ${pct(r.microF1)}  macro-F1 ${pct(r.macroF1)}`);
  lines.push(`actor country accuracy ${pct(r.actorCountryAccuracy)}  recipient country accuracy ${pct(r.recipientCountryAccuracy)} (on matched events)`);
  return lines.join('\n');
}
