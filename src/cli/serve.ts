// casus serve: the HTTP API and the dashboard.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { readInput } from '../article/index.js';
import { loadResources, type Resources } from '../pipeline.js';
import { createApp } from '../server/app.js';
import { dbPath, openStore } from '../store/db.js';
import { emptySummary, ingestBatch } from '../store/ingest.js';
import { parseArgs, UsageError } from './args.js';

const SPEC = { db: 'string', host: 'string', port: 'string', 'allow-private': 'boolean', seed: 'string', cors: 'string', help: 'boolean' } as const;
const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');

export async function runServe(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, SPEC);
  if (flags.help) { process.stdout.write('casus serve [--db FILE] [--host 127.0.0.1] [--port 8080] [--allow-private] [--seed DIR] [--cors ORIGIN,...]\n'); return 0; }
  const port = flags.port ? Number(flags.port) : 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid port: "${String(flags.port)}"`);
  const host = typeof flags.host === 'string' ? flags.host : '127.0.0.1';
  const db = openStore(dbPath(flags.db));
  let res: Resources | null = null;
  const resources = (): Resources => (res ??= loadResources());
  if (typeof flags.seed === 'string') {
    const n = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    if (n === 0) {
      const r = await readInput(flags.seed, {});
      const summary = emptySummary();
      ingestBatch(db, r.articles, resources(), summary);
      process.stdout.write(`seeded the empty store from ${flags.seed}: ${summary.new} articles, ${summary.events} events\n`);
    }
  }
  const webRoot = existsSync(join(WEB, 'index.html')) ? relative(process.cwd(), WEB) || '.' : null;
  const app = createApp({ db, resources, token: process.env.CASUS_TOKEN || null, allowPrivate: flags['allow-private'] === true, webRoot, cors: typeof flags.cors === 'string' ? flags.cors.split(',') : [], postsPerMinute: 60 });
  const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
    process.stdout.write(`casus: serving ${webRoot ? 'the dashboard and ' : ''}the API at http://${host}:${info.port}/${webRoot ? '' : ' (dashboard not built: npm run build:web)'}\n`);
  });
  await new Promise<void>((resolve) => {
    const stop = (): void => { server.close(); db.close(); resolve(); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
