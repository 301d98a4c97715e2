// casus command line: one file per command, dispatched here.
import { UsageError } from './args.js';
import { InputError } from '../pipeline.js';
import { StoreError } from '../store/db.js';

const HELP = `casus: news text → evidence-linked political events (PLOVER, ACLED, CAMEO)

Usage:
  casus code FILE|- [--date YYYY-MM-DD] [--format json|jsonl|table] [--explain]
  casus code --input IN.jsonl --output OUT.jsonl [--date YYYY-MM-DD] [--workers N] [--stats]
  casus eval GOLD.jsonl [--misses] [--format table|json]
  casus ingest PATH|URL... [--db FILE] [--source NAME] [--date YYYY-MM-DD] [--workers N]
  casus events [--actor X] [--recipient Y] [--dyad X,Y] [--type T] [--country C] [--since D] [--until D]
               [--text "query"] [--all] [--mentions] [--limit N] [--format table|json|jsonl|csv] [--db FILE]
  casus export --format csv|jsonl --schema casus|acled|polecat|cameo [--output FILE] [--db FILE]
  casus stats [--db FILE]
  casus dyads [--level country|entity] [--no-proxies] [--db FILE | --events FILE]
  casus series --dyad X,Y [--interval day|week|month]
  casus chains --dyad X,Y [--window DAYS]
  casus escalation --dyad X,Y
  casus forecast --dyad X,Y [--horizon DAYS]
  casus serve [--db FILE] [--host 127.0.0.1] [--port 8080] [--allow-private] [--seed DIR]
  casus help

Run "casus COMMAND --help" for a command's options.`;

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  code: async () => (await import('./code.js')).runCode,
  eval: async () => (await import('./eval.js')).runEval,
  ingest: async () => (await import('./ingest.js')).runIngest,
  events: async () => (await import('./events.js')).runEvents,
  export: async () => (await import('./export.js')).runExport,
  stats: async () => (await import('./stats.js')).runStats,
  dyads: async () => (await import('./analysis.js')).runDyads,
  series: async () => (await import('./analysis.js')).runSeries,
  chains: async () => (await import('./analysis.js')).runChains,
  escalation: async () => (await import('./analysis.js')).runEscalation,
  forecast: async () => (await import('./analysis.js')).runForecast,
  serve: async () => (await import('./serve.js')).runServe,
};

/** Run the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') { process.stdout.write(`${HELP}\n`); return name ? 0 : 2; }
  const load = COMMANDS[name];
  if (!load) { process.stderr.write(`casus: unknown command "${name}"\n\n${HELP}\n`); return 2; }
  try {
    return await (await load())(rest);
  } catch (err) {
    if (err instanceof UsageError || err instanceof InputError || err instanceof StoreError) { process.stderr.write(`casus ${name}: ${err.message}\n`); return 2; }
    throw err;
  }
}
