// Ingest: raw articles into the store, each batch in one transaction. The same article twice adds
// nothing; a near-duplicate (the same wire story republished with edits) is linked, not coded again.
import { contentHash, hamming, jaccard, shingles, simhash, type RawArticle } from '../article/index.js';
import { codeArticle, validateArticle, type Resources } from '../pipeline.js';
import type { Claim } from '../claims/index.js';
import type { Article, CasusEvent } from '../types.js';
import { prepared, StoreError, type DB } from './db.js';
import { clusterEvents, refreshIncidents } from './incidents.js';
import { bandsOf, writers } from './write.js';

export interface IngestSummary { new: number; unchanged: number; duplicates: number; failed: { input: string; reason: string }[]; events: number }

/** Near-duplicate candidates: SimHash within this many bits (of 64), found through shared bands... */
export const NEAR_DUPLICATE_BITS = 12;
/** ... and confirmed when this share of their word 3-shingles is common to both. */
export const NEAR_DUPLICATE_JACCARD = 0.6;

export function emptySummary(): IngestSummary {
  return { new: 0, unchanged: 0, duplicates: 0, failed: [], events: 0 };
}

/** What storing needs of a coded article. */
export interface CodedArticle { events: CasusEvent[]; claims: Claim[] }

/** Codes one article for the store: in this thread by default, or a result coded elsewhere (worker threads). */
export type Coder = (article: Article) => CodedArticle;

/** Store a batch of articles in one transaction; codes the new ones with `res` (or with `code`). */
export function ingestBatch(db: DB, batch: RawArticle[], res: Resources | null, summary: IngestSummary, code?: Coder): void {
  const coder: Coder = code ?? ((article) => { if (!res) throw new Error('no resources to code with'); return codeArticle(article, res); });
  const w = prepared(db, writers);
  const { byUid, byUrl, byHash, byBand, textOf, incidentsOf } = prepared(db, lookups);
  db.transaction(() => {
    const touched = new Set<number>();
    for (const raw of batch) {
      if (byUid.get(raw.uid) || (raw.url && byUrl.get(raw.url))) { summary.unchanged++; continue; }
      if (raw.text.trim().length === 0) { summary.failed.push({ input: raw.uid, reason: 'no text' }); continue; }
      const fingerprint = contentHash(raw.text);
      const hash = simhash(raw.text);
      const exact = byHash.get(fingerprint);
      const near = exact ? null : nearDuplicate(byBand, (id) => textOf.get(id)?.text ?? '', hash, raw.text);
      const original = exact ? exact.duplicate_of ?? exact.id : near;
      if (original !== null) {
        w.article({ ...raw, text: '', fingerprint, simhash: hash, duplicateOf: original });
        summary.duplicates++;
        for (const r of incidentsOf.all(original)) touched.add(r.incident_id);
        continue;
      }
      let coded;
      try {
        const article = validateArticle({ id: raw.uid, text: raw.text, date: raw.published });
        coded = coder(article);
      } catch (err) {
        summary.failed.push({ input: raw.uid, reason: (err as Error).message });
        continue;
      }
      const articleId = w.article({ ...raw, fingerprint, simhash: hash, duplicateOf: null });
      for (const e of coded.events) {
        w.event(e, articleId);
        for (const x of [...e.actor, ...e.recipient]) w.entity(x);
      }
      for (const c of coded.claims) w.claim(c, articleId);
      for (const i of clusterEvents(db, coded.events.map((e) => e.id))) touched.add(i);
      summary.new++;
      summary.events += coded.events.length;
    }
    refreshIncidents(db, touched);
  })();
}

/**
 * Store articles batch by batch (one transaction each). A batch that cannot be written (disk full,
 * read-only file, a corrupt page) is rolled back whole and ends the run with a StoreError that says
 * what happened and what is kept; the summary then counts only what was committed.
 */
export function ingestAll(db: DB, articles: readonly RawArticle[], res: Resources, summary: IngestSummary,
  batchSize: number, where: string, onBatch?: (done: number) => void): void {
  for (let i = 0; i < articles.length; i += batchSize) {
    storeBatch(db, articles, i, batchSize, res, summary, where);
    onBatch?.(Math.min(i + batchSize, articles.length));
  }
}

/**
 * As ingestAll, with the coding done elsewhere (worker threads): `coderFor` codes a batch and resolves
 * to its results. The next batch is being coded while this one is written.
 */
export async function ingestAllCoded(db: DB, articles: readonly RawArticle[], summary: IngestSummary,
  batchSize: number, where: string, coderFor: (batch: RawArticle[]) => Promise<Coder>, onBatch?: (done: number) => void): Promise<void> {
  const start = (i: number): Promise<Coder> | null => {
    if (i >= articles.length) return null;
    const p = coderFor(articles.slice(i, i + batchSize));
    p.catch(() => undefined); // awaited below, or abandoned when an earlier batch fails
    return p;
  };
  let next = start(0);
  for (let i = 0; i < articles.length; i += batchSize) {
    const coder = await next!;
    next = start(i + batchSize);
    storeBatch(db, articles, i, batchSize, null, summary, where, coder);
    onBatch?.(Math.min(i + batchSize, articles.length));
  }
}

function storeBatch(db: DB, articles: readonly RawArticle[], i: number, batchSize: number, res: Resources | null,
  summary: IngestSummary, where: string, code?: Coder): void {
  const committed = { ...summary, failed: [...summary.failed] };
  try {
    ingestBatch(db, articles.slice(i, i + batchSize), res, summary, code);
  } catch (err) {
    Object.assign(summary, committed);
    const sqlite = (err as { code?: string }).code;
    const cause = sqlite === 'SQLITE_FULL' ? 'the disk is full (or the database reached its size limit)'
      : sqlite === 'SQLITE_READONLY' ? 'the database file is read-only'
        : (err as Error).message;
    throw new StoreError(`cannot write to ${where}: ${cause}; articles ${i + 1} to ${Math.min(i + batchSize, articles.length)} were not stored, everything stored before them is kept (${summary.new} new articles in this run); run the same command again once fixed: stored articles are not added twice`,
      sqlite === 'SQLITE_FULL' ? 'full' : sqlite === 'SQLITE_READONLY' ? 'readonly' : null);
  }
}

function lookups(db: DB) {
  const byUid = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE uid = ?');
  const byUrl = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE url = ?');
  const byHash = db.prepare<[string], { id: number; duplicate_of: number | null }>('SELECT id, duplicate_of FROM articles WHERE fingerprint = ? LIMIT 1');
  const byBand = db.prepare<[string], { id: number; simhash: string }>(
    'SELECT article_id AS id, simhash FROM simhash_bands WHERE band = ? ORDER BY rowid DESC LIMIT 200');
  const textOf = db.prepare<[number], { text: string }>('SELECT text FROM articles WHERE id = ?');
  const incidentsOf = db.prepare<[number], { incident_id: number }>('SELECT DISTINCT incident_id FROM events WHERE article_id = ? AND incident_id IS NOT NULL');
  return { byUid, byUrl, byHash, byBand, textOf, incidentsOf };
}

function nearDuplicate(byBand: { all(b: string): { id: number; simhash: string }[] }, textOf: (id: number) => string, hash: string, text: string): number | null {
  let mine: Set<string> | null = null;
  const seen = new Set<number>();
  for (const b of bandsOf(hash)) {
    for (const c of byBand.all(b)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      if (hamming(c.simhash, hash) > NEAR_DUPLICATE_BITS) continue;
      mine ??= shingles(text);
      if (jaccard(mine, shingles(textOf(c.id))) >= NEAR_DUPLICATE_JACCARD) return c.id;
    }
  }
  return null;
}
