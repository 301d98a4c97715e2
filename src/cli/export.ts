// casus export: the store in casus, ACLED, POLECAT or CAMEO/GDELT columns.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { dbPath, openStore } from '../store/db.js';
import { exportRow, type Schema } from '../store/export.js';
import { queryEvents } from '../store/query.js';
import { choice, parseArgs } from './args.js';
import { csvLine } from './csv.js';
import { filtersFrom } from './events.js';

const SPEC = { db: 'string', format: 'string', schema: 'string', output: 'string', all: 'boolean', mentions: 'boolean', since: 'string', until: 'string', type: 'string', country: 'string', actor: 'string', recipient: 'string', dyad: 'string', text: 'string', help: 'boolean' } as const;
const PAGE = 5000;

export async function runExport(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, SPEC);
  if (flags.help) { process.stdout.write('casus export --format csv|jsonl --schema casus|acled|polecat|cameo [--output FILE] [query filters] [--db FILE]\n'); return 0; }
  const format = choice(flags.format, ['csv', 'jsonl'] as const, 'format', 'csv');
  const schema = choice(flags.schema, ['casus', 'acled', 'polecat', 'cameo'] as const, 'schema', 'casus') as Schema;
  const db = openStore(dbPath(flags.db));
  const out = typeof flags.output === 'string' && flags.output !== '-' ? createWriteStream(flags.output) : process.stdout;
  const filters = filtersFrom(flags);
  let header = false;
  for (let offset = 0; ; offset += PAGE) {
    const rows = queryEvents(db, { ...filters, limit: PAGE, offset });
    for (const r of rows) {
      const row = exportRow(r, schema);
      let line: string;
      if (format === 'jsonl') line = JSON.stringify(row);
      else {
        if (!header) { out.write(`${csvLine(Object.keys(row))}\n`); header = true; }
        line = csvLine(Object.values(row));
      }
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    if (rows.length < PAGE) break;
  }
  db.close();
  if (out !== process.stdout) await new Promise<void>((resolve) => { out.end(() => resolve()); });
  return 0;
}
