// Rows for events, claims and entities, in one place so every writer stores the same columns.
import type { Claim } from '../claims/index.js';
import { isFactual } from '../events/modality.js';
import type { CasusEvent, Entity } from '../types.js';
import type { DB } from './db.js';

export interface Writers {
  article: (a: { uid: string; url: string | null; source: string | null; title: string | null; byline: string | null; published: string | null; text: string; fingerprint: string; simhash: string; duplicateOf: number | null }) => number;
  event: (e: CasusEvent, articleId: number) => void;
  claim: (c: Claim, articleId: number) => void;
  entity: (e: Entity) => void;
}

/** Prepared statements for the writes of an ingest. */
export function writers(db: DB): Writers {
  const insArticle = db.prepare(`INSERT INTO articles (uid, url, source, title, byline, published, text, fingerprint, simhash, duplicate_of, ingested_at)
    VALUES (@uid, @url, @source, @title, @byline, @published, @text, @fingerprint, @simhash, @duplicateOf, @now)`);
  const insFts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
  const insBand = db.prepare('INSERT INTO simhash_bands (band, article_id, simhash) VALUES (?, ?, ?)');
  const insEvent = db.prepare(`INSERT OR REPLACE INTO events (id, article_id, type, mode, factual, context, date, date_precision,
    actor_id, actor_name, actor_country, actor_sector, actor_sponsor, recipient_id, recipient_name, recipient_country, recipient_sector, recipient_sponsor,
    location_name, location_country, latitude, longitude, location_precision, killed, injured, score, quad, cameo, acled_event_type, acled_sub_event_type, sentence, record)
    VALUES (@id, @article, @type, @mode, @factual, @context, @date, @precision, @aId, @aName, @aCountry, @aSector, @aSponsor, @rId, @rName, @rCountry, @rSector, @rSponsor,
    @loc, @locCountry, @lat, @lon, @locPrecision, @killed, @injured, @score, @quad, @cameo, @acledType, @acledSub, @sentence, @record)`);
  const insClaim = db.prepare(`INSERT OR REPLACE INTO claims (id, article_id, event_id, kind, speaker_name, speaker_country, killed, text, record)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const upEntity = db.prepare(`INSERT INTO entities (id, name, country, sector, sponsor, mentions) VALUES (?, ?, ?, ?, ?, 1)
    ON CONFLICT(id) DO UPDATE SET mentions = mentions + 1`);
  return {
    article: (a) => {
      const id = Number(insArticle.run({ ...a, now: new Date().toISOString() }).lastInsertRowid);
      // A republication is found through its original: only originals are searchable by text and SimHash.
      if (a.duplicateOf === null) {
        insFts.run(id, a.title ?? '', a.text);
        for (const b of bandsOf(a.simhash)) insBand.run(b, id, a.simhash);
      }
      return id;
    },
    event: (e, article) => {
      const a = e.actor[0], r = e.recipient[0];
      insEvent.run({
        id: e.id, article, type: e.type, mode: e.mode, factual: isFactual(e.context) ? 1 : 0, context: e.context.join(','),
        date: e.date.value, precision: e.date.precision,
        aId: a?.id ?? null, aName: a?.name ?? null, aCountry: a?.country ?? null, aSector: a?.sector ?? null, aSponsor: a?.sponsor ?? null,
        rId: r?.id ?? null, rName: r?.name ?? null, rCountry: r?.country ?? null, rSector: r?.sector ?? null, rSponsor: r?.sponsor ?? null,
        loc: e.location?.name ?? null, locCountry: e.location?.country ?? null, lat: e.location?.lat ?? null, lon: e.location?.lon ?? null, locPrecision: e.location?.precision ?? null,
        killed: e.fatalities.killed, injured: e.fatalities.injured, score: e.score, quad: e.quadClass, cameo: e.cameo,
        acledType: e.acled?.eventType ?? null, acledSub: e.acled?.subEventType ?? null, sentence: e.evidence.sentence, record: JSON.stringify(e),
      });
    },
    claim: (c, article) => insClaim.run(c.id, article, c.about, c.kind, c.speaker?.name ?? null, c.speaker?.country ?? null, c.killed ?? null, c.text, JSON.stringify(c)),
    entity: (e) => { if (e.id) upEntity.run(e.id, e.name, e.country, e.sector, e.sponsor); },
  };
}

/** SimHash bands as stored: eight 8-bit bands, so any two hashes within 7 bits share one. */
export function bandsOf(h: string): string[] {
  return [0, 2, 4, 6, 8, 10, 12, 14].map((k) => `${k / 2}:${h.slice(k, k + 2)}`);
}
