// A small, strict argument parser: unknown flags are errors naming the flag.

export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

export interface FlagSpec { [name: string]: 'string' | 'boolean' }

export interface Parsed { flags: Record<string, string | boolean>; positional: string[] }

/** `parseArgs(['a.txt', '--date', '2020-03-14'], {date: 'string'})` → `{flags: {date: '2020-03-14'}, positional: ['a.txt']}`. */
export function parseArgs(argv: readonly string[], spec: FlagSpec): Parsed {
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-' || !a.startsWith('--')) { positional.push(a); continue; }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') { flags[name] = true; continue; }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`option --${name} needs a value`);
    flags[name] = value;
  }
  return { flags, positional };
}

/** One of the allowed values, or a usage error: `choice('xml', ['json'], 'format')`. */
export function choice<T extends string>(value: string | boolean | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw new UsageError(`invalid ${name}: "${String(value)}" (expected ${allowed.join(', ')})`);
  return value as T;
}
