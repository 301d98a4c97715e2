// Schema migrations, versioned in code and applied in order; PRAGMA user_version records the last one.
// The SQL keeps to what PostgreSQL also accepts (plus SQLite's FTS5 table), so a server backend can follow.

export const MIGRATIONS: string[] = [
  `CREATE TABLE articles (
     id INTEGER PRIMARY KEY,
     uid TEXT NOT NULL UNIQUE,
     url TEXT UNIQUE,
     source TEXT,
     title TEXT,
     byline TEXT,
     published TEXT,
     text TEXT NOT NULL DEFAULT '',
     fingerprint TEXT NOT NULL,
     simhash TEXT NOT NULL,
     duplicate_of INTEGER REFERENCES articles(id),
     ingested_at TEXT NOT NULL
   );
   CREATE INDEX articles_fingerprint ON articles(fingerprint);
   CREATE INDEX articles_published ON articles(published);
   CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
   CREATE TABLE incidents (
     id INTEGER PRIMARY KEY,
     type TEXT NOT NULL,
     actor_country TEXT,
     recipient_country TEXT,
     date TEXT,
     location_country TEXT,
     location_name TEXT,
     killed INTEGER,
     contested INTEGER NOT NULL DEFAULT 0,
     sources INTEGER NOT NULL DEFAULT 0,
     mentions INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX incidents_key ON incidents(type, actor_country, recipient_country, date);
   CREATE TABLE events (
     id TEXT PRIMARY KEY,
     article_id INTEGER NOT NULL REFERENCES articles(id),
     incident_id INTEGER REFERENCES incidents(id),
     type TEXT NOT NULL,
     mode TEXT,
     factual INTEGER NOT NULL,
     context TEXT NOT NULL,
     date TEXT,
     date_precision TEXT,
     actor_id TEXT, actor_name TEXT, actor_country TEXT, actor_sector TEXT, actor_sponsor TEXT,
     recipient_id TEXT, recipient_name TEXT, recipient_country TEXT, recipient_sector TEXT, recipient_sponsor TEXT,
     location_name TEXT, location_country TEXT, latitude REAL, longitude REAL, location_precision TEXT,
     killed INTEGER, injured INTEGER,
     score REAL NOT NULL, quad INTEGER NOT NULL, cameo TEXT,
     acled_event_type TEXT, acled_sub_event_type TEXT,
     sentence INTEGER NOT NULL,
     record TEXT NOT NULL
   );
   CREATE INDEX events_dyad ON events(actor_country, recipient_country, date);
   CREATE INDEX events_type ON events(type, date);
   CREATE INDEX events_article ON events(article_id);
   CREATE INDEX events_incident ON events(incident_id);
   CREATE TABLE entities (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     country TEXT,
     sector TEXT,
     sponsor TEXT,
     mentions INTEGER NOT NULL DEFAULT 0
   );
   CREATE TABLE claims (
     id TEXT PRIMARY KEY,
     article_id INTEGER NOT NULL REFERENCES articles(id),
     event_id TEXT,
     kind TEXT NOT NULL,
     speaker_name TEXT,
     speaker_country TEXT,
     killed INTEGER,
     text TEXT NOT NULL,
     record TEXT NOT NULL
   );
   CREATE INDEX claims_event ON claims(event_id);
   CREATE TABLE simhash_bands (
     band TEXT NOT NULL,
     article_id INTEGER NOT NULL REFERENCES articles(id)
   );
   CREATE INDEX simhash_bands_band ON simhash_bands(band);
   CREATE TABLE feeds (
     url TEXT PRIMARY KEY,
     etag TEXT,
     last_modified TEXT,
     checked_at TEXT
   );`,
  // 2: republications are looked up by their original when incidents are recounted.
  // Each incident's first event is its lead, so that queries need no correlated subquery.
  `CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
   CREATE INDEX incidents_dyad ON incidents(actor_country, recipient_country, type, date);
   ALTER TABLE events ADD COLUMN lead INTEGER NOT NULL DEFAULT 1;
   CREATE INDEX events_actor_id ON events(actor_id);
   CREATE INDEX events_recipient_id ON events(recipient_id);`,
  // 3: the near-duplicate lookup reads candidates' SimHashes from the band rows themselves, without
  // visiting each candidate's article row (whose text comes first); republications get no bands.
  `ALTER TABLE simhash_bands ADD COLUMN simhash TEXT;
   UPDATE simhash_bands SET simhash = (SELECT a.simhash FROM articles a WHERE a.id = simhash_bands.article_id);
   DELETE FROM simhash_bands WHERE article_id IN (SELECT id FROM articles WHERE duplicate_of IS NOT NULL);`,
];
