// Pronouns, definite anaphors ("the group") and missing countries, resolved against the article.
import type { Doc, Entity } from '../types.js';
import type { PlaceMention } from '../places/index.js';
import type { Mention } from './types.js';

const PERSONAL = new Set(['he', 'him', 'his', 'she', 'her']);
const NEUTER = new Set(['it', 'its']);
const PLURAL = new Set(['they', 'them', 'their']);
const GROUP_NOUNS = new Set(['group', 'militia', 'movement', 'organisation', 'organization', 'faction', 'rebel', 'militant', 'insurgent', 'fighter', 'jihadist', 'outfit']);
const WINDOW = 4;

/** Add pronoun mentions and fill antecedents and countries; returns mentions in text order. */
export function resolveAnaphora(doc: Doc, mentions: Mention[], places: readonly PlaceMention[]): Mention[] {
  const all = [...mentions, ...pronounMentions(doc, mentions)].sort((a, b) => a.start - b.start);
  const main = mainCountry(mentions, places);
  for (let k = 0; k < all.length; k++) {
    const m = all[k];
    if (m.kind === 'pronoun') {
      const ante = antecedent(all, k, m, doc);
      if (ante) m.entity = { ...ante.entity, text: m.entity.text };
      m.reason = ante ? `pronoun→${ante.entity.name}` : 'pronoun:unresolved';
      if (ante) { m.plural = ante.plural; m.entityKind = ante.entityKind; }
      continue;
    }
    if (m.kind === 'role' && !m.entity.country && isDefiniteGroupNoun(doc, m)) {
      const ante = findBack(all, k, m.sentence, (a) => a.entityKind === 'group' || a.entityKind === 'party');
      if (ante) { m.entity = { ...ante.entity, text: m.entity.text }; m.reason = `anaphor→${ante.entity.name}`; m.entityKind = ante.entityKind; continue; }
    }
    if (!m.entity.country && (m.kind !== 'unknown' || m.entity.sectors.length > 0 || !m.plural)) {
      const here = places.find((p) => p.sentence === m.sentence && p.locative && p.place.country);
      const cc = here?.place.country ?? main;
      if (cc) {
        m.entity = { ...m.entity, country: cc, id: m.entity.id ?? `${cc}_${m.entity.sector ?? 'UNK'}` };
        m.reason += here ? ':country-from-place' : ':country-from-article';
      }
    }
  }
  return all;
}

function pronounMentions(doc: Doc, mentions: Mention[]): Mention[] {
  const taken = new Set<number>();
  for (const m of mentions) for (let k = m.start; k < m.end; k++) taken.add(k);
  const out: Mention[] = [];
  for (const t of doc.tokens) {
    if (taken.has(t.i) || (t.pos !== 'PRON' && t.pos !== 'DET')) continue;
    if (!PERSONAL.has(t.norm) && !NEUTER.has(t.norm) && !PLURAL.has(t.norm)) continue;
    const entity: Entity = { text: t.text, name: t.text, id: null, country: null, sector: null, sectors: [], sponsor: null };
    out.push({ start: t.i, end: t.i + 1, sentence: t.sentence, entity, kind: 'pronoun', plural: PLURAL.has(t.norm), modifies: -1, entityKind: 'pronoun', reason: 'pronoun' });
  }
  return out;
}

function antecedent(all: Mention[], k: number, m: Mention, doc: Doc): Mention | null {
  const w = doc.tokens[m.start].norm;
  if (PERSONAL.has(w)) return findBack(all, k, m.sentence, (a) => a.entityKind === 'person' || (a.kind === 'role' && !a.plural && a.entity.sector !== null && ['GOV', 'MIL', 'REB', 'ELI', 'REL', 'OPP', 'JUD', 'LEG'].includes(a.entity.sector) && !a.plural && a.modifies < 0) || (a.kind === 'unknown' && !a.plural));
  if (NEUTER.has(w)) {
    const ok = (a: Mention): boolean => !a.plural && a.modifies < 0 && (COLLECTIVE_KINDS.has(a.entityKind) || (a.kind === 'role' && COLLECTIVE_NOUNS.has(doc.tokens[a.end - 1].lemma)));
    // "the foreign ministry said it would": the same sentence first, then the subjects of earlier ones.
    return findBack(all, k, m.sentence, (a) => ok(a) && a.sentence === m.sentence)
      ?? findBack(all, k, m.sentence, (a) => ok(a) && isSentenceSubject(all, a)) ?? findBack(all, k, m.sentence, ok);
  }
  return findBack(all, k, m.sentence, (a) => a.plural || ['group', 'state', 'party', 'organ', 'igo'].includes(a.entityKind));
}

const COLLECTIVE_KINDS = new Set(['state', 'capital', 'organ', 'igo', 'group', 'party', 'org']);
/** Bodies that "it" can stand for ("the Iraqi military ... It condemned"); a worker or a soldier is "he" or "she". */
const COLLECTIVE_NOUNS = new Set(['government', 'military', 'army', 'ministry', 'police', 'cabinet', 'parliament', 'court', 'council', 'committee', 'authority', 'regime', 'administration', 'force', 'navy', 'agency', 'office', 'embassy', 'department', 'service', 'coalition', 'alliance', 'union', 'party', 'group', 'militia', 'movement', 'organisation', 'organization', 'junta', 'command', 'legislature', 'assembly', 'senate', 'congress', 'presidency', 'company', 'firm', 'front', 'faction']);

/** The first mention of its sentence: the usual subject, and the usual antecedent of "it". */
function isSentenceSubject(all: Mention[], a: Mention): boolean {
  return !all.some((x) => x.sentence === a.sentence && x.start < a.start && x.kind !== 'pronoun');
}

function findBack(all: Mention[], k: number, sentence: number, ok: (a: Mention) => boolean): Mention | null {
  for (let j = k - 1; j >= 0; j--) {
    const a = all[j];
    if (sentence - a.sentence > WINDOW) break;
    if (a.kind === 'pronoun' && !a.entity.id && !a.entity.country) continue;
    if (ok(a)) return a;
  }
  return null;
}

function isDefiniteGroupNoun(doc: Doc, m: Mention): boolean {
  const before = doc.tokens[m.start - 1];
  const head = doc.tokens[m.end - 1];
  return !!before && (before.norm === 'the' || before.norm === 'this') && GROUP_NOUNS.has(head.lemma) && m.end - m.start === 1;
}

/** The country the article is mostly about: places after prepositions count twice, named states once. */
function mainCountry(mentions: readonly Mention[], places: readonly PlaceMention[]): string | null {
  const votes = new Map<string, number>();
  const vote = (c: string | null, n: number): void => { if (c) votes.set(c, (votes.get(c) ?? 0) + n); };
  // Where things happen decides whose police and army an unqualified "police" is; named states only break ties.
  // A country named without "in" is usually an actor ("the US said"), not where things happen.
  for (const p of places) vote(p.place.country, p.locative ? 4 : p.place.precision === 'country' ? 0 : 2);
  for (const m of mentions) if (m.kind !== 'pronoun' && ['state', 'demonym', 'role'].includes(m.entityKind)) vote(m.entity.country, 0.25);
  let best: string | null = null, n = 0;
  for (const [c, v] of votes) if (v > n) { best = c; n = v; }
  return best;
}
