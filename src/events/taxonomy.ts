// PLOVER scores, CAMEO roots and quad classes, and a first ACLED mapping.
import type { AcledCode, PloverType } from '../types.js';

const BASE: Record<PloverType, number> = {
  AGREE: 2.5, CONSULT: 2.5, SUPPORT: 5, CONCEDE: 4.5, COOPERATE: 9.5, AID: 10, RETREAT: 6.5, REQUEST: 0,
  ACCUSE: -3, REJECT: -2, THREATEN: -3.5, PROTEST: -5, SANCTION: -6, MOBILIZE: -5.5, COERCE: -7, ASSAULT: -9,
};
const BY_MODE: Record<string, number> = {
  'CONSULT:visit': 4, 'CONSULT:multilateral': 4, 'CONSULT:third-party': 1, 'CONSULT:phone': 1.5,
  'RETREAT:withdraw': 8, 'RETREAT:release': 6.5, 'RETREAT:disarm': 10, 'RETREAT:ceasefire': 7.5, 'RETREAT:access': 6.5, 'RETREAT:resign': 4.5,
  'REQUEST:assist': 0.5, 'REQUEST:change': -1, 'REQUEST:yield': -1, 'REQUEST:meet': 0,
  'ACCUSE:disapprove': -2, 'ACCUSE:investigate': -3.5, 'ACCUSE:allege': -3.5, 'REJECT:assist': -1.5,
  'THREATEN:restrict': -3, 'THREATEN:territory': -4,
  'PROTEST:riot': -7, 'PROTEST:hunger': -4.5, 'PROTEST:boycott': -4.5, 'PROTEST:obstruct': -4.5,
  'SANCTION:expel': -5.5, 'MOBILIZE:troops': -6.5, 'MOBILIZE:weapons': -6.5, 'MOBILIZE:militia': -6,
  'COERCE:censor': -6.5, 'COERCE:curfew': -6.5, 'COERCE:martial-law': -7.5, 'COERCE:misinformation': -6.5,
  'ASSAULT:targeted': -9.5, 'ASSAULT:aerial': -9.5, 'ASSAULT:drone': -9.5, 'ASSAULT:heavy-weapons': -9.5, 'ASSAULT:suicide-attack': -9.5,
  'ASSAULT:unconventional': -10, 'ASSAULT:beat': -7.5, 'ASSAULT:crowd-control': -7.5, 'ASSAULT:primitive': -8,
  'ASSAULT:abduct': -8.5, 'ASSAULT:torture': -8.5, 'ASSAULT:sexual': -8.5, 'ASSAULT:destroy': -8.5,
};

/** PLOVER conflict-cooperation score: `ploverScore('ASSAULT', 'aerial')` → -9.5. */
export function ploverScore(type: PloverType, mode: string | null): number {
  return (mode ? BY_MODE[`${type}:${mode}`] : undefined) ?? BASE[type];
}

const CAMEO_ROOT: Record<PloverType, string> = {
  AGREE: '03', CONSULT: '04', SUPPORT: '05', CONCEDE: '08', COOPERATE: '06', AID: '07', RETREAT: '08', REQUEST: '10',
  ACCUSE: '11', REJECT: '12', THREATEN: '13', PROTEST: '14', SANCTION: '16', MOBILIZE: '15', COERCE: '17', ASSAULT: '18',
};

/** The lexicon's CAMEO code when it agrees with the type's family, else the type's root. */
export function cameoCode(type: PloverType, fromLexicon: string | null): string {
  if (fromLexicon && /^\d{2,4}$/.test(fromLexicon)) return fromLexicon;
  return CAMEO_ROOT[type];
}

/** GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export function quadClass(type: PloverType): 1 | 2 | 3 | 4 {
  if (['AGREE', 'CONSULT', 'SUPPORT', 'REQUEST'].includes(type)) return 1;
  if (['COOPERATE', 'AID', 'RETREAT', 'CONCEDE'].includes(type)) return 2;
  if (['ACCUSE', 'REJECT', 'THREATEN'].includes(type)) return 3;
  return 4;
}

/** A first ACLED reading from type and mode alone; the ACLED stage refines it from the whole report. */
export function acledFromMode(type: PloverType, mode: string | null): AcledCode | null {
  const e = (eventType: string, subEventType: string): AcledCode => ({ eventType, subEventType });
  if (type === 'ASSAULT') {
    switch (mode) {
      case 'aerial': case 'drone': return e('Explosions/Remote violence', 'Air/drone strike');
      case 'heavy-weapons': return e('Explosions/Remote violence', 'Shelling/artillery/missile attack');
      case 'explosives': return e('Explosions/Remote violence', 'Remote explosive/landmine/IED');
      case 'suicide-attack': return e('Explosions/Remote violence', 'Suicide bomb');
      case 'unconventional': return e('Explosions/Remote violence', 'Chemical weapon');
      case 'abduct': return e('Violence against civilians', 'Abduction/forced disappearance');
      case 'sexual': return e('Violence against civilians', 'Sexual violence');
      case 'destroy': return e('Strategic developments', 'Looting/property destruction');
      case 'crowd-control': return e('Protests', 'Excessive force against protesters');
      default: return e('Battles', 'Armed clash');
    }
  }
  if (type === 'PROTEST') return mode === 'riot' || mode === 'vandalize' ? e('Riots', 'Violent demonstration') : e('Protests', 'Peaceful protest');
  if (type === 'COERCE' && (mode === 'arrest' || mode === null)) return e('Strategic developments', 'Arrests');
  if (type === 'COERCE' && mode === 'seize') return e('Strategic developments', 'Disrupted weapons use');
  if (type === 'AGREE' || type === 'RETREAT' && mode === 'ceasefire') return e('Strategic developments', 'Agreement');
  if (type === 'MOBILIZE') return e('Strategic developments', 'Other');
  return null;
}
