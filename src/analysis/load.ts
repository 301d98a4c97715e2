// Events for analysis, from the store or from a JSONL file of event records, in a compact form.
import { readFileSync } from 'node:fs';
import { isFactual } from '../events/modality.js';
import type { DB } from '../store/db.js';
import type { CasusEvent, PloverType } from '../types.js';

/** One event as the analyses see it: a point in time with two sides. */
export interface Point {
  id: string;
  t: number;
  date: string;
  type: PloverType;
  mode: string | null;
  quad: 1 | 2 | 3 | 4;
  score: number;
  actor: string | null;
  actorId: string | null;
  actorSponsor: string | null;
  actorSector: string | null;
  recipient: string | null;
  recipientId: string | null;
  recipientSponsor: string | null;
  recipientSector: string | null;
  location: string | null;
  killed: number | null;
  text: string;
  /** every actor and recipient entity, for events with several ("KH fighters and US troops") */
  actors: Party[];
  recipients: Party[];
}

export interface Party { country: string | null; id: string | null; sponsor: string | null; sector: string | null }

const DAY = 86_400_000;

/** Day number (days since 1970-01-01) of a YYYY-MM-DD date. */
export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

function fromRecord(e: CasusEvent): Point | null {
  if (!e.date?.value || !isFactual(e.context ?? [])) return null;
  const a = e.actor?.[0], r = e.recipient?.[0];
  return {
    id: e.id, t: dayOf(e.date.value), date: e.date.value, type: e.type, mode: e.mode, quad: e.quadClass ?? quadOf(e.type), score: e.score,
    actor: a?.country ?? null, actorId: a?.id ?? null, actorSponsor: a?.sponsor ?? null, actorSector: a?.sector ?? null,
    recipient: r?.country ?? null, recipientId: r?.id ?? null, recipientSponsor: r?.sponsor ?? null, recipientSector: r?.sector ?? null,
    location: e.location?.country ?? null, killed: e.fatalities?.killed ?? null, text: e.evidence?.text ?? '',
    actors: (e.actor ?? []).map(party), recipients: (e.recipient ?? []).map(party),
  };
}

function party(x: { country: string | null; id: string | null; sponsor: string | null; sector: string | null }): Party {
  return { country: x.country, id: x.id, sponsor: x.sponsor, sector: x.sector };
}

function quadOf(type: string): 1 | 2 | 3 | 4 {
  if (['AGREE', 'CONSULT', 'SUPPORT', 'REQUEST'].includes(type)) return 1;
  if (['COOPERATE', 'AID', 'RETREAT', 'CONCEDE'].includes(type)) return 2;
  if (['ACCUSE', 'REJECT', 'THREATEN'].includes(type)) return 3;
  return 4;
}

/** Facts from the store, one per incident unless `mentions`. */
export function pointsFromStore(db: DB, mentions = false): Point[] {
  const rows = db.prepare(`SELECT record FROM events e WHERE ${FACTS(mentions)} ORDER BY e.date, e.rowid`).all() as { record: string }[];
  return rows.map((r) => fromRecord(JSON.parse(r.record) as CasusEvent)).filter((p): p is Point => p !== null);
}

const FACTS = (mentions: boolean): string => `e.factual = 1 AND e.date IS NOT NULL ${mentions ? '' : 'AND e.lead = 1'}`;

/**
 * The store's facts for a long-running server, kept between requests. An event's record never changes
 * once written (only its incident and lead flag do), so a refresh reads the current list of ids and
 * parses only the records it has not seen: memory and work stay flat while an ingest grows the store,
 * instead of re-parsing every record each time.
 */
export class StorePoints {
  private byId = new Map<string, Point | null>();
  private list: Point[] = [];
  private checked = -Infinity;
  private version: number | null = null;
  private dirty = true;

  constructor(private readonly db: DB, private readonly maxAgeMs = 5000, private readonly mentions = false) {}

  /** Call after this process writes to the store (other processes' commits are seen by themselves). */
  invalidate(): void { this.dirty = true; }

  get(): Point[] {
    const now = Date.now();
    if (!this.dirty && now - this.checked < this.maxAgeMs) return this.list;
    this.checked = now;
    // data_version changes when another connection commits; this connection's own writes call invalidate().
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (!this.dirty && version === this.version) return this.list;
    this.version = version;
    this.dirty = false;
    const ids = this.db.prepare(`SELECT id FROM events e WHERE ${FACTS(this.mentions)} ORDER BY e.date, e.rowid`).pluck().all() as string[];
    const record = this.db.prepare('SELECT record FROM events WHERE id = ?').pluck();
    const next = new Map<string, Point | null>();
    const list: Point[] = [];
    for (const id of ids) {
      let p = this.byId.get(id);
      if (p === undefined) p = fromRecord(JSON.parse(record.get(id) as string) as CasusEvent);
      next.set(id, p);
      if (p) list.push(p);
    }
    this.byId = next;
    this.list = list;
    return list;
  }
}

/** Facts from a JSONL file of event records, or of `{id, events: [...]}` batch output lines. */
export function pointsFromJsonl(file: string): Point[] {
  const out: Point[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try { v = JSON.parse(line); } catch { throw new Error(`${file}:${i + 1}: not valid JSON`); }
    const list = Array.isArray((v as { events?: unknown }).events) ? (v as { events: CasusEvent[] }).events : [v as CasusEvent];
    for (const e of list) { const p = fromRecord(e); if (p) out.push(p); }
  });
  return out.sort((a, b) => a.t - b.t);
}
