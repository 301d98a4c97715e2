// The OpenAPI document, generated from the same zod schemas that validate requests.
import { z } from 'zod';
import { actorsQuery, codeBody, dyadQuery, dyadsQuery, eventsQuery, ingestBody } from './schemas.js';

type Schema = z.ZodType;

function params(schema: Schema): unknown[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({ name, in: 'query', required: (json.required ?? []).includes(name), schema: s }));
}

function body(schema: Schema): unknown {
  return { required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } };
}

const ok = (description: string): unknown => ({ 200: { description }, 400: { description: 'invalid input; the message names the field' } });

export function openApiDocument(): unknown {
  const get = (summary: string, schema: Schema | null, extra: unknown[] = []): unknown => ({ get: { summary, parameters: [...extra, ...(schema ? params(schema) : [])], responses: ok(summary) } });
  return {
    openapi: '3.1.0',
    info: { title: 'casus', version: '0.1.0', description: 'News to evidence-linked political event data, and who is escalating against whom.' },
    paths: {
      '/api/code': { post: { summary: 'Code a text into events and claims', requestBody: body(codeBody), responses: ok('events and claims') } },
      '/api/ingest': { post: { summary: 'Ingest a text or a URL into the store (token needed for writes)', requestBody: body(ingestBody), responses: ok('ingest summary') } },
      '/api/events': get('Events (one per incident unless mentions=true; facts only unless all=true)', eventsQuery),
      '/api/incidents': get('Incidents with their source and mention counts', eventsQuery),
      '/api/articles/{id}': get('An article with the evidence spans of its events', null, [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]),
      '/api/actors': get('Search actors by name or alias', actorsQuery),
      '/api/dyads': get('Directed dyads with counts and scores', dyadsQuery),
      '/api/series': get('A dyad\'s conflict-cooperation series', dyadQuery),
      '/api/chains': get('Action-reaction chains and reciprocity', dyadQuery),
      '/api/escalation': get('Escalation ladder per week and change-point alerts', dyadQuery),
      '/api/forecast': get('Hawkes forecast of the dyad', dyadQuery),
    },
  };
}
