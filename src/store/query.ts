// Queries over the store: events by actor, recipient, dyad, type, country, period and full text;
// one row per incident by default (as GDELT's events are), every mention on request.
import type { DB } from './db.js';

export interface EventFilters {
  actor?: string[];
  recipient?: string[];
  dyad?: [string[], string[]];
  type?: string;
  country?: string[];
  since?: string;
  until?: string;
  text?: string;
  all?: boolean;
  mentions?: boolean;
  limit?: number;
  offset?: number;
}

export interface EventRow {
  id: string; article_id: number; incident_id: number | null; type: string; mode: string | null; factual: number; context: string;
  date: string | null; date_precision: string | null; actor_id: string | null; actor_name: string | null; actor_country: string | null;
  actor_sector: string | null; actor_sponsor: string | null; recipient_id: string | null; recipient_name: string | null; recipient_country: string | null;
  recipient_sector: string | null; recipient_sponsor: string | null; location_name: string | null; location_country: string | null;
  latitude: number | null; longitude: number | null; location_precision: string | null; killed: number | null; injured: number | null;
  score: number; quad: number; cameo: string | null; acled_event_type: string | null; acled_sub_event_type: string | null; sentence: number; record: string;
  sources: number | null; mentions: number | null; contested: number | null; url: string | null; source: string | null; title: string | null;
}

/** Keys that identify an actor: ids, names and countries it may be stored under (from `resolveActor`). */
function actorClause(side: 'actor' | 'recipient', keys: string[], params: unknown[]): string {
  const parts: string[] = [];
  for (const k of keys) {
    // A country code is looked up by country (indexed with the dyad); anything else by id or name.
    if (/^[A-Z]{3}$/.test(k)) { parts.push(`e.${side}_country = ?`); params.push(k); continue; }
    parts.push(`e.${side}_id = ? OR e.${side}_name = ? COLLATE NOCASE OR e.${side}_country = ?`);
    params.push(k, k, k.toUpperCase());
  }
  return `(${parts.join(' OR ')})`;
}

/** FTS5 query from free text: every word quoted, so user input is never FTS syntax. */
export function ftsQuery(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

/** Build the SQL and parameters for `filters` (parameterised throughout). */
export function eventQuery(f: EventFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!f.all) where.push('e.factual = 1');
  if (f.actor?.length) where.push(actorClause('actor', f.actor, params));
  if (f.recipient?.length) where.push(actorClause('recipient', f.recipient, params));
  if (f.dyad) {
    const a: unknown[] = [], b: unknown[] = [];
    const ab = `(${actorClause('actor', f.dyad[0], a)} AND ${actorClause('recipient', f.dyad[1], a)})`;
    const ba = `(${actorClause('actor', f.dyad[1], b)} AND ${actorClause('recipient', f.dyad[0], b)})`;
    where.push(`(${ab} OR ${ba})`);
    params.push(...a, ...b);
  }
  if (f.type) { where.push('e.type = ?'); params.push(f.type.toUpperCase()); }
  if (f.country?.length) {
    where.push(`(${f.country.map(() => 'e.actor_country = ? OR e.recipient_country = ? OR e.location_country = ?').join(' OR ')})`);
    for (const c of f.country) params.push(c, c, c);
  }
  if (f.since) { where.push('e.date >= ?'); params.push(f.since); }
  if (f.until) { where.push('e.date <= ?'); params.push(f.until); }
  if (f.text) {
    const q = ftsQuery(f.text);
    // A query with no words in it (only punctuation or control characters) matches nothing.
    if (!q) where.push('0');
    else { where.push('e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)'); params.push(q); }
  }
  // Incidents by default: one representative event per incident (its first), unclustered events as themselves.
  if (!f.mentions) where.push('e.lead = 1');
  const sql = `SELECT e.*, i.sources, i.mentions, i.contested, a.url, a.source, a.title
    FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN incidents i ON i.id = e.incident_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.date, e.rowid LIMIT ? OFFSET ?`;
  params.push(f.limit ?? 1000, f.offset ?? 0);
  return { sql, params };
}

/** Run an event query. */
export function queryEvents(db: DB, f: EventFilters): EventRow[] {
  const { sql, params } = eventQuery(f);
  return db.prepare(sql).all(...params) as EventRow[];
}
