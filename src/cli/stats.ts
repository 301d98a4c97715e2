// casus stats: what the store holds, by type, dyad, source and day.
import { dbPath, openStore } from '../store/db.js';
import { choice, parseArgs } from './args.js';

const SPEC = { db: 'string', format: 'string', help: 'boolean', top: 'string' } as const;

export async function runStats(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, SPEC);
  if (flags.help) { process.stdout.write('casus stats [--db FILE] [--format table|json] [--top N]\n'); return 0; }
  const format = choice(flags.format, ['table', 'json'] as const, 'format', 'table');
  const top = flags.top ? Number(flags.top) : 15;
  const db = openStore(dbPath(flags.db));
  const one = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const stats = {
    articles: one('SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NULL'),
    duplicates: one('SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NOT NULL'),
    events: one('SELECT COUNT(*) AS n FROM events'),
    facts: one('SELECT COUNT(*) AS n FROM events WHERE factual = 1'),
    incidents: one('SELECT COUNT(*) AS n FROM incidents'),
    claims: one('SELECT COUNT(*) AS n FROM claims'),
    byType: db.prepare('SELECT type AS key, COUNT(*) AS n FROM events WHERE factual = 1 GROUP BY type ORDER BY n DESC').all(),
    byDyad: db.prepare(`SELECT COALESCE(actor_country, '?') || ' → ' || COALESCE(recipient_country, '?') AS key, COUNT(*) AS n FROM events WHERE factual = 1 GROUP BY key ORDER BY n DESC LIMIT ?`).all(top),
    bySource: db.prepare(`SELECT COALESCE(source, '?') AS key, COUNT(*) AS n FROM articles GROUP BY key ORDER BY n DESC LIMIT ?`).all(top),
    byDay: db.prepare(`SELECT COALESCE(date, '?') AS key, COUNT(*) AS n FROM events WHERE factual = 1 GROUP BY key ORDER BY key LIMIT 1000`).all(),
  };
  db.close();
  if (format === 'json') { process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`); return 0; }
  const w = (s: string): boolean => process.stdout.write(`${s}\n`);
  w(`articles ${stats.articles} (+${stats.duplicates} near-duplicates), events ${stats.events} (${stats.facts} facts), incidents ${stats.incidents}, claims ${stats.claims}`);
  for (const [title, list] of [['by type', stats.byType], ['by dyad', stats.byDyad], ['by source', stats.bySource], ['by day', stats.byDay]] as const) {
    w(`\n${title}:`);
    for (const r of list as { key: string; n: number }[]) w(`  ${String(r.n).padStart(6)}  ${r.key}`);
  }
  return 0;
}
