// A reproducible synthetic corpus for benchmarks: articles assembled (seeded) from the sentences of
// the project's own example reports, with dates, numbers and outlets varied.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../dist/text/index.js';
import { rng } from '../dist/acled/train.js';

const EXAMPLES = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'examples');

/** Sentences of every example report. */
export function exampleSentences() {
  const out = [];
  for (const f of readdirSync(EXAMPLES).filter((x) => x.endsWith('.txt')).sort()) {
    const text = readFileSync(join(EXAMPLES, f), 'utf8').replace(/^date:.*\n/, '');
    for (const s of analyse(text).sentences) out.push(s.text);
  }
  return out;
}

/** `n` articles of about `words` words each: {id, text, date, source}. */
export function* syntheticArticles(n, { seed = 7, words = 600 } = {}) {
  const random = rng(seed);
  const sentences = exampleSentences();
  const outlets = ['wire-a', 'wire-b', 'daily-c', 'herald-d', 'times-e', 'post-f', 'radio-g'];
  const start = Date.UTC(2019, 0, 1);
  for (let i = 0; i < n; i++) {
    const parts = [];
    let count = 0;
    while (count < words) {
      const s = sentences[Math.floor(random() * sentences.length)].replace(/\b\d+\b/g, (d) => String(Number(d) + Math.floor(random() * 5)));
      parts.push(s);
      count += s.split(/\s+/).length;
    }
    const date = new Date(start + Math.floor(random() * 1500) * 86_400_000).toISOString().slice(0, 10);
    yield { id: `bench-${seed}-${i}`, text: `${parts.join(' ')} (${i})`, date, source: outlets[Math.floor(random() * outlets.length)] };
  }
}
