// Request schemas (zod): validated on every input, and the source of the OpenAPI document.
import { z } from 'zod';
import { PLOVER_TYPES } from '../types.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const dyad = z.string().regex(/^[^,]{1,80},[^,]{1,80}$/, 'expected X,Y');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const eventsQuery = z.object({
  actor: z.string().max(100).optional(), recipient: z.string().max(100).optional(), dyad: dyad.optional(),
  type: z.enum(PLOVER_TYPES as unknown as [string, ...string[]]).optional(), country: z.string().max(100).optional(),
  since: date.optional(), until: date.optional(), text: z.string().max(300).optional(),
  all: flag.optional(), mentions: flag.optional(), limit: int(1, 1000).default(100), offset: int(0, 10_000_000).default(0),
}).strict();

export const dyadQuery = z.object({
  dyad, interval: z.enum(['day', 'week', 'month']).default('week'), proxies: flag.default(true),
  window: int(1, 365).default(14), horizon: int(1, 365).default(14),
}).strict();

export const dyadsQuery = z.object({ proxies: flag.default(true), level: z.enum(['country', 'entity']).default('country'), top: int(1, 500).default(50) }).strict();

export const actorsQuery = z.object({ q: z.string().min(1).max(100) }).strict();

export const codeBody = z.object({ text: z.string().max(2_000_000), date: date.nullable().optional(), id: z.string().max(200).optional() }).strict();

export const ingestBody = z.object({
  text: z.string().min(1).max(2_000_000).optional(), url: z.string().url().max(2000).optional(),
  title: z.string().max(500).optional(), source: z.string().max(200).optional(), date: date.optional(), id: z.string().max(200).optional(),
}).strict().refine((b) => (b.text === undefined) !== (b.url === undefined), { message: 'give exactly one of text or url', path: ['text'] });

/** "invalid since: expected YYYY-MM-DD" from the first zod issue. */
export function describeError(err: z.ZodError): string {
  const issue = err.issues[0];
  const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.join(', ') ?? 'request' : 'request');
  return issue.code === 'unrecognized_keys' ? `unknown field: ${field}` : `invalid ${field}: ${issue.message}`;
}
