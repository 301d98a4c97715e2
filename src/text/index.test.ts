import { describe, expect, it } from 'vitest';
import { analyse, normKey } from './index.js';

describe('analyse', () => {
  it('gives tokens whose offsets index the original text', () => {
    const text = 'On Thursday, the US attacked a base.\n“Iran’s foreign ministry said so,” he added.';
    const doc = analyse(text);
    for (const t of doc.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.sentences.length).toBe(2);
    expect(doc.sentences[1].quoted).toBe(true);
    expect(doc.tokens.find((t) => t.text === 'attacked')?.lemma).toBe('attack');
  });

  it.each([
    ['', 0],
    ['   \n\n ', 0],
    ['Leave a Reply', 1],
  ])('handles %j', (text, n) => {
    expect(analyse(text).sentences.length).toBe(n);
  });
});

describe('normKey', () => {
  it.each([
    ['Kata’ib Ḥizbullāh', "kata'ib hizbullah"],
    ['Erdoğan', 'erdogan'],
    ['US', 'us'],
  ])('%s → %s', (input, expected) => expect(normKey(input)).toBe(expected));
});
