// The means of an attack, read from the whole sentence when the trigger does not say it
// ("Drones struck the plant", "killed by a roadside bomb").
import type { Sentence, Token } from '../types.js';

const MODE_BY_WORD = new Map<string, string>(Object.entries({
  drone: 'drone', uav: 'drone', quadcopter: 'drone',
  airstrike: 'aerial', 'air strike': 'aerial', 'air raid': 'aerial', warplane: 'aerial', jet: 'aerial', aircraft: 'aerial', helicopter: 'aerial', gunship: 'aerial', bomber: 'aerial', 'air attack': 'aerial', 'barrel bomb': 'aerial',
  missile: 'heavy-weapons', rocket: 'heavy-weapons', artillery: 'heavy-weapons', mortar: 'heavy-weapons', shell: 'heavy-weapons', shelling: 'heavy-weapons', katyusha: 'heavy-weapons', howitzer: 'heavy-weapons', tank: 'heavy-weapons',
  ied: 'explosives', 'roadside bomb': 'explosives', 'car bomb': 'explosives', explosive: 'explosives', landmine: 'explosives', bomb: 'explosives', blast: 'explosives', explosion: 'explosives',
  suicide: 'suicide-attack', 'suicide bomber': 'suicide-attack',
  gun: 'firearms', rifle: 'firearms', gunfire: 'firearms', gunman: 'firearms', gunmen: 'firearms', sniper: 'firearms', shooting: 'firearms', bullet: 'firearms',
  knife: 'primitive', machete: 'primitive', stone: 'primitive', axe: 'primitive', stab: 'primitive',
  'tear gas': 'crowd-control', 'rubber bullet': 'crowd-control', 'water cannon': 'crowd-control',
  chemical: 'unconventional', chlorine: 'unconventional', sarin: 'unconventional', 'nerve agent': 'unconventional',
}));
/** First words of the two-word names, so a pair is only built where it can match. */
const PAIR_FIRSTS = new Set([...MODE_BY_WORD.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]));
/** More specific means win when a sentence names several ("a suicide bomber detonated a car bomb"). */
const RANK = ['suicide-attack', 'unconventional', 'drone', 'aerial', 'crowd-control', 'explosives', 'heavy-weapons', 'firearms', 'primitive'];

/** The attack mode a sentence's weapon words imply, or null. */
export function weaponMode(tokens: readonly Token[], s: Sentence): string | null {
  // Several events of one sentence ask the same question; the answer is kept with the sentence.
  const known = MODES.get(s);
  if (known !== undefined) return known;
  let best: string | null = null;
  for (let i = s.from; i < s.to; i++) {
    const one = tokens[i].lemma;
    const two = i + 1 < s.to && PAIR_FIRSTS.has(one) ? MODE_BY_WORD.get(`${one} ${tokens[i + 1].lemma}`) : undefined;
    const mode = two ?? MODE_BY_WORD.get(one) ?? MODE_BY_WORD.get(tokens[i].norm);
    if (mode && (!best || RANK.indexOf(mode) < RANK.indexOf(best))) best = mode;
  }
  MODES.set(s, best);
  return best;
}

const MODES = new WeakMap<Sentence, string | null>();
