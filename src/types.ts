// The records that flow between stages (see ../shared/DESIGN.md for the event contract).

export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export const PLOVER_TYPES: readonly PloverType[] = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
];

/** A resolved actor: who an actor mention refers to. */
export interface Entity {
  text: string;
  name: string;
  id: string | null;
  country: string | null;
  sector: string | null;
  sectors: string[];
  sponsor: string | null;
  /** true when the name was not found in any dictionary (an unknown capitalised name). */
  unresolved?: boolean;
}

export interface Token {
  i: number;
  text: string;
  /** lowercase, quotes normalised, diacritics folded: the key dictionaries match on */
  norm: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
  sentence: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** first token index and one past the last */
  from: number;
  to: number;
  text: string;
  /** true when the sentence sits inside a quotation */
  quoted: boolean;
}

export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

export interface DateValue {
  /** YYYY-MM-DD; null when neither the text nor the article gives a date */
  value: string | null;
  precision: 'day' | 'month' | 'year' | 'article';
  text: string | null;
}

export interface Location {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  precision: 'site' | 'city' | 'region' | 'country';
  text: string;
}

export interface Fatalities {
  killed: number | null;
  injured: number | null;
  text: string | null;
}

export interface Evidence {
  sentence: number;
  start: number;
  end: number;
  text: string;
  trigger: string;
}

export interface AcledCode {
  eventType: string;
  subEventType: string;
  /** ACLED actor categories: 1 state forces, 2 rebels, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces (0 none) */
  inter1?: number;
  inter2?: number;
  /** the two categories, lower first, as ACLED's interaction code ("12": state forces vs rebels) */
  interaction?: number;
  civilianTargeting?: boolean;
  /** how the sub-event type was decided: "model" (with its probability) or "rule" */
  by?: string;
}

export interface CasusEvent {
  id: string;
  type: PloverType;
  mode: string | null;
  context: string[];
  acled: AcledCode | null;
  cameo: string | null;
  actor: Entity[];
  recipient: Entity[];
  date: DateValue;
  location: Location | null;
  fatalities: Fatalities;
  score: number;
  /** GDELT-style quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict */
  quadClass: 1 | 2 | 3 | 4;
  confidence: number;
  evidence: Evidence;
  reason: string;
  /** set when sources in the text give different tolls or perpetrators for this deed */
  contested?: boolean;
  /** why fields came out empty, for --explain; not part of the JSON contract */
  explain?: string[];
}

/** An article as the coder receives it. */
export interface Article {
  id: string;
  text: string;
  /** publication date, YYYY-MM-DD; "now" for every relative date */
  date: string | null;
}
