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
  ])('announced or refused acts take their PLOVER type: %s', (text, type) => {
    expect(code(text).map((e) => e.type)).toContain(type);
  });
});
