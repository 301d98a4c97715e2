// Hostile input: arbitrary Unicode, adversarial text, odd HTML and charsets never break the coder or
// the readers; every evidence span lies inside the text; output is deterministic.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/article/fetch.js';
import { htmlToArticle } from '../src/article/html.js';
import { codeArticle, validateArticle } from '../src/pipeline.js';
import { isPrivateAddress } from '../src/server/guard.js';
import { resources } from './helpers.js';

const code = (text: string) => codeArticle(validateArticle({ id: 'p', text, date: '2020-03-14' }), resources());

/** Text that looks like news, broken up by arbitrary Unicode (lone surrogates, NUL, RTL marks, emoji). */
const newsy = fc.array(fc.oneof(
  fc.constantFrom('Iran', 'attacked', 'the US base', 'in Baghdad', 'on Thursday,', 'killing 3 soldiers.', '"We will respond,"', 'Kataib Hezbollah', 'protesters marched', 'said', '\u202e', '\u0000', '\ud800', '\udfff', '😀', '\n\n', '…', '‘', '’'),
  fc.string({ unit: 'binary', maxLength: 20 }),
), { maxLength: 60 }).map((parts) => parts.join(' '));

describe('the coder on arbitrary text', () => {
  it('never throws, keeps evidence inside the text, and is deterministic', () => {
    fc.assert(fc.property(newsy, (raw) => {
      const a = validateArticle({ id: 'p', text: raw, date: '2020-03-14' });
      const first = codeArticle(a, resources());
      for (const e of first.events) {
        expect(e.evidence.start).toBeGreaterThanOrEqual(0);
        expect(e.evidence.end).toBeLessThanOrEqual(a.text.length);
        expect(a.text.slice(e.evidence.start, e.evidence.end)).toBe(e.evidence.text);
      }
      expect(JSON.stringify(codeArticle(a, resources()).events)).toBe(JSON.stringify(first.events));
    }), { numRuns: 150, seed: 20200314 });
  });

  it.each([
    ['a very long token', 'x'.repeat(200_000)],
    ['a very long line of words', 'Iran attacked the base and '.repeat(8_000)],
    ['100k commas', ','.repeat(100_000)],
    ['nested brackets', '('.repeat(50_000) + ')'.repeat(50_000)],
    ['one character repeated', 'a'.repeat(300_000)],
    ['quotes that never close', '“'.repeat(20_000) + 'Iran said'],
  ])('codes %s', (_name, text) => {
    expect(() => code(text)).not.toThrow();
  });
});

/** How many times longer coding `make(large)` takes than `make(small)`, after a warm-up. */
function growth(make: (size: number) => string, small: number, large: number): number {
  code(make(20_000));
  const time = (n: number): number => { const t = performance.now(); code(make(n)); return performance.now() - t; };
  const a = time(small), b = time(large);
  return b / Math.max(a, 1);
}

describe('adversarial text at scale', () => {
  /** 1 MB of the worst shapes found: runs of one character, nested brackets, commas, run-on clauses. */
  const adversarial = (size: number): string => {
    const parts = ['a'.repeat(2000), '('.repeat(500) + ')'.repeat(500), ','.repeat(3000), 'Iran attacked the base and Iraq condemned it, and '.repeat(40), '“'.repeat(200)];
    let out = '';
    for (let k = 0; out.length < size; k++) out += `${parts[k % parts.length]} `;
    return out.slice(0, size);
  };

  it('codes 1 MB of it in time proportional to its length', () => {
    // Ten times the text may take at most about ten times as long (with room for noise), not a hundred.
    expect(growth(adversarial, 100_000, 1_000_000)).toBeLessThan(25);
  }, 120_000);
});

describe('long news text', () => {
  /** Example reports one after another, numbered so none repeats: a "document" of many articles. */
  const reports = (size: number): string => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8').replace(/^date:.*\n/, ''));
    let out = '';
    for (let k = 0; out.length < size; k++) out += `${texts[k % texts.length].replace(/\b(\d+)\b/g, (d) => String(Number(d) + k))}\n\n`;
    return out.slice(0, size);
  };

  it('codes 1.9 MB of reports in time proportional to its length (no pass pairs every event with every other)', () => {
    // Four times the text takes about four times as long (measured 3.8 to 4.4); with passes that paired
    // every event with every other it took 9 to 11 times as long.
    expect(growth(reports, 475_000, 1_900_000)).toBeLessThan(7);
  }, 180_000);
});

describe('readers', () => {
  it('extracts text from 10,000 nested elements and giant attributes', () => {
    const html = `<html><body>${'<div>'.repeat(10_000)}<p title="${'a'.repeat(1_000_000)}">Protesters marched in Cairo on Friday.</p>${'</div>'.repeat(10_000)}</body></html>`;
    expect(htmlToArticle(html).text).toContain('Protesters marched in Cairo');
  });

  it.each([
    ['windows-1252 declared in the header', Buffer.from([0x93, 0x57, 0x65, 0x94, 0x20, 0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=windows-1252', '“We” café'],
    ['windows-1252 declared in a meta tag', Buffer.concat([Buffer.from('<meta charset="windows-1252">'), Buffer.from([0x93, 0x41, 0x94])]), 'text/html', '“A”'],
    ['UTF-16 with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Iran said', 'utf16le')]), '', 'Iran said'],
    ['UTF-8 by default', Buffer.from('Erdoğan said', 'utf8'), '', 'Erdoğan said'],
    ['an unknown charset falls back to UTF-8', Buffer.from('plain', 'utf8'), 'text/html; charset=x-nonsense', 'plain'],
  ])('decodes %s', (_name, bytes, type, expected) => {
    expect(decode(bytes, type)).toContain(expected);
  });
});

describe('the SSRF guard', () => {
  it.each([
    ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['0.0.0.0', true], ['100.64.0.1', true], ['::1', true], ['fe80::1', true], ['fd00::1', true],
    ['::ffff:127.0.0.1', true], ['8.8.8.8', false], ['172.32.0.1', false], ['2001:4860:4860::8888', false], ['not-an-ip', true],
  ])('%s is private: %s', (ip, expected) => {
    expect(isPrivateAddress(ip)).toBe(expected);
  });
});
