// The embedded store: SQLite through better-sqlite3, WAL mode, migrations applied on open.
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type DB = Database.Database;

export class StoreError extends Error {
  /** `full`: no space left for the database; `readonly`: the file cannot be written; else null */
  constructor(message: string, readonly kind: 'full' | 'readonly' | null = null) { super(message); this.name = 'StoreError'; }
}

/** The database file to use: --db, else $CASUS_DB, else ./casus.db. */
export function dbPath(flag?: string | boolean): string {
  if (typeof flag === 'string' && flag) return flag;
  return process.env.CASUS_DB || 'casus.db';
}

/** Open (creating and migrating as needed) the store at `path`; `readonly` opens an existing one for reading. */
export function openStore(path: string, options: { readonly?: boolean } = {}): DB {
  let db: DB;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (err) {
    throw new StoreError(`cannot open database ${path}: ${(err as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 10000');
    // SQLite's default page cache is 2 MB: once the indexes outgrow it, every insert at a random place
    // in them (event ids are hashes) reads pages back from the file. 64 MB keeps them in memory.
    db.pragma('cache_size = -65536');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      migrate(db);
    } else {
      db.pragma('user_version');
    }
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`cannot use database ${path}: ${(err as Error).message}`);
  }
  return db;
}

function migrate(db: DB): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new StoreError(`database schema version ${version} is newer than this casus (${MIGRATIONS.length})`);
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

const PREPARED = new WeakMap<DB, Map<(db: DB) => unknown, unknown>>();

/**
 * The statements `make` prepares, prepared once per connection: preparing costs more than running a
 * small statement, and ingest runs some of them once per article.
 */
export function prepared<T>(db: DB, make: (db: DB) => T): T {
  let cache = PREPARED.get(db);
  if (!cache) { cache = new Map(); PREPARED.set(db, cache); }
  let out = cache.get(make) as T | undefined;
  if (out === undefined) { out = make(db); cache.set(make, out); }
  return out;
}
