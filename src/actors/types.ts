import type { Entity } from '../types.js';

/** An actor mention: a span of tokens resolved to an entity. */
export interface Mention {
  start: number;
  end: number;
  sentence: number;
  entity: Entity;
  kind: 'named' | 'role' | 'pronoun' | 'unknown';
  plural: boolean;
  /** token index of the noun this mention premodifies ("US" in "US air attack"), or -1 when it stands alone */
  modifies: number;
  /** entity kind from the dictionary (person, group, state...), for coreference */
  entityKind: string;
  /** how it was resolved, for --explain */
  reason: string;
}
