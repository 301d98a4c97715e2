// The batch contract (../shared/DESIGN.md) through the real CLI: order kept, bad lines become error records.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'casus.js');

function runBatch(lines: string[], extra: string[] = []): Record<string, unknown>[] {
  const dir = mkdtempSync(join(tmpdir(), 'casus-batch-'));
  const input = join(dir, 'in.jsonl'), output = join(dir, 'out.jsonl');
  writeFileSync(input, lines.join('\n') + '\n');
  execFileSync(process.execPath, [CLI, 'code', '--input', input, '--output', output, ...extra], { env: { ...process.env, TZ: 'UTC' } });
  return readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('casus code --input/--output', () => {
  it('keeps order and turns every bad line into an error record naming the problem', () => {
    const big = 'x'.repeat(5_000_000);
    const out = runBatch([
      JSON.stringify({ id: 'a', text: 'Protesters marched in Baghdad on Monday.', date: '2020-03-14' }),
      JSON.stringify({ id: 'empty', text: '', date: null }),
      'this is not json',
      JSON.stringify({ id: 'bad-date', text: 'Iran condemned the strike.', date: '2020-13-45' }),
      JSON.stringify({ id: 'no-text', date: '2020-01-01' }),
      JSON.stringify({ id: 'surrogates', text: 'Iran \uD800 condemned \uDC00 the US.', date: '2020-03-14' }),
      JSON.stringify({ id: 'binary', text: '\u0000\u0001\u0002Iraq\u0000 protest\u0007', date: null }),
      JSON.stringify({ id: 'huge', text: big, date: null }),
      JSON.stringify({ id: 'z', text: 'The United States imposed sanctions on Iran.', date: '2020-01-10' }),
    ]);
    expect(out.map((r) => r.id)).toEqual(['a', 'empty', null, 'bad-date', 'no-text', 'surrogates', 'binary', 'huge', 'z']);
    expect(out[0].events).toBeInstanceOf(Array);
    expect(out[1].events).toEqual([]);
    expect(out[2].error).toMatch(/line 3: not valid JSON/);
    expect(out[3].error).toMatch(/invalid date: "2020-13-45"/);
    expect(out[4].error).toMatch(/invalid text/);
    expect(out[5].events).toBeInstanceOf(Array);
    expect(out[6].events).toBeInstanceOf(Array);
    expect(out[7].error).toMatch(/invalid text: 5000000 characters is over the limit/);
    expect((out[8].events as { type: string }[]).map((e) => e.type)).toContain('SANCTION');
  });

  it('accepts source/target-free records and a default --date', () => {
    const out = runBatch([JSON.stringify({ id: 7, text: 'On Thursday, Turkish troops attacked Kurdish fighters in northern Syria.' })], ['--date', '2019-10-12']);
    const events = out[0].events as { date: { value: string } }[];
    expect(out[0].id).toBe('7');
    expect(events[0].date.value).toBe('2019-10-10');
  });

  it('writes the same bytes with one worker and with three, and reports --stats on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-pool-'));
    const input = join(dir, 'in.jsonl');
    const texts = ['Rebels shelled the town of Goma on Monday, killing four civilians.', 'Iran condemned the sanctions.', 'not json', 'Police arrested 30 protesters in Minsk.'];
    writeFileSync(input, Array.from({ length: 40 }, (_, i) => (i % 4 === 2 ? texts[2] : JSON.stringify({ id: i, text: texts[i % 4], date: '2021-05-03' }))).join('\n') + '\n');
    const run = (workers: string): { out: string; stats: Record<string, number> } => {
      const output = join(dir, `out-${workers}.jsonl`);
      const r = spawnSync(process.execPath, [CLI, 'code', '--input', input, '--output', output, '--workers', workers, '--stats'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
      expect(r.status).toBe(0);
      return { out: readFileSync(output, 'utf8'), stats: JSON.parse(r.stderr.trim()) as Record<string, number> };
    };
    const one = run('1'), three = run('3');
    expect(three.out).toBe(one.out);
    expect(one.out.trim().split('\n')).toHaveLength(40);
    expect(JSON.parse(one.out.split('\n')[2]) as { error: string }).toMatchObject({ error: expect.stringMatching(/^line 3: not valid JSON/) as string });
    expect(one.stats).toMatchObject({ articles: 40, workers: 1 });
    expect(three.stats).toMatchObject({ articles: 40, workers: 3 });
    expect(three.stats.peakRssMB).toBeGreaterThan(0);
  });

  it('turns a line its worker died on (out of memory) into an error record, and codes the rest in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-oom-'));
    const input = join(dir, 'in.jsonl');
    const report = readFileSync(join(ROOT, 'examples', 'strike-abqaiq-2019-09-15.txt'), 'utf8').replace(/^date:.*\n/, '');
    let huge = '';
    for (let k = 0; huge.length < 1_900_000; k++) huge += `${report.replace(/\b(\d+)\b/g, (d) => String(Number(d) + k))}\n\n`;
    const lines = Array.from({ length: 24 }, (_, i) => JSON.stringify(i === 7 ? { id: 'huge', text: huge, date: '2019-09-16' }
      : { id: `s${i}`, text: `Rebels attacked an army post near Goma on Monday, killing ${i + 2} soldiers.`, date: '2021-03-01' }));
    writeFileSync(input, `${lines.join('\n')}\n`);
    const output = join(dir, 'out.jsonl');
    const r = spawnSync(process.execPath, [CLI, 'code', '--input', input, '--output', output, '--workers', '2'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', CASUS_WORKER_HEAP_MB: '96' } });
    expect(r.status).toBe(0);
    const out = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: string; events?: { fatalities: { killed: number } }[] });
    expect(out.map((o) => o.id)).toEqual(Array.from({ length: 24 }, (_, i) => (i === 7 ? 'huge' : `s${i}`)));
    expect(out[7].error).toMatch(/^line 8: internal error: the coder ran out of memory on this article/);
    for (const [i, o] of out.entries()) if (i !== 7) expect(o.events?.[0].fatalities.killed).toBe(i + 2);
  }, 120_000);

  it('refuses a --date that is not a date, naming it', () => {
    expect(() => execFileSync(process.execPath, [CLI, 'code', '-', '--date', 'soon'], { input: 'x', stdio: 'pipe' })).toThrow(/invalid date: "soon"/);
  });
});
