// casus dyads | series | chains | escalation | forecast: the analyses, over the store or a JSONL file.
import { loadActorDictionary } from '../actors/dictionary.js';
import { actionReaction } from '../analysis/chains.js';
import { dyadTable, type DyadOptions } from '../analysis/dyads.js';
import { changePoints, ladder } from '../analysis/escalation.js';
import { forecastDyad } from '../analysis/forecast.js';
import { pointsFromJsonl, pointsFromStore, type Point } from '../analysis/load.js';
import { dyadSeries, type Interval } from '../analysis/series.js';
import { dbPath, openStore } from '../store/db.js';
import { dyadSides } from '../store/resolve.js';
import { choice, parseArgs, UsageError } from './args.js';

const SPEC = { db: 'string', events: 'string', dyad: 'string', interval: 'string', level: 'string', 'no-proxies': 'boolean', window: 'string', horizon: 'string', format: 'string', mentions: 'boolean', top: 'string', seed: 'string', help: 'boolean' } as const;

interface Common { points: Point[]; opt: DyadOptions; format: 'table' | 'json'; flags: Record<string, string | boolean> }

function common(argv: string[], usage: string): Common | null {
  const { flags } = parseArgs(argv, SPEC);
  if (flags.help) { process.stdout.write(`${usage}\n`); return null; }
  const format = choice(flags.format, ['table', 'json'] as const, 'format', 'table');
  const level = choice(flags.level, ['country', 'entity'] as const, 'level', 'country');
  let points: Point[];
  if (typeof flags.events === 'string') {
    try { points = pointsFromJsonl(flags.events); } catch (err) { throw new UsageError((err as Error).message); }
  } else {
    const db = openStore(dbPath(flags.db));
    points = pointsFromStore(db, flags.mentions === true);
    db.close();
  }
  return { points, opt: { proxies: flags['no-proxies'] !== true, level }, format, flags };
}

/** "USA,Iran" → ["USA", "IRN"]: names resolve to country codes (or entity ids at entity level). */
function dyadOf(flags: Record<string, string | boolean>, level: DyadOptions['level']): [string, string] {
  if (typeof flags.dyad !== 'string') throw new UsageError('give --dyad X,Y');
  const parts = flags.dyad.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(`invalid dyad: "${flags.dyad}" (expected X,Y)`);
  return dyadSides(flags.dyad, loadActorDictionary(), level);
}

function num(flags: Record<string, string | boolean>, name: string, fallback: number): number {
  const v = flags[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isFinite(n) || n <= 0) throw new UsageError(`invalid ${name}: "${String(v)}"`);
  return n;
}

const out = (s: string): boolean => process.stdout.write(`${s}\n`);
const fmt = (x: number | null, d = 2): string => (x === null ? '—' : x.toFixed(d));

export async function runDyads(argv: string[]): Promise<number> {
  const c = common(argv, 'casus dyads [--db FILE | --events FILE] [--level country|entity] [--no-proxies] [--top N] [--format table|json]');
  if (!c) return 0;
  const rows = dyadTable(c.points, c.opt).slice(0, num(c.flags, 'top', 30));
  if (c.format === 'json') { out(JSON.stringify(rows, null, 2)); return 0; }
  out('actor → recipient        events  proxy   score   verbal-coop  material-coop  verbal-conflict  material-conflict');
  for (const r of rows) out(`${`${r.actor} → ${r.recipient}`.padEnd(24)} ${String(r.events).padStart(6)} ${String(r.proxyEvents).padStart(6)} ${r.score.toFixed(1).padStart(7)}   ${r.byQuad.map((x) => String(x).padStart(13)).join('  ')}`);
  return 0;
}

export async function runSeries(argv: string[]): Promise<number> {
  const c = common(argv, 'casus series --dyad X,Y [--interval day|week|month] [--db FILE | --events FILE] [--no-proxies] [--format table|json]');
  if (!c) return 0;
  const [a, b] = dyadOf(c.flags, c.opt.level);
  const interval = choice(c.flags.interval, ['day', 'week', 'month'] as const, 'interval', 'week') as Interval;
  const rows = dyadSeries(c.points, a, b, interval, c.opt);
  if (c.format === 'json') { out(JSON.stringify({ dyad: [a, b], interval, series: rows }, null, 2)); return 0; }
  out(`${interval.padEnd(10)}  ${`${a}>${b} (vc mc vx mx, score)`.padEnd(34)}  ${`${b}>${a} (vc mc vx mx, score)`.padEnd(34)}  proxy`);
  for (const r of rows) {
    const cell = (d: string): string => `${r.counts[d].join(' ')}, ${r.scores[d].toFixed(1)}`.padEnd(34);
    out(`${r.start}  ${cell(`${a}>${b}`)}  ${cell(`${b}>${a}`)}  ${r.proxy}`);
  }
  return 0;
}

export async function runChains(argv: string[]): Promise<number> {
  const c = common(argv, 'casus chains --dyad X,Y [--window DAYS] [--db FILE | --events FILE] [--no-proxies] [--format table|json]');
  if (!c) return 0;
  const [a, b] = dyadOf(c.flags, c.opt.level);
  const report = actionReaction(c.points, a, b, num(c.flags, 'window', 14), c.opt);
  if (c.format === 'json') { out(JSON.stringify({ dyad: [a, b], ...report }, null, 2)); return 0; }
  report.chains.forEach((ch, i) => {
    out(`chain ${i + 1} (initiated by ${ch.initiator}):`);
    for (const l of ch.links) out(`  ${l.date}  ${l.from} → ${l.to}  ${l.type}${l.proxy ? ' (proxy)' : ''}${l.lagDays !== null ? `  +${l.lagDays}d` : ''}  ${l.text.slice(0, 110)}`);
  });
  out(`chains ${report.chains.length}, mean response lag ${fmt(report.meanLagDays, 1)} days, initiated: ${Object.entries(report.initiated).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const r of report.reciprocity) out(`reciprocity: ${r.direction}: slope ${fmt(r.slope)} (R² ${fmt(r.r2)}, ${r.weeks} weeks)`);
  return 0;
}

export async function runEscalation(argv: string[]): Promise<number> {
  const c = common(argv, 'casus escalation --dyad X,Y [--db FILE | --events FILE] [--no-proxies] [--format table|json]');
  if (!c) return 0;
  const [a, b] = dyadOf(c.flags, c.opt.level);
  const weeks = ladder(c.points, a, b, c.opt);
  const alerts = changePoints(c.points, a, b, c.opt);
  if (c.format === 'json') { out(JSON.stringify({ dyad: [a, b], ladder: weeks, alerts }, null, 2)); return 0; }
  for (const w of weeks) out(`${w.week}  ${String(w.level).padStart(1)} ${w.label.padEnd(44)} ${String(w.events).padStart(3)} events${w.driver ? `  | ${w.driver.slice(0, 100)}` : ''}`);
  for (const al of alerts) out(`alert: intensity change ${al.direction} in the week of ${al.week} (CUSUM ${al.statistic})`);
  if (alerts.length === 0) out('no change-point alerts');
  return 0;
}

export async function runForecast(argv: string[]): Promise<number> {
  const c = common(argv, 'casus forecast --dyad X,Y [--horizon DAYS] [--db FILE | --events FILE] [--no-proxies] [--format table|json]');
  if (!c) return 0;
  const [a, b] = dyadOf(c.flags, c.opt.level);
  const f = forecastDyad(c.points, a, b, { ...c.opt, horizon: num(c.flags, 'horizon', 14), simulations: 2000, bootstrap: 30, seed: num(c.flags, 'seed', 42), minEvents: 10 });
  if (c.format === 'json') { out(JSON.stringify(f, null, 2)); return 0; }
  out(`material-conflict events: ${f.events[0]} by ${a}, ${f.events[1]} by ${b}, over ${f.days} days`);
  if (f.note) out(f.note);
  if (f.fit && f.excitation) {
    out(`Hawkes fit: background ${a} ${fmt(f.fit.mu[0], 3)}/day, ${b} ${fmt(f.fit.mu[1], 3)}/day; decay ${fmt(f.fit.beta, 3)}/day (mean lag ${fmt(1 / f.fit.beta, 1)} days)`);
    out(`excitation: one ${a} event triggers ${fmt(f.excitation[0][0])} more by ${a} and ${fmt(f.excitation[1][0])} by ${b}; one ${b} event triggers ${fmt(f.excitation[1][1])} by ${b} and ${fmt(f.excitation[0][1])} by ${a}`);
    out(`branching ratio ${fmt(f.fit.branching)}${f.fit.branching >= 1 ? ' (explosive)' : ''}`);
  }
  for (const p of f.probability) out(`P(at least one ${p.side} attack in the next ${f.horizonDays} days): Hawkes ${fmt(p.hawkes)}${p.low !== null ? ` [${fmt(p.low)}–${fmt(p.high)}]` : ''}, Poisson ${fmt(p.poisson)}`);
  if (f.heldOut) out(`held-out log-likelihood (last 20%): Hawkes ${f.heldOut.hawkes}, Poisson ${f.heldOut.poisson}: ${f.heldOut.better} fits better`);
  return 0;
}
