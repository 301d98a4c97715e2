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
  confidence: number;
  evidence: Evidence;
  reason: string;
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
