import { describe, expect, it } from 'vitest';
import { code } from '../../test/helpers.js';

describe('modality', () => {
  it.each([
    ['Iran attacked a US base in Iraq.', []],
    ['There is no likelihood that Iran will attack the United States.', ['hypothetical']],
    ['Iran will not attack the United States.', ['negation']],
    ['If Russia attacks Ukraine, NATO will respond.', ['hypothetical']],
    ['The question is whether Israel will strike Iran.', ['hypothetical']],
    ['Officials fear that the militia could attack the embassy.', ['hypothetical']],
    ['Diplomats worked for weeks to prevent an invasion of Ukraine.', ['hypothetical']],
    ['The rebels have missiles capable of launching attacks on Saudi oil fields.', ['hypothetical']],
    ['Russian troops faced fierce attacks by Ukrainian forces near Kharkiv on Tuesday.', []],
    ['The Nigerian army on Monday denied that its soldiers had opened fire on demonstrators in Lagos.', ['negation']],
    ['The army denied shelling the village near the border.', ['negation']],
    ['The army denied the report, but witnesses said soldiers opened fire on demonstrators in Lagos.', []],
    ['Security analysts fear that Islamic State could exploit the turmoil to push its attacks south into Benin and Togo.', ['hypothetical']],
  ])('%s', (text, tags) => {
    const e = code(text).find((x) => x.type === 'ASSAULT');
    expect(e).toBeDefined();
    for (const t of tags) expect(e!.context).toContain(t);
    if (tags.length === 0) expect(e!.context.filter((c) => ['negation', 'future', 'hypothetical', 'historical'].includes(c))).toEqual([]);
  });

  it('keeps a deed that was stopped out of the facts, and the deed that stopped it in', () => {
    const events = code('Police arrested 20 protesters and prevented a march on parliament.');
    expect(events.find((e) => e.type === 'PROTEST')?.context).toContain('hypothetical');
    expect(events.find((e) => e.type === 'COERCE')?.context).toEqual([]);
  });

  it.each([
    ['Turkey will send aid to Syria.', 'AGREE'],
    ['The minister said the army would impose a curfew in the capital.', 'THREATEN'],
    ['Syria said it would not accept more refugees.', 'REJECT'],
    ['France will pull its remaining troops out of Niger by the end of the year, the president announced.', 'CONCEDE'],
    ['Syria says it is willing to withdraw its troops from Lebanon.', 'AGREE'],
    ['Turkish President Tayyip Erdogan said his army would launch a ground incursion against Kurdish fighters in Syria.', 'THREATEN'],
  ])('announced or refused acts take their PLOVER type: %s', (text, type) => {
    expect(code(text).map((e) => e.type)).toContain(type);
  });

  it('a denied deed is no refusal: "denied that they had freed" codes nothing', () => {
    expect(code('Houthi officials denied on Sunday that they had freed any crew members of the cargo ship.').filter((e) => e.context.length === 0)).toEqual([]);
  });
});

describe('trigger spotting', () => {
  it.each([
    ["South Korea's military raised its alert level along the border on Tuesday.", 'MOBILIZE'],
    ['Sudanese protesters kept up their sit-in outside army headquarters in Khartoum.', 'PROTEST'],
    ['Kenya and Somalia have stepped up intelligence sharing on al-Shabaab movements.', 'COOPERATE'],
  ])('%s', (text, type) => {
    expect(code(text).map((e) => e.type)).toContain(type);
  });
});
