// The worked example: the Iraq reports of Dec 2019 – Mar 2020 in examples/, ingested, give the
// tit-for-tat chain with the militias rolled up into Iran, and the ladder's January 2020 rung.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitHeader } from '../src/article/header.js';
import { actionReaction } from '../src/analysis/chains.js';
import { dyadTable } from '../src/analysis/dyads.js';
import { ladder, LADDER } from '../src/analysis/escalation.js';
import { forecastDyad } from '../src/analysis/forecast.js';
import { pointsFromStore, StorePoints, type Point } from '../src/analysis/load.js';
import { dyadSeries } from '../src/analysis/series.js';
import { openStore } from '../src/store/db.js';
import { emptySummary, ingestBatch } from '../src/store/ingest.js';
import { resources } from './helpers.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const proxies = { proxies: true, level: 'country' as const };

describe('the Iraq worked example', () => {
  let points: Point[] = [];
  beforeAll(() => {
    const db = openStore(join(mkdtempSync(join(tmpdir(), 'casus-iraq-')), 'casus.db'));
    const batch = readdirSync(EXAMPLES).filter((f) => /^iraq-.*\.txt$/.test(f)).sort().map((f) => {
      const { text, meta } = splitHeader(readFileSync(join(EXAMPLES, f), 'utf8'));
      return { uid: f, url: null, source: meta.source ?? null, title: null, byline: null, published: meta.date ?? null, text };
    });
    ingestBatch(db, batch, resources(), emptySummary());
    points = pointsFromStore(db);
    db.close();
  });

  it('gives the tit-for-tat chain in order, with the militias rolled up into Iran', () => {
    const { chains } = actionReaction(points, 'USA', 'IRN', 14, proxies);
    const longest = chains.reduce((x, y) => (y.links.length > x.links.length ? y : x));
    const steps = longest.links.map((l) => `${l.date} ${l.from}>${l.to}`);
    expect(steps.slice(0, 5)).toEqual(['2019-12-27 IRN>USA', '2019-12-29 USA>IRN', '2019-12-31 IRN>USA', '2020-01-03 USA>IRN', '2020-01-08 IRN>USA']);
    expect(longest.links[0].proxy).toBe(true);
    expect(longest.links[3].proxy).toBe(false);
  });

  it('counts the proxies in the USA–Iran dyad, and not without roll-up', () => {
    const withProxies = dyadTable(points, proxies).find((r) => r.actor === 'USA' && r.recipient === 'IRN');
    const without = dyadTable(points, { proxies: false, level: 'country' }).find((r) => r.actor === 'USA' && r.recipient === 'IRN');
    expect(withProxies!.proxyEvents).toBeGreaterThan(0);
    expect(withProxies!.events).toBeGreaterThan(without?.events ?? 0);
  });

  it("climbs the ladder to strikes on the sponsor's forces or officials in January 2020", () => {
    const weeks = ladder(points, 'USA', 'IRN', proxies);
    const january = weeks.filter((w) => w.week >= '2019-12-30' && w.week < '2020-02-01');
    expect(Math.max(...january.map((w) => w.level))).toBeGreaterThanOrEqual(LADDER.indexOf("strikes on the sponsor's forces or officials"));
    expect(Math.max(...weeks.filter((w) => w.week < '2019-12-30').map((w) => w.level))).toBeLessThan(7);
  });

  it('forecasts, saying when the data are too few for a Hawkes fit', () => {
    const f = forecastDyad(points, 'USA', 'IRN', { ...proxies, horizon: 14, simulations: 200, bootstrap: 5, seed: 1, minEvents: 10 });
    expect(f.probability).toHaveLength(2);
    expect(f.probability.every((p) => p.poisson > 0 && p.poisson < 1)).toBe(true);
    if (!f.enough) expect(f.note).toMatch(/too few events/);
  });

  it('gives a weekly series with both directions and the proxy share', () => {
    const s = dyadSeries(points, 'USA', 'IRN', 'week', proxies);
    expect(s.length).toBeGreaterThan(5);
    expect(s.some((w) => w.proxy > 0)).toBe(true);
    expect(s.every((w) => w.counts['USA>IRN'].length === 4 && w.counts['IRN>USA'].length === 4)).toBe(true);
  });
});

describe('the server’s cache of facts', () => {
  it('matches a fresh read after writes from this and from another connection, and re-parses only new events', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'casus-points-')), 'casus.db');
    const db = openStore(file);
    const raw = readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => {
      const { text, meta } = splitHeader(readFileSync(join(EXAMPLES, f), 'utf8'));
      return { uid: f, url: null, source: meta.source ?? null, title: null, byline: null, published: meta.date ?? null, text };
    });
    const half = Math.floor(raw.length / 2);
    ingestBatch(db, raw.slice(0, half), resources(), emptySummary());
    const cache = new StorePoints(db, 60_000);
    const quick = new StorePoints(db, 0);
    const first = cache.get();
    expect(first.length).toBeGreaterThan(0);
    expect(first).toEqual(pointsFromStore(db));
    expect(quick.get()).toEqual(first);
    // Nothing changed: the same list, not a new one, even when checked on every call.
    expect(cache.get()).toBe(first);
    const unchanged = quick.get();
    expect(quick.get()).toBe(unchanged);

    // Another connection (an ingest process) commits: seen at the next check, not before the age allows one.
    const other = openStore(file);
    ingestBatch(other, raw.slice(half), resources(), emptySummary());
    other.close();
    expect(cache.get()).toBe(first);
    const later = quick.get();
    expect(later).toEqual(pointsFromStore(db));
    expect(later.length).toBeGreaterThan(first.length);

    // This connection writes: invalidate() makes the next read fresh, and old facts are the same objects.
    const before = new Map(later.map((p) => [p.id, p]));
    ingestBatch(db, [{ uid: 'extra', url: null, source: 'z', title: null, byline: null, published: '2022-02-24', text: 'Russian forces shelled Kharkiv on Thursday, killing nine civilians.' }], resources(), emptySummary());
    quick.invalidate();
    const after = quick.get();
    expect(after).toEqual(pointsFromStore(db));
    expect(after.filter((p) => before.has(p.id)).every((p) => before.get(p.id) === p)).toBe(true);
    expect(after.some((p) => !before.has(p.id))).toBe(true);
    db.close();
  });
});
