// Golden files: every examples/*.txt coded as of its header date must equal examples/*.golden.json.
// UPDATE_GOLDEN=1 npm test rewrites them; a mismatch writes *.golden-changed.json beside the golden file.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitHeader } from '../src/cli/code.js';
import { publicEvent } from '../src/cli/output.js';
import type { CasusEvent } from '../src/types.js';
import { code } from './helpers.js';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
const files = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort() : [];

/** Golden form: confidences rounded to one decimal so that small retunings do not churn every file. */
function normalise(events: CasusEvent[]): unknown[] {
  return events.map((e) => ({ ...publicEvent(e), confidence: Math.round(e.confidence * 10) / 10 }));
}

describe('examples/ golden outputs', () => {
  it('has at least five example reports', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s', (file) => {
    const { text, meta } = splitHeader(readFileSync(join(EXAMPLES, file), 'utf8'));
    expect(meta.date, `${file} needs a "date: YYYY-MM-DD | source: ..." first line`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const events = normalise(code(text, meta.date ?? null, file));
    const golden = join(EXAMPLES, file.replace(/\.txt$/, '.golden.json'));
    const changed = golden.replace(/\.json$/, '-changed.json');
    const actual = `${JSON.stringify(events, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
      writeFileSync(golden, actual);
      rmSync(changed, { force: true });
      return;
    }
    const expected = readFileSync(golden, 'utf8');
    if (expected !== actual) writeFileSync(changed, actual);
    else rmSync(changed, { force: true });
    expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
    expect(events.length).toBeGreaterThan(0);
  });
});
