// The HTTP API and the dashboard, on Hono: validation on every input, errors as 400s naming the field,
// security headers, writes behind a token (or loopback only), request size and POST rate limits.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { z } from 'zod';
import { readInput } from '../article/index.js';
import { DEFAULT_FETCH } from '../article/fetch.js';
import { actionReaction } from '../analysis/chains.js';
import { dyadTable } from '../analysis/dyads.js';
import { changePoints, ladder } from '../analysis/escalation.js';
import { forecastDyad } from '../analysis/forecast.js';
import { StorePoints, type Point } from '../analysis/load.js';
import { dyadSeries } from '../analysis/series.js';
import { codeArticle, InputError, validateArticle, type Resources } from '../pipeline.js';
import { StoreError, type DB } from '../store/db.js';
import { emptySummary, ingestAll } from '../store/ingest.js';
import { queryEvents, type EventFilters, type EventRow } from '../store/query.js';
import { dyadSides, resolveActor, resolveFilters } from '../store/resolve.js';
import { publicAgent, publicOnly, ForbiddenAddress, type Resolve } from './guard.js';
import { openApiDocument } from './openapi.js';
import { actorsQuery, codeBody, describeError, dyadQuery, dyadsQuery, eventsQuery, ingestBody } from './schemas.js';

export interface AppOptions {
  db: DB;
  resources: () => Resources;
  /** CASUS_TOKEN: when set, writes need "Authorization: Bearer <token>"; when unset, writes only from loopback */
  token: string | null;
  allowPrivate: boolean;
  /** the built dashboard (dist/web), or null to serve the API alone */
  webRoot: string | null;
  /** origins allowed by CORS; none by default */
  cors: string[];
  postsPerMinute: number;
  /** name resolution for the SSRF checks (the system resolver when omitted) */
  resolve?: Resolve;
}

type Env = { Bindings: { incoming?: { socket?: { remoteAddress?: string } } } };

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new HTTPException(400, { message: describeError(r.error) });
  return r.data;
}

const isLoopback = (ip: string | undefined): boolean => !!ip && (ip === '::1' || ip.startsWith('127.') || ip === '::ffff:127.0.0.1');

export function createApp(opt: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const hits = new Map<string, number[]>();
  // Analyses over the whole store are not per-request work: facts are refreshed at most every few seconds.
  const points = new StorePoints(opt.db, 5000);
  // URL ingest connects to public addresses only (checked again at connect time) unless allowed.
  const urlAgent = opt.allowPrivate ? undefined : publicAgent(opt.resolve);
  const analysisPoints = (): Point[] => points.get();

  app.use('*', secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], objectSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    xContentTypeOptions: 'nosniff', referrerPolicy: 'no-referrer',
  }));
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin && opt.cors.includes(origin)) c.header('access-control-allow-origin', origin);
    await next();
  });
  app.use('/api/*', bodyLimit({ maxSize: 2_500_000, onError: (c) => c.json({ error: 'request body over the limit of 2.5 MB' }, 413) }));
  app.on('POST', '/api/*', async (c, next) => {
    const ip = c.env?.incoming?.socket?.remoteAddress;
    if (opt.token) {
      if (c.req.header('authorization') !== `Bearer ${opt.token}`) return c.json({ error: 'a valid token is needed for writes (Authorization: Bearer ...)' }, 401);
    } else if (!isLoopback(ip) && c.req.path === '/api/ingest') {
      return c.json({ error: 'writes from other hosts need CASUS_TOKEN to be set on the server' }, 403);
    }
    const now = Date.now();
    const key = ip ?? '?';
    const recent = (hits.get(key) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= opt.postsPerMinute) return c.json({ error: `rate limit: at most ${opt.postsPerMinute} POST requests a minute` }, 429);
    hits.set(key, [...recent, now]);
    await next();
  });

  app.get('/api/openapi.json', (c) => c.json(openApiDocument()));

  app.post('/api/code', async (c) => {
    const body = parse(codeBody, await c.req.json().catch(() => { throw new HTTPException(400, { message: 'invalid body: expected JSON' }); }));
    const article = validateArticle({ id: body.id ?? 'request', text: body.text, date: body.date ?? null });
    const coded = codeArticle(article, opt.resources());
    return c.json({ id: article.id, date: article.date, text: article.text, sentences: coded.debug.doc.sentences.map((s) => ({ start: s.start, end: s.end })), events: coded.events.map(({ explain: _e, ...e }) => e), claims: coded.claims });
  });

  app.post('/api/ingest', async (c) => {
    const body = parse(ingestBody, await c.req.json().catch(() => { throw new HTTPException(400, { message: 'invalid body: expected JSON' }); }));
    const summary = emptySummary();
    if (body.url) {
      const r = await readInput(body.url, { source: body.source ?? null, date: body.date ?? null, fetch: { ...DEFAULT_FETCH, guard: publicOnly(opt.allowPrivate, opt.resolve), dispatcher: urlAgent } });
      const forbidden = r.failures.find((f) => /refused:|cannot resolve/.test(f.reason));
      if (forbidden) return c.json({ error: forbidden.reason }, 403);
      summary.failed.push(...r.failures);
      ingestAll(opt.db, r.articles, opt.resources(), summary, 100, 'the store');
    } else {
      ingestAll(opt.db, [{ uid: body.id ?? `api-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, url: null, source: body.source ?? 'api', title: body.title ?? null, byline: null, published: body.date ?? null, text: body.text! }], opt.resources(), summary, 1, 'the store');
    }
    points.invalidate();
    return c.json(summary);
  });

  const filters = (q: z.output<typeof eventsQuery>): EventFilters => resolveFilters(q, opt.resources().dict);
  const eventJson = (r: EventRow): Record<string, unknown> => ({ ...JSON.parse(r.record), article: r.article_id, incident: r.incident_id, sources: r.sources ?? 1, mentions: r.mentions ?? 1, contested: !!r.contested, source: r.source, url: r.url, title: r.title });
  app.get('/api/events', (c) => {
    const q = parse(eventsQuery, c.req.query());
    return c.json({ events: queryEvents(opt.db, filters(q)).map(eventJson), limit: q.limit, offset: q.offset });
  });
  app.get('/api/incidents', (c) => {
    const q = parse(eventsQuery, c.req.query());
    return c.json({ incidents: queryEvents(opt.db, { ...filters(q), mentions: false }).map(eventJson) });
  });
  app.get('/api/articles/:id', (c) => {
    const id = parse(z.object({ id: z.coerce.number().int().min(1) }), { id: c.req.param('id') }).id;
    const a = opt.db.prepare('SELECT id, uid, url, source, title, byline, published, text, duplicate_of FROM articles WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!a) return c.json({ error: `no article ${id}` }, 404);
    const events = (opt.db.prepare('SELECT record FROM events WHERE article_id = ? ORDER BY sentence').all(id) as { record: string }[]).map((r) => JSON.parse(r.record));
    return c.json({ ...a, events });
  });
  app.get('/api/actors', (c) => {
    const { q } = parse(actorsQuery, c.req.query());
    const keys = resolveActor(q, opt.resources().dict);
    const rows = opt.db.prepare(`SELECT id, name, country, sector, sponsor, mentions FROM entities
      WHERE name LIKE ? ESCAPE '\\' OR id IN (${keys.map(() => '?').join(',')}) OR country IN (${keys.map(() => '?').join(',')}) ORDER BY mentions DESC LIMIT 20`)
      .all(`%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`, ...keys, ...keys);
    return c.json({ query: q, keys, actors: rows });
  });
  const dyadOf = (s: string): [string, string] => dyadSides(s, opt.resources().dict);
  app.get('/api/dyads', (c) => {
    const q = parse(dyadsQuery, c.req.query());
    return c.json({ dyads: dyadTable(analysisPoints(), { proxies: q.proxies, level: q.level }).slice(0, q.top) });
  });
  app.get('/api/series', (c) => {
    const q = parse(dyadQuery, c.req.query());
    const [a, b] = dyadOf(q.dyad);
    return c.json({ dyad: [a, b], interval: q.interval, series: dyadSeries(analysisPoints(), a, b, q.interval, { proxies: q.proxies, level: 'country' }) });
  });
  app.get('/api/chains', (c) => {
    const q = parse(dyadQuery, c.req.query());
    const [a, b] = dyadOf(q.dyad);
    return c.json({ dyad: [a, b], ...actionReaction(analysisPoints(), a, b, q.window, { proxies: q.proxies, level: 'country' }) });
  });
  app.get('/api/escalation', (c) => {
    const q = parse(dyadQuery, c.req.query());
    const [a, b] = dyadOf(q.dyad);
    const o = { proxies: q.proxies, level: 'country' as const };
    return c.json({ dyad: [a, b], ladder: ladder(analysisPoints(), a, b, o), alerts: changePoints(analysisPoints(), a, b, o) });
  });
  app.get('/api/forecast', (c) => {
    const q = parse(dyadQuery, c.req.query());
    const [a, b] = dyadOf(q.dyad);
    return c.json(forecastDyad(analysisPoints(), a, b, { proxies: q.proxies, level: 'country', horizon: q.horizon, simulations: 1000, bootstrap: 20, seed: 42, minEvents: 10 }));
  });
  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));

  if (opt.webRoot) {
    app.use('/*', serveStatic({ root: opt.webRoot }));
    app.get('*', serveStatic({ root: opt.webRoot, path: 'index.html' }));
  }

  app.onError((err, c: Context) => {
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    if (err instanceof InputError) return c.json({ error: err.message }, 400);
    if (err instanceof ForbiddenAddress) return c.json({ error: err.message }, 403);
    // Nothing was stored from this request, and nothing stored before it is lost: the client may retry.
    if (err instanceof StoreError) return c.json({ error: err.message }, err.kind === 'full' ? 507 : 503);
    process.stderr.write(`casus serve: ${err.stack ?? err.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
