// The founding article (../shared/seed/article.txt), coded as of its publication date: the events it must yield.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CasusEvent } from '../src/types.js';
import { codeArticle, validateArticle } from '../src/pipeline.js';
import { code, countries, facts, resources } from './helpers.js';

const SEED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'seed', 'article.txt');

describe.runIf(existsSync(SEED))('seed article, published 2020-03-14', () => {
  let all: CasusEvent[] = [];
  let fact: CasusEvent[] = [];
  const text = existsSync(SEED) ? readFileSync(SEED, 'utf8') : '';
  beforeAll(() => {
    all = code(text, '2020-03-14', 'seed');
    fact = facts(all);
  });
  const find = (pred: (e: CasusEvent) => boolean): CasusEvent | undefined => fact.find(pred);

  it('finds the US attack on Kataib Hezbollah on Thursday 12 March that killed six', () => {
    const e = find((x) => x.type === 'ASSAULT' && countries(x.actor).includes('USA') && x.recipient.some((r) => /Kata.?ib/i.test(r.name)));
    expect(e).toBeDefined();
    expect(e!.date).toMatchObject({ value: '2020-03-12', precision: 'day' });
    expect(e!.fatalities.killed).toBe(6);
  });

  it('finds the Iranian-backed militias attacking US forces, with Iran as sponsor', () => {
    const e = find((x) => x.type === 'ASSAULT' && x.actor.some((a) => a.sponsor === 'IRN') && countries(x.recipient).includes('USA'));
    expect(e).toBeDefined();
    expect(e!.actor[0].sectors.some((s) => s === 'REB' || s === 'UAF')).toBe(true);
  });

  it("finds Iran's foreign ministry blaming the US on Friday 13 March", () => {
    const e = find((x) => x.type === 'ACCUSE' && countries(x.actor).includes('IRN') && countries(x.recipient).includes('USA'));
    expect(e).toBeDefined();
    expect(e!.actor[0].sector).toBe('GOV');
    expect(e!.date.value).toBe('2020-03-13');
  });

  it('finds the Iraqi military condemning the US air attack', () => {
    const e = find((x) => x.type === 'ACCUSE' && countries(x.actor).includes('IRQ') && countries(x.recipient).includes('USA'));
    expect(e).toBeDefined();
    expect(e!.actor[0].sector).toBe('MIL');
  });

  it('finds the US strikes that killed Soleimani and al-Muhandis in January 2020', () => {
    const e = find((x) => x.type === 'ASSAULT' && countries(x.actor).includes('USA') && x.recipient.some((r) => /Sol?e?[iy]mani|Suleimani/i.test(r.name)));
    expect(e).toBeDefined();
    expect(e!.recipient.some((r) => /Muhandis/.test(r.name))).toBe(true);
    expect(e!.date).toMatchObject({ value: '2020-01-01', precision: 'month' });
  });

  it('finds caretaker PM Adel Abdul Mahdi calling for US troops to withdraw', () => {
    const e = find((x) => x.type === 'REQUEST' && x.actor.some((a) => /Abdul Mahdi|Abdul-Mahdi/.test(a.name)));
    expect(e).toBeDefined();
    expect(e!.actor[0]).toMatchObject({ country: 'IRQ', sector: 'GOV' });
    expect(countries(e!.recipient)).toContain('USA');
  });

  it('finds the US threatening to withhold aid', () => {
    expect(find((x) => x.type === 'THREATEN' && countries(x.actor).includes('USA'))).toBeDefined();
  });

  it('keeps speculation out of the facts', () => {
    const iranOnUs = fact.filter((x) => x.type === 'ASSAULT' && countries(x.actor).includes('IRN') && !x.actor.some((a) => a.sponsor));
    expect(iranOnUs).toEqual([]);
    const onIran = fact.filter((x) => x.type === 'ASSAULT' && countries(x.recipient).includes('IRN') && x.evidence.text.includes('Iran itself'));
    expect(onIran).toEqual([]);
    const speculative = all.filter((x) => /no likelihood|whether the US will decide/.test(x.evidence.text));
    expect(speculative.length).toBeGreaterThan(0);
    expect(speculative.every((x) => x.context.some((c) => c === 'hypothetical' || c === 'negation' || c === 'future'))).toBe(true);
  });

  it('codes nothing from the page residue "Leave a Reply"', () => {
    expect(all.filter((x) => x.evidence.text.includes('Leave a Reply'))).toEqual([]);
  });

  it('attributes the Irish Times quote block to its speakers', () => {
    const { claims } = codeArticle(validateArticle({ id: 'seed', text, date: '2020-03-14' }), resources());
    const by = (words: string) => claims.find((c) => c.text.includes(words))?.speaker?.name ?? '';
    expect(by('Around 5,000 US troops')).toMatch(/Irish Times/);
    expect(claims.some((c) => c.text.includes('any partnership') && c.speaker?.country === 'IRQ' && c.speaker.sector === 'MIL')).toBe(true);
    expect(claims.some((c) => c.text.startsWith('It will have consequences') && c.speaker?.country === 'IRQ')).toBe(true);
    expect(claims.some((c) => c.text.includes('presence and behavior') && c.speaker?.country === 'IRN' && c.speaker.sector === 'GOV')).toBe(true);
  });

  it('does not code the belief in "which believes Iran wants to drive it from the region" as a fact', () => {
    const inClause = fact.filter((x) => x.evidence.text.includes('which believes') && x.evidence.trigger.match(/drive/i));
    expect(inClause).toEqual([]);
    expect(fact.filter((x) => x.evidence.text.includes('which believes') && countries(x.actor).includes('IRN'))).toEqual([]);
  });

  it('ties every event to an evidence span inside the text', () => {
    for (const e of all) {
      expect(text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      expect(e.evidence.text).toContain(e.evidence.trigger);
    }
  });
});
