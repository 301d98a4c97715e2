// Who said what: quotes and reported speech attributed to speakers, claims tied to events.
import { describe, expect, it } from 'vitest';
import { codeArticle, validateArticle } from '../src/pipeline.js';
import { resources } from './helpers.js';

function claims(text: string, date = '2020-03-14') {
  return codeArticle(validateArticle({ id: 't', text, date }), resources());
}

describe('claims', () => {
  it.each([
    ['"We will not tolerate attacks on our people," the Pentagon said.', 'Pentagon', 'tolerate'],
    ['“We will respond at a time of our choosing,” Iran’s foreign ministry said on Friday.', 'foreign ministry', 'respond'],
    ["The army said: 'The rebels fled the town before dawn.'", 'army', 'rebels fled'],
    ['Iraqi military spokesman Yahya Rasool told reporters that the strikes had violated Iraqi sovereignty.', 'Yahya Rasool', 'violated'],
    ['According to the UN refugee agency, more than 3,000 people fled the fighting in Marib.', 'United Nations', 'fled the fighting'],
    ['The raid destroyed a weapons depot, the Israeli military said.', 'Israel', 'raid destroyed'],
    ['Hamas said in a statement that its fighters had fired rockets at Ashkelon.', 'Hamas', 'fired rockets'],
  ])('%s', (text, speaker, words) => {
    const c = claims(text).claims.find((x) => x.text.includes(words));
    expect(c, 'a claim with the quoted words').toBeDefined();
    expect(c!.speaker?.name ?? '').toContain(speaker.includes('United Nations') ? 'United Nations' : speaker.split(' ').pop()!);
  });

  it('keeps a multi-sentence quote with its speaker', () => {
    const text = '“The attack was cowardly. We will find those responsible,” the governor of Kirkuk said on Saturday.';
    const c = claims(text).claims.find((x) => x.quote);
    expect(c?.text).toContain('cowardly');
    expect(c?.text).toContain('find those responsible');
    expect(c?.speaker?.sector).toBe('GOV');
  });

  it('records attribution of a deed to its perpetrator', () => {
    const out = claims('A rocket attack on Camp Taji killed two US soldiers on Wednesday. The United States said Kataib Hezbollah was responsible for the attack.');
    const c = out.claims.find((x) => x.kind === 'attribution');
    expect(c?.speaker?.country).toBe('USA');
    const attack = out.events.find((e) => e.type === 'ASSAULT');
    expect(c?.about).toBe(attack?.id);
  });

  it('marks a deed contested when two speakers give different tolls, and keeps the lower one', () => {
    const out = claims('US warplanes struck Kataib Hezbollah sites near Qaim on Sunday. The Pentagon said the strikes killed 25 fighters. The militia said that only 4 fighters were killed in the strikes.');
    const strike = out.events.find((e) => e.type === 'ASSAULT');
    const tolls = out.claims.filter((c) => c.kind === 'toll');
    expect(tolls.map((c) => c.killed).sort()).toEqual([25, 4].sort());
    expect(tolls.every((c) => c.about === strike?.id)).toBe(true);
    expect(strike?.contested).toBe(true);
    expect(strike?.fatalities.killed).toBe(4);
  });

  it('does not turn a quoted phrase with no speaker into a claim', () => {
    expect(claims('The strike killed “three soldiers and two policemen”, the report added later.').claims.every((c) => !c.text.startsWith('three soldiers'))).toBe(true);
  });
});
