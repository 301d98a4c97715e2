// The dashboard in a real browser (Debian's chromium driven by playwright-core), on a store built from
// examples/: the dyad chart's marks, a filter, an evidence highlight, coding pasted text, and hostile
// titles and texts shown as text with no script run.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUT = join(ROOT, 'test-output');
const XSS_TITLE = '<img src=x onerror="window.__xss=1;alert(1)">Protest <b>report</b>';
const XSS_TEXT = 'Thousands of protesters marched through Nairobi on Monday carrying banners that read "<img src=y onerror=alert(3)>" and "<script>window.__xss=2;alert(2)</script>".';

let server: ChildProcess;
let base = '';
let context: BrowserContext;
let page: Page;
let dialogs = 0;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const db = join(mkdtempSync(join(tmpdir(), 'casus-web-')), 'casus.db');
  server = spawn(process.execPath, [join(ROOT, 'bin', 'casus.js'), 'serve', '--db', db, '--port', '0', '--seed', join(ROOT, 'examples')], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise<string>((resolve, reject) => {
    let buf = '';
    server.stdout!.on('data', (d: Buffer) => { buf += d.toString(); const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(buf); if (m) resolve(m[1]); });
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${buf}`)));
  });
  const res = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: XSS_TEXT, title: XSS_TITLE, date: '2023-03-20', source: '<i>outlet</i>' }) });
  expect(res.status).toBe(200);
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'casus-chromium-')), {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1366, height: 860 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
}, 120_000);

afterAll(async () => {
  await context?.close();
  server?.kill('SIGTERM');
});

async function open(hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.waitForSelector('#view[data-ready="true"]');
}

describe.runIf(existsSync(CHROMIUM))('dashboard', () => {
  it('draws one bar per week, direction and quad class of the dyad series', async () => {
    const series = await (await fetch(`${base}/api/series?dyad=USA,IRN&interval=week`)).json() as { dyad: string[]; series: { counts: Record<string, number[]> }[] };
    const expected = series.series.reduce((n, w) => n + Object.values(w.counts).flat().filter((c) => c !== 0).length, 0);
    await open('#dyad?a=USA&b=IRN');
    expect(expected).toBeGreaterThan(3);
    expect(await page.locator('#dyad-chart g[aria-label="rect"] rect').count()).toBe(expected);
    expect(await page.locator('#chain-links li').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(OUT, 'dyad.png'), fullPage: true });
  });

  it('filters the events table', async () => {
    await open('#events');
    const all = await page.locator('#events-table tbody tr').count();
    await page.selectOption('select[name="type"]', 'PROTEST');
    await page.click('#event-filters button[type="submit"]');
    await page.waitForFunction((n) => document.querySelectorAll('#events-table tbody tr').length !== n, all);
    const types = await page.locator('#events-table tbody tr td:nth-child(2)').allTextContents();
    expect(types.length).toBeGreaterThan(0);
    expect(types.length).toBeLessThan(all);
    expect(new Set(types)).toEqual(new Set(['PROTEST']));
  });

  it('opens the evidence of a row with actor, recipient and trigger highlighted', async () => {
    await open('#events?type=ASSAULT');
    await page.locator('#events-table tbody tr').first().click();
    await page.waitForSelector('#evidence .evidence-text mark.trigger');
    expect(await page.locator('#evidence .evidence-text mark.trigger').count()).toBe(1);
    expect(await page.locator('#evidence .evidence-text mark.actor, #evidence .evidence-text mark.recipient').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'events.png'), fullPage: true });
  });

  it('codes pasted text and highlights its events', async () => {
    await open('#code');
    await page.fill('#code-text', 'On Tuesday, Turkish drones struck Kurdish militia positions near Qamishli, killing five fighters, the Turkish defence ministry said.');
    await page.fill('#code-date', '2022-11-24');
    await page.click('#code-run');
    await page.waitForSelector('#code-events li');
    expect(await page.locator('#code-events li').first().textContent()).toContain('ASSAULT');
    expect(await page.locator('#code-output mark.trigger').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'code.png'), fullPage: true });
  });

  it('shows hostile titles and texts as text: no script runs, no dialog opens', async () => {
    await open('#events?text=Nairobi');
    const cells = await page.locator('#events-table tbody tr td:last-child').allTextContents();
    expect(cells.some((c) => c.includes('<img src=x'))).toBe(true);
    expect(await page.locator('#events-table img, #events-table b').count()).toBe(0);
    await page.locator('#events-table tbody tr').first().click();
    await page.waitForSelector('#evidence .evidence-text');
    expect(await page.locator('#evidence .evidence-text').textContent()).toContain('<script>');
    expect(await page.locator('#evidence script, #evidence img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
  });

  it('draws the map and the network', async () => {
    await open('#map');
    expect(await page.locator('#map-svg path.country').count()).toBeGreaterThan(100);
    await open('#network');
    expect(await page.locator('#network-svg g.node').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(OUT, 'network.png') });
  });
});
