// Stage 8, ACLED: event type, sub-event type, actor categories and civilian targeting for every
// violent, protest, riot or strategic event, decided from the whole sentence and the event's structure.
import type { CasusEvent, Doc, Entity, Sentence } from '../types.js';
import { isFactual } from '../events/modality.js';
import { acledFromMode } from '../events/taxonomy.js';
import { cueFeatures, spanFeatures } from './features.js';
import { predict, scores, type AcledModel } from './model.js';
import { allowedFor, eventTypeOf } from './taxonomy.js';

export { loadAcledModel, type AcledModel } from './model.js';
export { SUB_EVENT_TYPES, eventTypeOf } from './taxonomy.js';

/** Agreement is ACLED's only when it settles conflict (a ceasefire, a peace deal, a prisoner swap). */
const SETTLES = /\b(cease-?fire|truce|peace|deal|accord|agreement|pact|swap|exchange|armistice|settlement)\b/i;
const STATE = new Set(['GOV', 'MIL', 'COP', 'SPY', 'JUD', 'LEG']);
const CHEMICAL = /\b(chemical|chlorine|sarin|mustard gas|nerve agent|novichok|vx|toxic gas|poison gas|phosphorus)\b/i;
const CIVIL = new Set(['CVL', 'LAB', 'EDU', 'MED', 'REF', 'BUS', 'AGR', 'REL', 'ELI', 'OPP', 'CRM']);

/** Add `acled` to each factual event the taxonomy covers; `model` null falls back to rules on the mode. */
export function classifyAcled(events: CasusEvent[], doc: Doc, model: AcledModel | null): CasusEvent[] {
  // The events are the coder's own, fresh from this article: filled in place (a copy per event costs more).
  for (const e of events) e.acled = acledOf(e, doc, model);
  return events;
}

const SENTENCE_SCORES = new WeakMap<AcledModel, WeakMap<Sentence, number[]>>();

function acledOf(e: CasusEvent, doc: Doc, model: AcledModel | null): CasusEvent['acled'] {
  if (!isFactual(e.context)) return null;
  let allowed = allowedFor(e.type, e.mode);
  if (!allowed) return null;
  // A state's forces do not riot or demonstrate: their violence is a battle, a strike or an attack.
  if (e.type === 'ASSAULT' && e.actor.length && e.actor.every((a) => (a.sector && STATE.has(a.sector)) || (!a.sector && a.id === a.country))) {
    const narrowed = allowed.filter((x) => !['Violent demonstration', 'Mob violence', 'Excessive force against protesters'].includes(x) || x === 'Excessive force against protesters' && e.recipient.some((r) => r.sector === 'CVL'));
    if (narrowed.length) allowed = narrowed;
  }
  if (e.type === 'AGREE' && !SETTLES.test(e.evidence.text)) return null;
  // ACLED's rarest sub-event is never a guess: only a named chemical agent makes one.
  if (allowed.includes('Chemical weapon') && !CHEMICAL.test(e.evidence.text)) allowed = allowed.filter((x) => x !== 'Chemical weapon');
  let sub: string;
  let by: string;
  if (model) {
    const s = doc.sentences[e.evidence.sentence];
    // The sentence's words score once for all its events; each event adds its own cues.
    let byModel = SENTENCE_SCORES.get(model);
    if (!byModel) { byModel = new WeakMap(); SENTENCE_SCORES.set(model, byModel); }
    let base = byModel.get(s);
    if (!base) { base = scores(model, spanFeatures(doc, s)); byModel.set(s, base); }
    const features = cueFeatures({
      ploverType: e.type, mode: e.mode, killed: e.fatalities.killed,
      actorSectors: e.actor.flatMap((a) => a.sectors), recipientSectors: e.recipient.flatMap((r) => r.sectors),
    });
    const p = predict(model, features, allowed, base);
    sub = p.label;
    by = `model p=${p.p.toFixed(2)}`;
  } else {
    const rule = acledFromMode(e.type, e.mode);
    if (!rule) return null;
    sub = rule.subEventType;
    by = 'rule';
  }
  const eventType = eventTypeOf(sub);
  const inter1 = interCode(e.actor, e, 'actor', eventType);
  const inter2 = interCode(e.recipient, e, 'recipient', eventType);
  const pair = [inter1, inter2].filter((x) => x > 0).sort();
  const civilianTargeting = eventType === 'Violence against civilians' || (eventType === 'Explosions/Remote violence' && inter2 === 7);
  return { eventType, subEventType: sub, inter1, inter2, interaction: pair.length ? Number(pair.join('')) : 0, civilianTargeting, by };
}

/** ACLED's actor category for one side of an event. */
function interCode(side: Entity[], e: CasusEvent, role: 'actor' | 'recipient', eventType: string): number {
  const x = side[0];
  if (!x) return role === 'actor' && ['Battles', 'Explosions/Remote violence', 'Violence against civilians'].includes(eventType) ? 3 : 0;
  if (role === 'actor' && eventType === 'Riots') return 5;
  if (role === 'actor' && eventType === 'Protests') return 6;
  if (x.country === 'IGO' || x.country === 'UNO' || x.country === 'EUR') return 8;
  const sector = x.sector ?? '';
  if (STATE.has(sector) || (!x.sector && x.id && x.id === x.country)) {
    return e.location?.country && x.country && e.location.country !== x.country ? 8 : 1;
  }
  if (sector === 'REB') return 2;
  if (sector === 'UAF') return 3;
  if (CIVIL.has(sector)) return 7;
  return 3;
}
