// casus events: query the store.
import { loadActorDictionary } from '../actors/dictionary.js';
import { dbPath, openStore } from '../store/db.js';
import { queryEvents, type EventFilters, type EventRow } from '../store/query.js';
import { resolveFilters, type FilterInput } from '../store/resolve.js';
import { choice, parseArgs, UsageError } from './args.js';
import { csvLine } from './csv.js';

const SPEC = { db: 'string', actor: 'string', recipient: 'string', dyad: 'string', type: 'string', country: 'string', since: 'string', until: 'string', text: 'string', all: 'boolean', 'facts-only': 'boolean', mentions: 'boolean', limit: 'string', offset: 'string', format: 'string', help: 'boolean' } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from parsed flags, validated here; names resolve through the actor dictionary. */
export function filtersFrom(flags: Record<string, string | boolean>): EventFilters {
  const str = (k: string): string | undefined => (typeof flags[k] === 'string' ? flags[k] as string : undefined);
  const q: FilterInput = { actor: str('actor'), recipient: str('recipient'), type: str('type'), country: str('country'), text: str('text'), all: flags.all === true, mentions: flags.mentions === true };
  const dyad = str('dyad');
  if (dyad !== undefined) {
    const parts = dyad.split(',');
    if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) throw new UsageError(`invalid dyad: "${dyad}" (expected X,Y)`);
    q.dyad = dyad;
  }
  for (const k of ['since', 'until'] as const) {
    const v = str(k);
    if (v !== undefined) { if (!DATE.test(v)) throw new UsageError(`invalid ${k}: "${v}" (expected YYYY-MM-DD)`); q[k] = v; }
  }
  for (const k of ['limit', 'offset'] as const) {
    const v = str(k);
    if (v !== undefined) { const n = Number(v); if (!Number.isInteger(n) || n < 0) throw new UsageError(`invalid ${k}: "${v}"`); q[k] = n; }
  }
  const needDict = q.actor !== undefined || q.recipient !== undefined || q.dyad !== undefined || q.country !== undefined;
  return resolveFilters(q, needDict ? loadActorDictionary() : null);
}

export const EVENT_COLUMNS = ['id', 'date', 'type', 'mode', 'actor_name', 'actor_country', 'recipient_name', 'recipient_country', 'location_name', 'location_country', 'killed', 'injured', 'score', 'acled_sub_event_type', 'sources', 'mentions', 'source', 'url'] as const;

export async function runEvents(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, SPEC);
  if (flags.help) { process.stdout.write('casus events [--actor X] [--recipient Y] [--dyad X,Y] [--type T] [--country C] [--since D] [--until D] [--text Q] [--all] [--mentions] [--format table|json|jsonl|csv] [--db FILE]\n'); return 0; }
  const format = choice(flags.format, ['table', 'json', 'jsonl', 'csv'] as const, 'format', 'table');
  const db = openStore(dbPath(flags.db));
  const rows = queryEvents(db, filtersFrom(flags));
  db.close();
  const out = process.stdout;
  if (format === 'json') out.write(`${JSON.stringify(rows.map(withRecord), null, 2)}\n`);
  else if (format === 'jsonl') for (const r of rows) out.write(`${JSON.stringify(withRecord(r))}\n`);
  else if (format === 'csv') { out.write(`${csvLine(EVENT_COLUMNS)}\n`); for (const r of rows) out.write(`${csvLine(EVENT_COLUMNS.map((c) => r[c]))}\n`); }
  else {
    for (const r of rows) {
      out.write(`${r.date ?? '?'}  ${r.type.padEnd(9)} ${(r.actor_name ?? '—')} (${r.actor_country ?? '?'}) → ${(r.recipient_name ?? '—')} (${r.recipient_country ?? '?'})`
        + `${r.location_name ? `  @ ${r.location_name}` : ''}${r.killed !== null ? `  killed ${r.killed}` : ''}  sources ${r.sources ?? 1}, mentions ${r.mentions ?? 1}\n`);
    }
    out.write(`${rows.length} ${flags.mentions ? 'events' : 'incidents'}\n`);
  }
  return 0;
}

function withRecord(r: EventRow): Record<string, unknown> {
  const { record, ...rest } = r;
  return { ...JSON.parse(record), incident: r.incident_id, sources: rest.sources ?? 1, mentions: rest.mentions ?? 1, contested: !!rest.contested, source: rest.source, url: rest.url };
}
