// Incidents: the same deed reported by several articles (same type, dyad, date and place) is one
// incident, with GDELT-style counts of distinct sources and of mentions, by real clustering.
import { prepared, type DB } from './db.js';

const DAY = 86_400_000;

interface EventRow { id: string; article_id: number; type: string; actor_country: string | null; recipient_country: string | null; date: string | null; date_precision: string | null; location_country: string | null; location_name: string | null; killed: number | null }

/** Put each new factual event into a matching incident from another article, or a new one. */
export function clusterEvents(db: DB, eventIds: string[]): Set<number> {
  const { getEvent, candidates, sameArticle, newIncident, assign } = prepared(db, clusterStatements);
  const touched = new Set<number>();
  for (const id of eventIds) {
    const e = getEvent.get(id);
    if (!e || !e.date) continue;
    const window = e.date_precision === 'day' ? 1 : e.date_precision === 'month' ? 15 : 0;
    const [lo, hi] = [shift(e.date, -window), shift(e.date, window)];
    const match = candidates.all(e.type, e.actor_country, e.recipient_country, lo, hi)
      .find((c) => (!c.location_country || !e.location_country || c.location_country === e.location_country) && sameArticle.get(c.id, e.article_id)!.n === 0);
    const incident = match ? match.id : Number(newIncident.run(e.type, e.actor_country, e.recipient_country, e.date, e.location_country, e.location_name, e.killed).lastInsertRowid);
    assign.run(incident, match ? 0 : 1, e.id);
    touched.add(incident);
  }
  return touched;
}

function clusterStatements(db: DB) {
  const getEvent = db.prepare<[string], EventRow>('SELECT id, article_id, type, actor_country, recipient_country, date, date_precision, location_country, location_name, killed FROM events WHERE id = ? AND factual = 1');
  const candidates = db.prepare<[string, string | null, string | null, string, string], { id: number; location_country: string | null }>(
    `SELECT i.id, i.location_country FROM incidents i WHERE i.type = ? AND i.actor_country IS ? AND i.recipient_country IS ? AND i.date BETWEEN ? AND ?
     ORDER BY i.id LIMIT 50`);
  const sameArticle = db.prepare<[number, number], { n: number }>('SELECT COUNT(*) AS n FROM events WHERE incident_id = ? AND article_id = ?');
  const newIncident = db.prepare('INSERT INTO incidents (type, actor_country, recipient_country, date, location_country, location_name, killed) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const assign = db.prepare('UPDATE events SET incident_id = ?, lead = ? WHERE id = ?');
  return { getEvent, candidates, sameArticle, newIncident, assign };
}

/** Recount sources and mentions (near-duplicate republications included) and settle tolls. */
export function refreshIncidents(db: DB, ids: Iterable<number>): void {
  const { counts, tolls, update } = prepared(db, refreshStatements);
  for (const id of ids) {
    const c = counts.get(id, id)!;
    const k = tolls.all(id).map((r) => r.killed);
    // Sources that disagree on the toll: keep both events, mark the incident, take the lowest (ACLED).
    update.run(c.sources, c.mentions, k.length ? Math.min(...k) : null, k.length > 1 ? 1 : 0, id);
  }
}

function refreshStatements(db: DB) {
  const counts = db.prepare<[number, number], { sources: number; mentions: number }>(
    `WITH arts AS (
       SELECT a.id, a.source FROM events e JOIN articles a ON a.id = e.article_id WHERE e.incident_id = ?
       UNION SELECT d.id, d.source FROM articles d WHERE d.duplicate_of IN (SELECT article_id FROM events WHERE incident_id = ?)
     ) SELECT COUNT(DISTINCT COALESCE(source, id)) AS sources, COUNT(*) AS mentions FROM arts`);
  const tolls = db.prepare<[number], { killed: number }>('SELECT DISTINCT killed FROM events WHERE incident_id = ? AND killed IS NOT NULL');
  const update = db.prepare('UPDATE incidents SET sources = ?, mentions = ?, killed = ?, contested = ? WHERE id = ?');
  return { counts, tolls, update };
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
