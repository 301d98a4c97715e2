// Schema migrations on a store written by an older casus: the data stays, and the lookups that the
// new schema serves (near-duplicates through SimHash bands) find what was stored before.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contentHash, simhash } from '../src/article/index.js';
import { openStore } from '../src/store/db.js';
import { emptySummary, ingestBatch } from '../src/store/ingest.js';
import { MIGRATIONS } from '../src/store/migrations.js';
import { bandsOf } from '../src/store/write.js';
import { resources } from './helpers.js';

const STORY = 'Rebels shelled the northern town of Kidal on Sunday, killing four soldiers and wounding nine, the army said. '
  + 'Residents said the shelling went on for two hours before the rebels withdrew into the hills east of the town. '
  + 'The army said its units had returned fire and that the wounded had been flown to Gao for treatment. '
  + 'A spokesman for the rebel coalition said the attack answered a drone strike on one of its positions last week. '
  + 'Aid groups said hundreds of families had left the town since the fighting resumed in the spring.';
const REPUBLISHED = `${STORY} The army said it had sent reinforcements.`;
const RETOLD = STORY.replace('two hours', 'about two hours');

describe('migration 3 (SimHash kept in its band rows)', () => {
  it('copies each original\'s SimHash into its bands, drops republications\' bands, and still finds near-duplicates', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'casus-migrate-')), 'old.db');
    // A store as schema version 2 left it: an original and a republication, both with bands.
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 2)) old.exec(sql);
    old.pragma('user_version = 2');
    const insert = old.prepare(`INSERT INTO articles (uid, text, fingerprint, simhash, duplicate_of, ingested_at, published) VALUES (?, ?, ?, ?, ?, '2024-01-01', '2024-03-03')`);
    const h1 = simhash(STORY), h2 = simhash(REPUBLISHED);
    const original = Number(insert.run('a', STORY, contentHash(STORY), h1, null).lastInsertRowid);
    const copy = Number(insert.run('b', '', contentHash(REPUBLISHED), h2, original).lastInsertRowid);
    const band = old.prepare('INSERT INTO simhash_bands (band, article_id) VALUES (?, ?)');
    for (const b of bandsOf(h1)) band.run(b, original);
    for (const b of bandsOf(h2)) band.run(b, copy);
    old.close();

    const db = openStore(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const rows = db.prepare('SELECT band, article_id, simhash FROM simhash_bands ORDER BY rowid').all() as { band: string; article_id: number; simhash: string }[];
    expect(rows).toEqual(bandsOf(h1).map((b) => ({ band: b, article_id: original, simhash: h1 })));
    expect((db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n).toBe(2);

    // A third telling of the same story, with a few words changed, is linked to the original.
    const summary = emptySummary();
    ingestBatch(db, [{ uid: 'c', url: null, source: 'x', title: null, byline: null, published: '2024-03-03', text: RETOLD }], resources(), summary);
    expect(summary).toMatchObject({ new: 0, duplicates: 1 });
    expect(db.prepare("SELECT duplicate_of FROM articles WHERE uid = 'c'").get()).toEqual({ duplicate_of: original });
    // ... and gets no bands of its own.
    expect((db.prepare('SELECT COUNT(*) AS n FROM simhash_bands').get() as { n: number }).n).toBe(8);
    db.close();
  }, 60_000);
});
