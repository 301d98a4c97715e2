// ACLED's event types and sub-event types, with the sub-types each PLOVER type may take.
import type { PloverType } from '../types.js';

export const ACLED_TYPES: Record<string, string[]> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};

export const SUB_EVENT_TYPES: string[] = Object.values(ACLED_TYPES).flat();

const EVENT_TYPE_OF = new Map<string, string>(Object.entries(ACLED_TYPES).flatMap(([t, subs]) => subs.map((s) => [s, t] as [string, string])));

/** The ACLED event type of a sub-event type: `eventTypeOf('Grenade')` → "Explosions/Remote violence". */
export function eventTypeOf(sub: string): string {
  const t = EVENT_TYPE_OF.get(sub);
  if (!t) throw new Error(`unknown ACLED sub-event type: "${sub}"`);
  return t;
}

const VIOLENT = [...ACLED_TYPES.Battles, ...ACLED_TYPES['Explosions/Remote violence'], ...ACLED_TYPES['Violence against civilians'], 'Mob violence', 'Looting/property destruction', 'Excessive force against protesters'];

/**
 * Which ACLED sub-event types a PLOVER event may be: an attack is violence of some kind, a protest a
 * protest or riot, an arrest or seizure a strategic development. Types outside ACLED's scope get none.
 */
export const ALLOWED: Partial<Record<PloverType, string[]>> = {
  ASSAULT: [...VIOLENT, 'Violent demonstration', 'Disrupted weapons use'],
  PROTEST: [...ACLED_TYPES.Protests, ...ACLED_TYPES.Riots, 'Looting/property destruction'],
  COERCE: ['Arrests', 'Disrupted weapons use', 'Looting/property destruction', 'Other', 'Protest with intervention', 'Excessive force against protesters', 'Abduction/forced disappearance', 'Change to group/activity', 'Headquarters or base established'],
  MOBILIZE: ['Other', 'Headquarters or base established', 'Change to group/activity', 'Non-violent transfer of territory'],
  RETREAT: ['Agreement', 'Non-violent transfer of territory', 'Other', 'Change to group/activity'],
  AGREE: ['Agreement'],
  SANCTION: ['Change to group/activity', 'Other'],
};

/** A means the trigger names ("rocketed", "air strike", "roadside bomb") narrows the sub-event type. */
export const BY_MODE: Record<string, string[]> = {
  aerial: ['Air/drone strike', 'Chemical weapon', 'Disrupted weapons use'],
  drone: ['Air/drone strike', 'Chemical weapon', 'Disrupted weapons use'],
  'heavy-weapons': ['Shelling/artillery/missile attack', 'Air/drone strike', 'Chemical weapon', 'Disrupted weapons use'],
  explosives: ['Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade', 'Disrupted weapons use', 'Chemical weapon'],
  'suicide-attack': ['Suicide bomb', 'Disrupted weapons use'],
  unconventional: ['Chemical weapon', 'Disrupted weapons use'],
  sexual: ['Sexual violence'],
  abduct: ['Abduction/forced disappearance', 'Arrests'],
};

/** The sub-event types an event of this PLOVER type and mode may be. */
export function allowedFor(type: PloverType, mode: string | null): string[] | undefined {
  const base = ALLOWED[type];
  const narrow = mode ? BY_MODE[mode] : undefined;
  if (!base || !narrow) return base;
  const both = base.filter((x) => narrow.includes(x));
  return both.length ? both : base;
}

