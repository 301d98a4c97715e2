import { describe, expect, it } from 'vitest';
import { code } from '../../test/helpers.js';

/** The actor of the first event of each sentence. */
describe('actor resolution', () => {
  it.each([
    ["Iran's foreign ministry condemned the strike.", 'IRN', 'GOV', null],
    ['Iraqi army soldiers attacked the militants.', 'IRQ', 'MIL', null],
    ['Kataib Hezbollah fired rockets at the base.', 'IRQ', 'REB|UAF', 'IRN'],
    ["Kata'ib Hizbullah fired rockets at the base.", 'IRQ', 'REB|UAF', 'IRN'],
    ['Iranian-backed militias in Iraq attacked the base.', 'IRQ', 'REB|UAF', 'IRN'],
    ['Washington imposed sanctions on Tehran.', 'USA', 'GOV', null],
    ['The Houthis attacked a Saudi oil facility.', 'YEM', 'REB', 'IRN'],
    ['Ansar Allah attacked a Saudi oil facility.', 'YEM', 'REB', 'IRN'],
    ['Al-Shabaab militants attacked a military base in Somalia.', 'SOM', 'REB', null],
    ['Daesh fighters attacked the town.', 'IMG', 'REB', null],
    ['An attacker armed with a knife stabbed four teachers in a park in Jilin city, northeastern China.', 'CHN', 'UAF', null],
    ['Sri Lankan President Anura Kumara Dissanayake chose India for his first trip since taking office, holding talks with Narendra Modi.', 'LKA', 'GOV', null],
    ['An al-Shabaab suicide attacker drove an explosives-laden truck into the gate of a military base, and nine soldiers died.', 'SOM', 'REB', null],
  ])('%s', (text, country, sector, sponsor) => {
    const e = code(text)[0];
    expect(e, 'an event').toBeDefined();
    expect(e.actor[0]).toMatchObject({ country });
    expect(e.actor[0].sectors.some((x) => sector.split('|').includes(x))).toBe(true);
    expect(e.actor[0].sponsor).toBe(sponsor);
  });

  it('resolves a pronoun to its antecedent', () => {
    const events = code('The United States struck a base in Syria. It said the base stored weapons. Later it attacked a convoy.');
    expect(events.every((e) => e.actor[0]?.country === 'USA')).toBe(true);
  });

  it('keeps an unknown capitalised name as an unresolved entity', () => {
    const e = code('Zorbat Quennel condemned the attack on the village.')[0];
    expect(e.actor[0]).toMatchObject({ name: 'Zorbat Quennel', unresolved: true });
  });
});
