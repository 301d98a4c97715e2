// Stage 3, events: triggers → candidates with arguments, modality, date, place and toll → merged records.
import { ofSentence } from '../text/index.js';
import { POSSESSIVES } from '../text/normalize.js';
import { createHash } from 'node:crypto';
import type { Mention } from '../actors/index.js';
import type { DateMention } from '../dates/index.js';
import type { PlaceMention } from '../places/index.js';
import { findFatalities } from '../quantities/index.js';
import type { Article, CasusEvent, Doc, Entity, Location, PloverType, Sentence, Token } from '../types.js';
import { attachArgs, participleAnchor } from './attach.js';
import { inSentences, type Candidate } from './candidate.js';
import type { Trigger, TriggerLexicon } from './lexicon.js';
import { mergeCandidates } from './merge.js';
import { modalityOf, verbOfObject } from './modality.js';
import { indexMentions } from './scan.js';
import { weaponMode } from './weapons.js';
import { sameFamily } from './family.js';
import { cameoCode, ploverScore, quadClass } from './taxonomy.js';
import { resolveSenses, spotTriggers, type Spotted } from './triggers.js';
import { absorbProtestDemands, CONTENT_MODE, dropBackgroundNouns, dropDescriptiveParticiples, dropNameWords, dropNounModifiers, dropPrepositionalGerunds, refineContent, suppressNested } from './content.js';

export { loadTriggerLexicon, type TriggerLexicon } from './lexicon.js';

export interface EventInput {
  article: Article;
  doc: Doc;
  mentions: Mention[];
  places: PlaceMention[];
  dates: DateMention[];
}

const CIVIL_SECTORS = new Set(['LAB', 'CVL', 'EDU', 'MED', 'BUS', 'OPP', 'AGR']);
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'SPY', 'LEG']);
const ARMED_SECTORS = new Set(['MIL', 'REB', 'UAF']);
const CROWD_DAMAGE = new Set(['storm', 'torch', 'set', 'ransack', 'smash', 'burn']);
const RAID = new Set(['raid', 'storm']);
const TAKE = new Set(['capture', 'seize', 'grab']);
const EXERCISE = new Set(['exercise', 'drill', 'war-game', 'wargame', 'maneuver', 'manoeuvre']);
const TOLL_WORDS = /\b(killed|killing|dead|died|wounded|wounding|injured|injuring)\b/i;

/** Actors all of civilian sectors (workers, students, protesters), and at least one. */
function allCivilian(ms: readonly Mention[]): boolean {
  return ms.length > 0 && ms.every((m) => m.entity.sectors.length > 0 && m.entity.sectors.every((x) => CIVIL_SECTORS.has(x)));
}

function isStateActor(m: Mention): boolean {
  if (['state', 'capital', 'organ', 'igo'].includes(m.entityKind)) return true;
  return m.entity.sector !== null && STATE_SECTORS.has(m.entity.sector) && m.entityKind !== 'person';
}

/** Announced hostile acts become threats, with the threat's content as mode. */
const THREAT_MODE: Record<string, string | null> = { ASSAULT: 'violence', SANCTION: 'relations', COERCE: 'restrict', PROTEST: null, REJECT: null };
const DEFINITE = new Set(['the', 'this', 'these', 'that', 'those', 'such', 'its', 'their']);
/** Announced or offered cooperation is AGREE, as the PLOVER gold standard codes it ("will release", "ready to send"). */
const COOP_FUTURE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'RETREAT', 'CONCEDE']);

/** Code the events of one analysed article. */
export function extractEvents(input: EventInput, lex: TriggerLexicon): { events: CasusEvent[]; dropped: Candidate[] } {
  const { doc } = input;
  const spotted = doc.sentences.map((s) => spotTriggers(lex, doc.tokens, s));
  resolveSenses(spotted);
  const heads = new Set<number>(), covered = new Set<number>();
  for (const list of spotted) {
    for (const sp of list) {
      heads.add(sp.head);
      for (const p of sp.positions) covered.add(p);
    }
  }
  // Possessive pronouns ("its east coast") own a thing; they are not arguments of an event.
  const argumentMentions = input.mentions.filter((m) => m.kind !== 'pronoun' || ((m.entity.country || m.entity.id) && !POSSESSIVES.has(doc.tokens[m.start].norm)));
  const ix = indexMentions(doc.tokens, argumentMentions, heads, covered);
  const cands: Candidate[] = [];
  for (const s of doc.sentences) {
    for (const sp of spotted[s.index]) cands.push(candidate(input, ix, s, sp));
  }
  mergeRelativeTolls(cands);
  // Words that only modify a noun or belong to a name are no deeds, so they are no one's content either.
  dropNameWords(doc, cands, input.mentions);
  dropNounModifiers(doc, cands);
  refineContent(doc, cands);
  dropPrepositionalGerunds(doc, cands);
  dropBackgroundNouns(doc, cands);
  const inMention = new Uint8Array(doc.tokens.length);
  for (const m of input.mentions) for (let k = Math.max(0, m.start); k < m.end && k < inMention.length; k++) inMention[k] = 1;
  dropDescriptiveParticiples(doc, cands, (i) => inMention[i] === 1);
  absorbProtestDemands(doc, cands);
  suppressNested(doc, cands);
  dropLightVerbs(doc, cands);
  recipientsFromEventObjects(cands);
  recipientsFromPlace(input, cands);
  for (const c of cands) requireArguments(doc, c);
  const merged = mergeCandidates(doc.tokens, cands);
  const events = merged.map((c) => toRecord(input, c));
  return { events, dropped: cands.filter((c) => c.dropped) };
}

function candidate(input: EventInput, ix: ReturnType<typeof indexMentions>, s: Sentence, spotted: Spotted): Candidate {
  let sp = spotted;
  const { doc } = input;
  const args = attachArgs(ix, s, sp);
  const modality = modalityOf(doc.tokens, s, sp.head, !sp.verbal);
  // "aims to tighten sanctions and impose a blockade": a coordinated verb shares the first verb's modality.
  if (args.how === 'verb:coordinated') {
    const first = modalityOf(doc.tokens, s, participleAnchor(doc.tokens, s, sp.head), false);
    for (const c of first.context) if (!modality.context.includes(c)) { modality.context.push(c); modality.cues.push(`${c}:coordinated`); }
  }
  let type = sp.trigger.type;
  const explain = [`trigger "${sp.trigger.pattern}" (${sp.trigger.file}) as ${sp.verbal ? 'verb' : 'noun'}; arguments by ${args.how}`, ...modality.cues.map((c) => `context ${c}`)];
  let context = modality.context;
  /** Code the deed as another type: the explanation, the type, and the trigger the record is built from. */
  const recode = (to: PloverType, change: Partial<Trigger>, why: string): void => {
    explain.push(why);
    type = to;
    sp = { ...sp, trigger: { ...sp.trigger, type: to, ...change } };
  };
  // PLOVER: announced future cooperation is AGREE, an announced future retreat is CONCEDE.
  if (context.includes('future') && !context.includes('negation') && !context.includes('hypothetical')) {
    const offered = modality.cues.some((c) => /^future:(willing|ready|prepared|eager|offer)/.test(c));
    if (type === 'RETREAT' && (sp.trigger.mode === 'withdraw' || sp.trigger.mode === 'resign') && !offered) {
      // "France will pull its troops out of Niger": PLOVER codes an announced withdrawal as a concession
      // (and an offer, "willing to withdraw", as intent to cooperate).
      context = context.filter((c) => c !== 'future');
      recode('CONCEDE', { cameo: '081' }, `announced ${sp.trigger.mode === 'resign' ? 'resignation' : 'withdrawal'} → CONCEDE`);
    } else if (COOP_FUTURE.has(type)) { type = 'AGREE'; context = context.filter((c) => c !== 'future'); explain.push('announced cooperation → AGREE'); }
  }
  // "as Russian strikes intensify": strikes by a state or its forces are attacks, not walkouts.
  if (type === 'PROTEST' && /^strikes?$/.test(doc.tokens[sp.head].norm) && args.actor.length > 0 && args.actor.every((m) => isStateActor(m) || m.entityKind === 'demonym' || m.entity.sectors.some((x) => x === 'MIL'))) {
    recode('ASSAULT', { mode: null, cameo: '190' }, 'strikes by a state → ASSAULT');
  }
  // "Workers went on strike": a strike by workers, students or civilians is a protest, not an attack.
  if (type === 'ASSAULT' && /^strikes?$/.test(doc.tokens[sp.head].norm) && allCivilian(args.actor)) {
    recode('PROTEST', { mode: 'strike', cameo: '143' }, 'a strike by workers or civilians → PROTEST');
  }
  const lemma = doc.tokens[sp.head].lemma;
  // "Tens of thousands rallied in Tel Aviv": a crowd with no name is the protesters.
  if (sp.trigger.type === 'PROTEST' && args.actor.length === 0) {
    const crowd = crowdSubject(doc.tokens, s, sp.head);
    if (crowd >= 0) {
      const where = bestLocation(input.places, s, sp, doc.tokens);
      const entity: Entity = { text: doc.tokens[crowd].text, name: 'protesters', id: null, country: where?.country ?? null, sector: 'CVL', sectors: ['CVL'], sponsor: null };
      args.actor = [{ start: crowd, end: crowd + 1, sentence: s.index, entity, kind: 'role', plural: true, modifies: -1, entityKind: 'role', reason: 'actor:crowd' }];
      explain.push(`actor: the crowd ("${doc.tokens[crowd].text}") of a protest${where?.country ? `, in ${where.country}` : ''}`);
    }
  }
  const civilians = allCivilian(args.actor);
  const armed = args.actor.some((m) => m.entity.sectors.some((x) => ARMED_SECTORS.has(x)));
  // "Washington suspended some security assistance to Ethiopia": stopping aid reduces relations.
  if (type === 'AID' && !sp.verbal) {
    const stop = verbOfObject(doc.tokens, s, sp.start);
    if (stop && STOP_AID.has(stop.lemma)) {
      recode('SANCTION', { mode: 'discontinue', cameo: '162', weak: false }, `aid ${stop.norm} → SANCTION (discontinue)`);
    }
  }
  // "Protesters stormed the residence", "rioters set fire to police vehicles": damage by a crowd is a riot (PLOVER PROTEST).
  if (type === 'ASSAULT' && civilians && (sp.trigger.mode === 'destroy' || CROWD_DAMAGE.has(lemma))) {
    recode('PROTEST', { mode: 'riot', cameo: '145' }, 'damage done by protesters or civilians → PROTEST (riot)');
  }
  // "Armed separatists torched a school": arson by an armed group is an attack, not vandalism at a protest.
  if (type === 'PROTEST' && sp.trigger.mode === 'vandalize' && armed) {
    recode('ASSAULT', { mode: 'destroy', cameo: '1712' }, 'destruction by an armed group → ASSAULT (destroy)');
  }
  // "Rebels raided a police outpost, leaving one officer dead": a raid that kills or hits an armed post is an attack.
  if (type === 'COERCE' && RAID.has(lemma) && (args.recipient.some((m) => m.entity.sectors.some((x) => x === 'MIL' || x === 'COP')) || TOLL_WORDS.test(s.text))) {
    recode('ASSAULT', { mode: null, cameo: '190' }, 'a raid on an armed post, or with casualties → ASSAULT');
  }
  // "Insurgents seized fishermen", "Ukrainian forces captured Russian servicemen": people taken by an
  // armed group, or enemy combatants captured, are abducted (PLOVER: captured combatants are ASSAULT abduct).
  const enemies = args.recipient.length > 0 && args.recipient.every((m) => m.entity.sectors.some((x) => ARMED_SECTORS.has(x)) && m.entity.country !== null
    && args.actor.every((a) => a.entity.country !== null && a.entity.country !== m.entity.country));
  if (type === 'COERCE' && TAKE.has(lemma) && args.recipient.length > 0 && ((armed && args.actor.every((m) => !isStateActor(m))) || enemies)) {
    recode('ASSAULT', { mode: 'abduct', cameo: '181' }, enemies ? 'enemy combatants captured → ASSAULT (abduct)' : 'people taken by an armed group → ASSAULT (abduct)');
  }
  // "announced their withdrawal from ECOWAS": leaving an organisation reduces relations.
  if (type === 'RETREAT' && sp.trigger.mode === 'withdraw' && args.recipient.length > 0 && args.recipient.every((m) => m.entityKind === 'igo')) {
    recode('SANCTION', { mode: 'discontinue', cameo: '160' }, 'withdrawal from an international organisation → SANCTION');
  }
  // "Egypt admitted dozens of severely wounded Palestinians through the Rafah crossing": letting people in, not a confession.
  if (type === 'CONCEDE' && lemma === 'admit' && sp.verbal && args.recipient.length > 0 && args.recipient.every((m) => (m.kind === 'role' && m.plural) || m.entity.sectors.includes('CVL') || m.entity.sectors.includes('REF'))
    && !/^(that|to|responsibility|guilt|wrongdoing|mistakes?|failures?|error)$/.test(doc.tokens[sp.end]?.norm ?? '')) {
    recode('AID', { mode: null, cameo: '07' }, 'people admitted into a country → AID');
  }
  // "Nigerian soldiers freed 23 passengers who had been abducted": a rescue by security forces is aid (PLOVER).
  if (type === 'RETREAT' && sp.trigger.mode === 'release' && args.actor.some((m) => m.entity.sectors.some((x) => x === 'MIL' || x === 'COP'))
    && /\b(abduct|kidnapp|hostage|captive|held by|seized by)/i.test(s.text)) {
    recode('AID', { mode: null, cameo: '07' }, 'captives freed by security forces → AID (a rescue)');
  }
  // "India and France wrapped up their annual naval exercise": drills held together are military cooperation.
  if (type === 'MOBILIZE' && sp.positions.some((p) => EXERCISE.has(doc.tokens[p].lemma)) && new Set(args.actor.map((m) => m.entity.country).filter(Boolean)).size >= 2) {
    recode('COOPERATE', { mode: null, cameo: '062', weak: false }, 'an exercise held by two states together → COOPERATE');
  }
  // "the 2008 assault on Mumbai": a deed dated to an earlier year is background.
  if (!sp.verbal && earlierYear(doc.tokens, s, sp.start, input.article.date)) { context = [...context, 'historical']; explain.push('context historical: dated to an earlier year'); }
  // "Israeli police charged mourners": police or soldiers charging people are using force, not bringing charges.
  if (type === 'ACCUSE' && lemma === 'charge' && sp.positions.length === 1 && args.actor.some((m) => m.entity.sectors.some((x) => x === 'COP' || x === 'MIL'))
    && !doc.tokens.slice(sp.end, s.to).some((t) => t.norm === 'with' || t.norm === 'that')) {
    recode('ASSAULT', { mode: 'beat', cameo: '180', weak: false }, 'a charge by police or troops → ASSAULT');
  }
  // "was killed in an Israeli strike": the nationality of the strike names who struck.
  if (type === 'ASSAULT' && sp.verbal && args.actor.length === 0) {
    const by = instrumentNationality(doc.tokens, s, sp.end, input.mentions);
    if (by) { args.actor = [by]; explain.push(`actor from "${doc.text.slice(doc.tokens[by.start].start, doc.tokens[by.end - 1].end)}" modifying the weapon`); }
  }
  // "A brigade of Cuban doctors and nurses arrived in Lombardy to help Italian hospitals": medical teams
  // arriving bring aid, they do not visit.
  if (type === 'CONSULT' && sp.trigger.mode === 'visit' && args.actor.length > 0 && args.actor.every((m) => m.entity.sectors.includes('MED') && m.plural)) {
    recode('AID', { mode: null, cameo: '073', weak: false }, 'a visit by medical teams → AID');
  }
  // Troops that "arrive in" a country are deployed there, not visiting.
  // (A general who receives a delegation is hosting it: only units, in the plural, deploy.)
  if (type === 'CONSULT' && sp.trigger.mode === 'visit' && args.actor.length > 0 && args.actor.every((m) => (m.entity.sector === 'MIL' || m.entity.sector === 'COP') && m.plural)) {
    const police = args.actor.every((m) => m.entity.sector === 'COP');
    recode('MOBILIZE', { mode: police ? 'police' : 'troops', cameo: '154' }, 'a visit by troops or police → MOBILIZE');
  }
  // PLOVER's PROTEST is civilian collective action; a state that blockades or boycotts coerces.
  if (type === 'PROTEST' && ['obstruct', 'boycott', null].includes(sp.trigger.mode) && args.actor.length > 0 && args.actor.every((m) => isStateActor(m))) {
    recode('COERCE', { mode: sp.trigger.mode === 'obstruct' ? 'restrict' : null, cameo: '170' }, 'PROTEST by a state actor → COERCE');
  }
  // PLOVER: an announced hostile act ("will impose a curfew", "would boycott", "prepared to impose martial law") is a threat.
  // ... or an announced verb's object ("would launch a ground incursion").
  const announcedObject = modality.cues.some((c) => c.startsWith('future:object of'));
  const verbalFuture = context.includes('future') && !context.includes('negation') && !context.includes('hypothetical') && (sp.verbal || announcedObject);
  if (verbalFuture && type === 'ASSAULT' && modality.cues.some((c) => /^future:(prepared?|ready|poised|preparing)$/.test(c))) {
    context = context.filter((c) => c !== 'future');
    recode('MOBILIZE', { mode: 'troops', cameo: '150', intent: false }, 'preparing an attack → MOBILIZE');
  } else if (verbalFuture && type === 'MOBILIZE') {
    // "will send 3,000 troops": an announced deployment is itself a show of force (CAMEO 15).
    explain.push('announced deployment → MOBILIZE');
    context = context.filter((c) => c !== 'future');
  } else if (verbalFuture && type in THREAT_MODE) {
    context = context.filter((c) => c !== 'future');
    recode('THREATEN', { mode: THREAT_MODE[type], cameo: '130', intent: false }, `announced ${type} → THREATEN`);
  }
  const REFUSAL_MODE: Record<string, string | null> = { AID: 'assist', CONSULT: 'meet', RETREAT: 'yield', CONCEDE: 'yield', AGREE: null, SUPPORT: null, COOPERATE: null };
  // A refusal is one's own "did not"; a deed denied ("denied that it had freed ...") is no refusal.
  const denied = modality.cues.some((c) => /^negation:\w+ (that|\.\.\.ing)$/.test(c));
  if (context.includes('negation') && !context.includes('hypothetical') && type in REFUSAL_MODE && sp.verbal && !denied) {
    context = context.filter((c) => c !== 'negation' && c !== 'future');
    recode('REJECT', { mode: REFUSAL_MODE[type], cameo: '120', intent: false }, `negated ${type} → REJECT (a refusal)`);
  }
  const det = doc.tokens[sp.start - 1];
  const det2 = doc.tokens[sp.start - 2];
  const det3 = doc.tokens[sp.start - 3];
  const definite = !sp.verbal && [det, det2, det3].some((d) => d && d.sentence === s.index && DEFINITE.has(d.norm));
  const mark = doc.tokens[sp.head];
  const charAt = mark.start;
  const generic = !sp.trigger.mode || sp.trigger.mode === 'firearms';
  const mode = type === 'ASSAULT' && generic ? weaponMode(doc.tokens, s) ?? sp.trigger.mode : sp.trigger.mode;
  return {
    sentence: s.index, spotted: sp, type, mode, cameo: sp.trigger.cameo,
    actor: args.actor, recipient: args.recipient, speaker: args.speaker, context,
    date: nearestDate(input.dates, s.index, charAt), location: bestLocation(input.places, s, sp, doc.tokens),
    fatalities: type === 'ASSAULT' ? findFatalities(doc, s, input.mentions, sp.head) : { killed: null, injured: null, text: null },
    reason: `${sp.trigger.type.toLowerCase()}:${sp.trigger.pattern.replace(/\s+/g, '_')}:${args.how}`,
    explain, dropped: null, anaphoric: definite && args.actor.length === 0 && args.recipient.length === 0, definite, merged: [],
  };
}

/** "a rocket attack that killed two troops": the killing is the attack's toll and victims. */
function mergeRelativeTolls(cands: Candidate[]): void {
  for (const b of cands) {
    if (!b.reason.includes('relative-of-event')) continue;
    const before = inSentences(cands, b.sentence, b.sentence).filter((x) => x !== b && x.spotted.end <= b.spotted.head - 1 && b.spotted.head - x.spotted.end <= 11);
    const a = before.length ? before[before.length - 1] : undefined;
    if (!a) continue;
    for (const r of b.recipient) if (!a.recipient.includes(r)) a.recipient.push(r);
    if (a.fatalities.killed === null) a.fatalities = b.fatalities;
    b.dropped = `the toll of "${a.spotted.trigger.pattern}" told in a relative clause`;
  }
}

/** "signed a six-month ceasefire", "launched an offensive": the noun carries the event, the verb only its subject. */
function dropLightVerbs(doc: Doc, cands: Candidate[]): void {
  for (const b of cands) {
    if (b.dropped || b.spotted.verbal || !b.reason.includes('light-verb')) continue;
    const a = inSentences(cands, b.sentence, b.sentence).find((x) => x !== b && x.spotted.verbal && !x.dropped && x.spotted.end <= b.spotted.start && b.spotted.start - x.spotted.end <= 6
      && doc.tokens.slice(x.spotted.end, b.spotted.start).every((t) => ['DET', 'ADJ', 'NUM', 'NOUN', 'PUNCT'].includes(t.pos) && t.text !== ','));
    if (!a) continue;
    // "threatened to impose import restrictions": the pattern's own verb carries a noun that is its content.
    if (a.spotted.trigger.intent) {
      a.mode ??= CONTENT_MODE[a.type]?.[b.type] ?? null;
      b.dropped = `content of ${a.type} "${a.spotted.trigger.pattern}"`;
    } else a.dropped = `light verb of "${b.spotted.trigger.pattern}"`;
  }
}

/** "dismissed the accusation", "condemned the attack": the recipient is whoever did the deed named as object. */
function recipientsFromEventObjects(cands: Candidate[]): void {
  for (const a of cands) {
    if (!a.spotted.verbal) continue;
    const b = inSentences(cands, a.sentence, a.sentence).find((x) => x !== a && !x.spotted.verbal && x.spotted.start >= a.spotted.end && x.spotted.start - a.spotted.end <= 3);
    if (!b) continue;
    // "condemned the killing as an act of aggression against Iraq": the object is the killing, not Iraq.
    if (a.recipient.length && a.recipient.some((r) => r.start >= 0 && r.start < b.spotted.start)) continue;
    let source = b.actor;
    if (source.length === 0) {
      const told = (x: Candidate): boolean => !x.dropped || x.dropped.startsWith('merged');
      const earlier = inSentences(cands, a.sentence - 6, a.sentence - 1).filter((x) => told(x) && sameFamily(x.type, b.type) && x.actor.length);
      source = earlier.length ? earlier[earlier.length - 1].actor : [];
    }
    const own = new Set(a.actor.map((m) => m.entity.id ?? m.entity.name));
    const recipient = source.filter((m) => !own.has(m.entity.id ?? m.entity.name));
    if (recipient.length) { a.recipient = recipient; a.explain.push(`recipient: the actor of the ${b.type} named as object ("${b.spotted.trigger.pattern}")`); }
  }
}

const PLACE_TARGETED = new Set(['MOBILIZE', 'RETREAT', 'AID', 'CONSULT']);

/** "deployed troops in Lebanon", "withdrew from Gaza": with no actor named as recipient, the country where it happens. */
function recipientsFromPlace(input: EventInput, cands: Candidate[]): void {
  for (const c of cands) {
    if (c.recipient.length || c.dropped || c.actor.length === 0) continue;
    // "fired rockets at northern Israel": a place right after the attack's own preposition is its target.
    if (c.type === 'ASSAULT') {
      const words = c.spotted.trigger.words;
      const prep = words[words.length - 1];
      if (!['at', 'on', 'into', 'against', 'toward', 'towards'].includes(prep)) {
        // "Ukrainian drones struck an oil refinery in Russia's Krasnodar region": a thing hit, in a place.
        const object = input.doc.tokens[c.spotted.end];
        const place = c.spotted.verbal && object && object.sentence === c.sentence && (object.pos === 'DET' || object.pos === 'NOUN') ? placeInClause(input, c) : null;
        if (!place?.country || c.actor.some((a) => a.entity.country === place.country)) continue;
        const name = input.places.find((x) => x.place.country === place.country && x.place.precision === 'country')?.place.name ?? place.name;
        const entity: Entity = { text: place.text, name, id: place.country, country: place.country, sector: null, sectors: [], sponsor: null };
        c.recipient = [{ start: -1, end: -1, sentence: c.sentence, entity, kind: 'named', plural: false, modifies: -1, entityKind: 'state', reason: 'recipient:place-country' }];
        c.explain.push(`recipient: the country where the thing struck stands (${place.country})`);
        continue;
      }
      const p = input.places.find((x) => x.sentence === c.sentence && x.start >= c.spotted.end && x.start - c.spotted.end <= 2 && x.place.country);
      if (!p || c.actor.some((a) => a.entity.country === p.place.country)) continue;
      const entity: Entity = { text: p.text, name: input.places.find((x) => x.place.country === p.place.country && x.place.precision === 'country')?.place.name ?? p.place.name, id: p.place.country, country: p.place.country, sector: null, sectors: [], sponsor: null };
      c.recipient = [{ start: -1, end: -1, sentence: c.sentence, entity, kind: 'named', plural: false, modifies: -1, entityKind: 'state', reason: 'recipient:place-country' }];
      c.explain.push(`recipient: the country of the place attacked (${p.place.country})`);
      continue;
    }
    // Two parties acting together ("signed a ceasefire in Havana") are not acting on the host country.
    if (!PLACE_TARGETED.has(c.type) || c.actor.length > 1) continue;
    const place = c.location ?? placeInClause(input, c);
    const cc = place?.country;
    if (!cc || c.actor.some((a) => a.entity.country === cc)) continue;
    const name = input.places.find((p) => p.place.country === cc && p.place.precision === 'country')?.place.name ?? place.name;
    const entity: Entity = { text: place.text, name, id: cc, country: cc, sector: null, sectors: [], sponsor: null };
    c.recipient = [{ start: -1, end: -1, sentence: c.sentence, entity, kind: 'named', plural: false, modifies: -1, entityKind: 'state', reason: 'recipient:place-country' }];
    c.explain.push(`recipient: no actor in the object position; the country where it happened (${cc})`);
  }
}

function placeInClause(input: EventInput, c: Candidate): Location | null {
  const p = input.places.find((x) => x.sentence === c.sentence && x.start > c.spotted.head && x.start - c.spotted.end < 8 && x.place.country);
  return p ? { name: p.place.name, country: p.place.country, lat: p.place.lat, lon: p.place.lon, precision: p.place.precision, text: p.text } : null;
}

const WEAPON_SUBJECTS = new Set(['drone', 'drones', 'missile', 'rocket', 'shell', 'bomb', 'mortar', 'artillery', 'airstrike', 'strike', 'explosion', 'blast', 'gunfire', 'shelling', 'grenade', 'jet', 'warplane', 'aircraft', 'helicopter', 'gunman', 'gunmen', 'attacker', 'assailant', 'bomber']);

function isNaming(doc: Doc, c: Candidate): boolean {
  const t = doc.tokens, h = c.spotted.head;
  // "what it called", "what he called": the call is a name given.
  if (t[h - 1]?.norm === 'what' || t[h - 1]?.norm === 'so' || (t[h - 2]?.norm === 'what' && t[h - 1]?.pos === 'PRON')) return true;
  // "calling the transit a 'deliberate provocation'", "called him a traitor": an object, then its name.
  for (let k = h + 1; k < Math.min(h + 11, t.length); k++) {
    if (t[k].sentence !== t[h].sentence || /^[,;:.]$/.test(t[k].text)) break;
    if (['PRON', 'PROPN', 'NOUN'].includes(t[k].pos) && t[k + 1] && (['DET', 'ADJ'].includes(t[k + 1].pos) || /^['"‘“]$/.test(t[k + 1].text))) return true;
  }
  return false;
}

const STOP_AID = new Set(['suspend', 'halt', 'cut', 'freeze', 'withhold', 'stop', 'end', 'pause', 'slash', 'reduce', 'withdraw', 'terminate']);

const CROWD = new Set(['hundreds', 'thousands', 'dozens', 'scores', 'crowds', 'crowd', 'millions', 'tens']);

/** The crowd word that is a protest verb's subject ("Hundreds marched", "Tens of thousands rallied"), or -1. */
function crowdSubject(tokens: readonly Token[], s: Sentence, head: number): number {
  for (let k = head - 1; k >= s.from && head - k <= 6; k--) {
    const t = tokens[k];
    if (CROWD.has(t.norm)) return k;
    if (!['ADV', 'AUX', 'ADP', 'ADJ', 'NUM', 'DET', 'PART'].includes(t.pos) && t.norm !== 'of') return -1;
  }
  return -1;
}

/** A year before a noun trigger, earlier than the article's ("the 2008 assault on Mumbai"). */
function earlierYear(tokens: readonly Token[], s: Sentence, start: number, articleDate: string | null): boolean {
  for (let k = start - 1; k >= s.from && start - k <= 3; k--) {
    const t = tokens[k];
    if (/^(19|20)\d\d$/.test(t.text)) return !!articleDate && Number(t.text) < Number(articleDate.slice(0, 4));
    if (!['DET', 'ADJ', 'PROPN', 'NOUN'].includes(t.pos) && t.norm !== "'s") return false;
  }
  return false;
}

const ATTACK_NOUNS = new Set(['strike', 'airstrike', 'air', 'attack', 'raid', 'bombardment', 'drone', 'missile', 'rocket', 'shelling', 'assault', 'operation', 'offensive', 'bombing']);

/** "in an Israeli strike", "by a Russian missile": the state named as the weapon's, just after a passive deed. */
function instrumentNationality(tokens: readonly Token[], s: Sentence, from: number, mentions: readonly Mention[]): Mention | null {
  let k = from;
  while (k < s.to && k - from < 4 && tokens[k].pos === 'ADV') k++;
  if (!tokens[k] || !/^(in|by)$/.test(tokens[k].norm)) return null;
  k++;
  if (tokens[k]?.pos === 'DET') k++;
  const m = ofSentence(mentions, s.index).find((x) => x.start === k && ['state', 'demonym'].includes(x.entityKind) && x.entity.country);
  if (!m) return null;
  const after = tokens[m.modifies >= 0 ? m.modifies : m.end];
  return after && after.sentence === s.index && ATTACK_NOUNS.has(after.lemma) ? m : null;
}

function takesObject(doc: Doc, c: Candidate): boolean {
  const next = doc.tokens[c.spotted.end];
  return !!next && next.sentence === c.sentence && ['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ'].includes(next.pos);
}

/** "Thousands of students demonstrated": a protest needs protesters, not a named target. */
function civilianProtest(c: Candidate): boolean {
  return c.type === 'PROTEST' && c.actor.length > 0 && c.actor.every((m) => !isStateActor(m));
}

function requireArguments(doc: Doc, c: Candidate): void {
  if (c.dropped) return;
  if (c.type === 'CONSULT' && c.spotted.positions.length === 1 && doc.tokens[c.spotted.head].lemma === 'call' && isNaming(doc, c)) { c.dropped = '"call X a Y" names, it is not a call'; return; }
  if (c.type === 'CONSULT' && c.recipient.length === 0 && c.actor.length < 2 && !c.actor.some((m) => m.plural)) { c.dropped = 'a meeting needs two parties'; return; }
  const head = doc.tokens[c.spotted.head], after = doc.tokens[c.spotted.end];
  // "said no group had claimed it": "no" is the noun's, not a refusal.
  if (c.type === 'REJECT' && head.lemma === 'say' && doc.tokens[c.spotted.head + 1]?.norm === 'no' && ['NOUN', 'ADJ', 'DET'].includes(doc.tokens[c.spotted.head + 2]?.pos ?? '')) { c.dropped = '"said no <noun>": no refusal'; return; }
  // "declined to comment": no refusal of anything.
  const to = doc.tokens[c.spotted.head + 1]?.norm === 'to' ? c.spotted.head + 1 : -1;
  if (c.type === 'REJECT' && /^(decline|refuse)$/.test(head.lemma) && to > 0 && /^(comment|confirm|say|elaborate|discuss|disclose|specify|name)$/.test(doc.tokens[to + 1]?.norm ?? '')) { c.dropped = 'declined to comment'; return; }
  // ", given the weather": a preposition.
  if (c.type === 'AID' && head.norm === 'given' && c.spotted.positions.length === 1 && (doc.tokens[c.spotted.head - 1]?.text === ',' || c.spotted.head === doc.sentences[c.sentence].from)) { c.dropped = '"given" as a preposition'; return; }
  // "insisted a missile had caused it": an insistence is a demand only with an obligation in it.
  if (c.type === 'REQUEST' && head.lemma === 'insist' && !doc.tokens.slice(c.spotted.end, c.spotted.end + 10).some((t) => t.sentence === c.sentence && /^(must|should|on|upon)$/.test(t.norm))) { c.dropped = 'an insistence that states, not demands'; return; }
  // "should tensions escalate": an inverted condition, not an obligation.
  if (c.type === 'REQUEST' && head.norm === 'should' && after && after.sentence === c.sentence && ['NOUN', 'PROPN', 'DET'].includes(after.pos)) { c.dropped = '"should" opening a condition'; return; }
  // "giving him 72 hours to leave", "giving itself powers": a deadline or a power granted is no aid.
  if (c.type === 'AID' && c.spotted.positions.length === 1 && doc.tokens[c.spotted.head].lemma === 'give'
    && doc.tokens.slice(c.spotted.end, c.spotted.end + 5).some((t) => t.sentence === c.sentence && /^(hours?|days?|weeks?|months?|minutes?|deadline|powers?|itself|themselves)$/.test(t.norm))) { c.dropped = 'gives a deadline or powers, not aid'; return; }
  // "Drones struck the plant": an attack by an unnamed hand still happened.
  const subj = doc.tokens[c.spotted.head - 1];
  const weaponSubject = c.type === 'ASSAULT' && c.recipient.length > 0 && !!subj && (WEAPON_SUBJECTS.has(subj.norm) || WEAPON_SUBJECTS.has(subj.lemma));
  if (c.actor.length === 0 && c.recipient.length === 0) c.dropped = 'no actor and no recipient found';
  else if (c.definite && c.actor.length === 0 && !c.spotted.verbal) c.dropped = 'a definite reference ("these attacks") to a deed told elsewhere, with no actor';
  // "The prime minister quit on Tuesday": a resignation takes no object and needs no recipient.
  else if (c.spotted.trigger.weak && c.spotted.trigger.mode === 'resign' && c.actor.length > 0 && c.spotted.verbal && !takesObject(doc, c)) return;
  else if (c.spotted.trigger.weak && !weaponSubject && !civilianProtest(c) && !(c.actor.length > 1 && (c.spotted.verbal || (c.reason.includes(':noun:between') && /(ing|clash|clashes)$/.test(doc.tokens[c.spotted.head].norm)))) && (c.actor.length === 0 || c.recipient.length === 0)) c.dropped = 'ambiguous trigger needs both actor and recipient';
}

function nearestDate(dates: readonly DateMention[], sentence: number, at: number): Candidate['date'] {
  let best: DateMention | null = null;
  for (const d of ofSentence(dates, sentence)) {
    if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  }
  return best ? best.value : null;
}

const PRECISION_ORDER = { site: 0, city: 1, region: 2, country: 3 } as const;

function bestLocation(places: readonly PlaceMention[], s: Sentence, sp: Spotted, tokens: readonly Token[]): Location | null {
  const here = ofSentence(places, s.index).filter((p) => p.locative);
  if (here.length === 0) return null;
  // A place across a relative clause or a "for"-phrase belongs to another deed; among the rest, the most precise.
  const blocked = (p: PlaceMention): number => {
    const [a, b] = p.start > sp.head ? [sp.end, p.start] : [p.end, sp.start];
    // ... or after another verb ("The strikes, announced in Washington").
    return tokens.slice(a, b).some((t) => /^(that|which|who|where|when|after|before|because|retaliation)$/.test(t.norm) || t.pos === 'VERB') ? 1 : 0;
  };
  if (here.every((p) => blocked(p))) return null;
  here.sort((a, b) => blocked(a) - blocked(b) || PRECISION_ORDER[a.place.precision] - PRECISION_ORDER[b.place.precision] || Math.abs(a.start - sp.head) - Math.abs(b.start - sp.head));
  const p = here[0];
  return { name: p.place.name, country: p.place.country, lat: p.place.lat, lon: p.place.lon, precision: p.place.precision, text: p.text };
}

function entityOf(m: Mention): Entity {
  const e = m.entity;
  return { text: e.text, name: e.name, id: e.id, country: e.country, sector: e.sector, sectors: e.sectors, sponsor: e.sponsor, ...(e.unresolved ? { unresolved: true } : {}) };
}

function toRecord(input: EventInput, c: Candidate): CasusEvent {
  const { doc, article } = input;
  const s = doc.sentences[c.sentence];
  const head = doc.tokens[c.spotted.start];
  const last = doc.tokens[c.spotted.end - 1];
  const date = c.date ?? { value: article.date, precision: 'article' as const, text: null };
  const explain = [...c.explain];
  if (!c.date) explain.push('date: no date expression in the sentence → the article date');
  if (!c.location) explain.push('location: no place after a locative preposition in the sentence');
  if (c.actor.length === 0) explain.push('actor: no actor mention found in the subject position');
  if (c.recipient.length === 0) explain.push('recipient: no actor mention found in the object position');
  const id = createHash('sha1').update(`${article.id}\u0000${c.sentence}\u0000${head.start}`).digest('hex').slice(0, 16);
  const context = [...new Set(c.context)];
  const confidence = Math.min(1, 0.4 + (c.actor.length ? 0.25 : 0) + (c.recipient.length ? 0.2 : 0) + (c.spotted.trigger.weak ? 0 : 0.1) + (c.spotted.positions.length > 1 ? 0.05 : 0));
  return {
    id, type: c.type, mode: c.mode, context,
    acled: null,
    cameo: cameoCode(c.type, c.cameo),
    actor: c.actor.map(entityOf), recipient: c.recipient.map(entityOf),
    date, location: c.location, fatalities: c.fatalities,
    score: ploverScore(c.type, c.mode), quadClass: quadClass(c.type), confidence: Math.round(confidence * 100) / 100,
    evidence: { sentence: c.sentence, start: s.start, end: s.end, text: s.text, trigger: doc.text.slice(head.start, last.end) },
    reason: c.reason, explain,
  };
}
