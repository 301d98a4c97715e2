// Stage 2b, actors: find actor mentions and resolve each to an Entity.
import type { Doc, Entity, Sentence, Token } from '../types.js';
import type { PlaceMention } from '../places/index.js';
import { AFFIL_PARTICIPLES, chunkSentence, type Chunk } from './chunks.js';
import type { ActorDictionary, DictEntry } from './dictionary.js';
import { findPieces, type Piece } from './pieces.js';
import type { Mention } from './types.js';
import { resolveAnaphora } from './coref.js';

export { loadActorDictionary, type ActorDictionary } from './dictionary.js';
export type { Mention } from './types.js';

/** Nouns that name a body of people, so the role before them is still an actor ("the police unit"). */
const AGENTIVE_HEADS = new Set(['unit', 'squad', 'team', 'patrol', 'brigade', 'battalion', 'division', 'detachment', 'contingent', 'delegation', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'commander', 'official', 'source', 'leadership', 'command', 'agent', 'personnel', 'crew']);
const SPONSOR_WORDS = new Set(['back', 'backed', 'sponsor', 'sponsored', 'fund', 'funded', 'support', 'supported', 'align', 'aligned', 'ally', 'allied', 'arm', 'armed', 'train', 'trained', 'control', 'controlled', 'affiliate', 'affiliated', 'inspire', 'inspired', 'link', 'linked']);

/** Find and resolve the actor mentions of a document, in text order. */
export function findActors(doc: Doc, dict: ActorDictionary, places: readonly PlaceMention[]): Mention[] {
  const mentions: Mention[] = [];
  for (const s of doc.sentences) {
    const pieces = findPieces(doc, s, dict, places);
    const covered = new Set<number>();
    for (const p of pieces) for (let k = p.start; k < p.end; k++) covered.add(k);
    const chunks = chunkSentence(doc.tokens, s, (i) => covered.has(i));
    const sentenceMentions: Mention[] = [];
    for (const c of chunks) {
      const inside = pieces.filter((p) => p.start >= c.start && p.end <= c.end);
      sentenceMentions.push(...chunkMentions(doc, s, c, inside, dict));
    }
    shareCoordinatedHeads(doc.tokens, sentenceMentions);
    titleAppositives(doc.tokens, sentenceMentions);
    mentions.push(...sentenceMentions);
  }
  return resolveAnaphora(doc, mentions, places);
}

/** Split a chunk's pieces at possessives and build one mention per head. */
function chunkMentions(doc: Doc, s: Sentence, c: Chunk, pieces: Piece[], dict: ActorDictionary): Mention[] {
  const tokens = doc.tokens;
  if (pieces.length === 0) return [];
  let sponsor: string | null = null;
  let ledBy: string | null = null;
  let owner: string | null = null;
  let placeCountry: string | null = null;
  const heads: Piece[] = [];
  for (const p of pieces) {
    const next = tokens[p.end];
    const after = tokens[p.end + 1];
    const country = pieceCountry(p, dict);
    if (next && next.text === '-' && after && AFFIL_PARTICIPLES.has(after.lemma) && p.end + 1 < c.end) {
      if (SPONSOR_WORDS.has(after.lemma)) sponsor = country ?? sponsor;
      else if (after.lemma === 'lead' || after.lemma === 'led') ledBy = country ?? ledBy;
      else placeCountry = country ?? placeCountry;
      continue;
    }
    if (p.type === 'place') { placeCountry = p.place.place.country; continue; }
    if (next && (next.norm === "'s" || next.norm === "'") && p.end < c.end) {
      if (p.type === 'name' && ['state', 'demonym', 'capital'].includes(p.hit.entry.kind)) { owner = p.hit.entry.country; continue; }
      heads.push(p);
      continue;
    }
    heads.push(p);
  }
  // "Iran's attack": a possessive state with nothing after it but the noun it owns.
  if (heads.length === 0 && owner) {
    const ownerPiece = pieces.find((p) => p.type === 'name' && p.hit.entry.country === owner);
    if (ownerPiece) { heads.push(ownerPiece); owner = null; }
  }
  if (heads.length === 0) return [];
  const last = tokens[c.end - 1];
  const lastPiece = heads[heads.length - 1];
  const modifies = lastPiece.end < c.end ? c.end - 1 : -1;
  // "a military base", "police station": a role word describing a thing names no actor.
  if (modifies >= 0 && heads.every((p) => p.type === 'role') && !owner && !sponsor && !ledBy && !placeCountry && !AGENTIVE_HEADS.has(tokens[modifies].lemma)) return [];
  const head = pickHead(heads);
  const context = { owner, sponsor, ledBy, placeCountry, heads };
  const entity = buildEntity(doc, c, head, context, dict);
  if (!entity) return [];
  const plural = isPlural(tokens, head, last);
  const text = doc.text.slice(tokens[c.start].start, tokens[modifies >= 0 ? modifies - 1 : c.end - 1].end);
  entity.text = text;
  return [{
    start: c.start, end: modifies >= 0 ? c.end - 1 : c.end, sentence: s.index, entity,
    kind: head.type === 'role' ? 'role' : head.type === 'unknown' ? 'unknown' : 'named',
    plural, modifies, entityKind: head.type === 'name' ? head.hit.entry.kind : head.type, reason: `actor:${head.type}`,
  }];
}

/** The rightmost named piece (a person after a title), else the rightmost role. */
function pickHead(heads: Piece[]): Piece {
  for (let k = heads.length - 1; k >= 0; k--) {
    const p = heads[k];
    if (p.type === 'unknown') return p;
    if (p.type === 'name' && !['demonym', 'state', 'capital', 'ethnic'].includes(p.hit.entry.kind)) return p;
    if (p.type === 'role') {
      // "Kataib Hezbollah fighters", "UN peacekeepers": a group's members are the group.
      const before = heads[k - 1];
      if (before && before.type === 'name' && ['group', 'party', 'org', 'igo', 'organ'].includes(before.hit.entry.kind)) return before;
      return p;
    }
  }
  return heads[heads.length - 1];
}

function pieceCountry(p: Piece, dict: ActorDictionary): string | null {
  if (p.type === 'name') return p.hit.entry.country ?? dict.byId.get(p.hit.entry.id)?.country ?? null;
  if (p.type === 'place') return p.place.place.country;
  return null;
}

interface ChunkContext { owner: string | null; sponsor: string | null; ledBy: string | null; placeCountry: string | null; heads: Piece[] }

function buildEntity(doc: Doc, c: Chunk, head: Piece, ctx: ChunkContext, dict: ActorDictionary): Entity | null {
  const country = ctx.ledBy ?? ctx.owner ?? stateCountry(ctx.heads, head) ?? ctx.placeCountry;
  const roles = ctx.heads.filter((p): p is Extract<Piece, { type: 'role' }> => p.type === 'role');
  const roleSectors = roles.length ? roles[roles.length - 1].role.sectors : [];
  if (head.type === 'name') {
    const e = head.hit.entry;
    // "Bosnian Serbs", "ethnic Albanians", "Iraqi Kurds": a people; the state is the other demonym or where they are.
    const otherState = ctx.heads.find((p) => p !== head && p.type === 'name' && ['state', 'demonym'].includes(p.hit.entry.kind) && p.start < head.start);
    const ethnicWord = doc.tokens.slice(c.start, head.start).some((t) => t.norm === 'ethnic');
    if (e.kind === 'ethnic' || (e.kind === 'demonym' && (otherState || ethnicWord) && isPeopleNoun(doc.tokens, head))) {
      const cc = otherState && otherState.type === 'name' ? otherState.hit.entry.country : ctx.owner ?? ctx.placeCountry;
      return { text: '', name: doc.text.slice(doc.tokens[c.start].start, doc.tokens[head.end - 1].end), id: null, country: cc, sector: roleSectors[0] ?? 'CVL', sectors: roleSectors.length ? roleSectors : ['CVL'], sponsor: ctx.sponsor };
    }
    if (e.kind === 'state' || e.kind === 'capital' || e.kind === 'demonym') {
      const sectors = roleSectors.length ? roleSectors : e.kind === 'demonym' ? (isPeopleNoun(doc.tokens, head) ? ['CVL'] : []) : ['GOV'];
      if (e.kind === 'demonym' && !isPeopleNoun(doc.tokens, head) && head.end < c.end) return entityOf(e, sectors, ctx.sponsor, country ?? e.country);
      return entityOf(e, sectors, ctx.sponsor, e.country);
    }
    // The title the text gives ("caretaker prime minister X") is the person's role in this report.
    const sectors = e.kind === 'person' && roleSectors.length ? [...new Set([...roleSectors, ...e.sectors])] : e.sectors.length ? e.sectors : roleSectors;
    return entityOf(e, sectors, e.sponsor ?? ctx.sponsor ?? affiliationSponsor(e, dict), e.country ?? country);
  }
  if (head.type === 'role') {
    const stateRole = head.role.kind === 'state';
    const cc = country ?? (stateRole ? null : null);
    const name = cc ? `${dict.countryName.get(cc) ?? cc} ${head.role.phrase}` : head.role.phrase;
    // "Iranian-backed paramilitary groups": a sponsored force with no state named is an irregular one.
    const sectors = ctx.sponsor && !cc && head.role.kind !== 'nonstate' ? ['UAF', ...head.role.sectors.filter((x) => x !== 'MIL' && x !== 'UAF')] : head.role.sectors;
    return {
      text: '', name, id: cc ? `${cc}_${sectors[0] ?? 'UNK'}` : null, country: cc,
      sector: sectors[0] ?? null, sectors, sponsor: ctx.sponsor,
    };
  }
  if (head.type === 'unknown') {
    // "The Irish Times", "Saudi Aramco": a demonym right before an unknown name is part of it.
    const prev = ctx.heads.find((p) => p.type === 'name' && p.end === head.start && p.hit.entry.kind === 'demonym');
    const nameStart = prev ? prev.start : head.start;
    const name = doc.text.slice(doc.tokens[nameStart].start, doc.tokens[head.end - 1].end);
    // "Arab League Secretary General Chadli Klibi", "Kataib Hezbollah founder X": a person of a named organisation.
    const org = ctx.heads.find((p): p is Extract<Piece, { type: 'name' }> => p.type === 'name' && p.start < head.start && ['group', 'party', 'org', 'igo', 'organ'].includes(p.hit.entry.kind));
    if (org) {
      const e = org.hit.entry;
      return { text: '', name, id: null, country: e.country ?? country, sector: roleSectors[0] ?? e.sectors[0] ?? null, sectors: roleSectors.length ? roleSectors : e.sectors, sponsor: e.sponsor ?? ctx.sponsor, unresolved: true };
    }
    return { text: '', name, id: null, country, sector: roleSectors[0] ?? null, sectors: roleSectors, sponsor: ctx.sponsor, unresolved: true };
  }
  return null;
}

function stateCountry(heads: Piece[], head: Piece): string | null {
  for (const p of heads) {
    if (p === head) continue;
    if (p.type === 'name' && ['state', 'demonym', 'capital'].includes(p.hit.entry.kind)) return p.hit.entry.country;
  }
  return null;
}

function affiliationSponsor(e: DictEntry, dict: ActorDictionary): string | null {
  return e.affiliation ? dict.byId.get(e.affiliation)?.sponsor ?? null : null;
}

function entityOf(e: DictEntry, sectors: string[], sponsor: string | null, country: string | null): Entity {
  const isState = ['state', 'demonym', 'capital'].includes(e.kind);
  const id = isState ? (sectors.length && sectors[0] !== 'GOV' ? `${e.country}_${sectors[0]}` : e.country) : e.id;
  return { text: '', name: e.name, id, country, sector: sectors[0] ?? null, sectors, sponsor };
}

/** "Iraqis", "Palestinians", "Americans": a demonym used as a noun for the people. */
function isPeopleNoun(tokens: readonly Token[], p: Piece): boolean {
  const t = tokens[p.end - 1];
  return t.pos === 'NOUN' || (t.norm.endsWith('s') && t.norm !== t.lemma) || /(ians|ans|is|ers)$/.test(t.norm);
}

function isPlural(tokens: readonly Token[], head: Piece, last: Token): boolean {
  const t = tokens[head.end - 1];
  if (head.type === 'name' && ['group', 'party', 'org'].includes(head.hit.entry.kind)) return /s$/.test(t.norm) && t.lemma !== t.norm;
  return (t.lemma !== t.norm && t.norm.endsWith('s')) || (last.lemma !== last.norm && last.norm.endsWith('s'));
}

/** "Iraq's caretaker prime minister, Adel Abdul Mahdi,": the person holds the title in this report. */
function titleAppositives(tokens: readonly Token[], ms: Mention[]): void {
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k], b = ms[k + 1];
    if (a.kind !== 'role' || b.entityKind !== 'person' || a.modifies >= 0 || b.start !== a.end + 1 || tokens[a.end].norm !== ',') continue;
    b.entity = { ...b.entity, sector: a.entity.sector, sectors: [...new Set([...a.entity.sectors, ...b.entity.sectors])] };
  }
}

/** "Hungarian and Romanian officials": a bare demonym coordinated with a role phrase shares its head. */
function shareCoordinatedHeads(tokens: readonly Token[], ms: Mention[]): void {
  // "Israeli helicopters and tanks": a role with no country of its own takes its conjunct's.
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k], b = ms[k + 1];
    const between = tokens.slice(a.modifies >= 0 ? a.modifies + 1 : a.end, b.start).map((t) => t.norm);
    if (between.length !== 1 || between[0] !== 'and' || b.kind !== 'role' || b.entity.country || !a.entity.country) continue;
    b.entity = { ...b.entity, country: a.entity.country, id: `${a.entity.country}_${b.entity.sector ?? 'UNK'}` };
  }
  for (let k = ms.length - 2; k >= 0; k--) {
    const a = ms[k], b = ms[k + 1];
    const between = tokens.slice(a.end, b.start).map((t) => t.norm);
    if (!between.length || !between.every((w) => w === 'and' || w === ',' || w === 'or')) continue;
    if (a.kind !== 'named' || a.entity.sectors.length > 0 && a.entity.sector !== 'GOV') continue;
    if (b.kind !== 'role' || !a.entity.country || a.modifies >= 0) continue;
    if (a.entityKind !== 'demonym' && a.entityKind !== 'state') continue;
    a.entity = { ...a.entity, sector: b.entity.sector, sectors: b.entity.sectors, id: `${a.entity.country}_${b.entity.sector ?? 'UNK'}` };
  }
}
