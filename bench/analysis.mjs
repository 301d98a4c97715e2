#!/usr/bin/env node
// Series and action-reaction chains over a million events (seeded synthetic points).
//   node bench/analysis.mjs [--events 1000000] [--json]
import { rng } from '../dist/acled/train.js';
import { actionReaction } from '../dist/analysis/chains.js';
import { dyadSeries } from '../dist/analysis/series.js';

const args = process.argv.slice(2);
const i = args.indexOf('--events');
const N = i >= 0 ? Number(args[i + 1]) : 1_000_000;
const random = rng(11);
const sides = ['USA', 'IRN', 'ISR', 'SYR', 'IRQ', 'RUS', 'UKR', 'TUR'];
const types = ['ASSAULT', 'ACCUSE', 'THREATEN', 'CONSULT', 'COERCE', 'SANCTION', 'AGREE', 'AID'];
const quad = { ASSAULT: 4, COERCE: 4, SANCTION: 4, ACCUSE: 3, THREATEN: 3, CONSULT: 1, AGREE: 1, AID: 2 };
const start = 17_000; // days since 1970
const points = [];
for (let k = 0; k < N; k++) {
  const a = sides[Math.floor(random() * sides.length)];
  let b = sides[Math.floor(random() * sides.length)];
  if (b === a) b = sides[(sides.indexOf(a) + 1) % sides.length];
  const type = types[Math.floor(random() * types.length)];
  const t = start + Math.floor(random() * 2000);
  const party = (c) => ({ country: c, id: c, sponsor: c === 'IRQ' ? 'IRN' : null, sector: 'GOV' });
  points.push({ id: String(k), t, date: new Date(t * 86_400_000).toISOString().slice(0, 10), type, mode: null, quad: quad[type], score: quad[type] >= 3 ? -5 : 3,
    actor: a, actorId: a, actorSponsor: null, actorSector: 'GOV', recipient: b, recipientId: b, recipientSponsor: null, recipientSector: 'GOV',
    location: b, killed: null, text: '', actors: [party(a)], recipients: [party(b)] });
}
points.sort((x, y) => x.t - y.t);
const opt = { proxies: true, level: 'country' };
const time = (f) => { const runs = []; for (let r = 0; r < 3; r++) { const t0 = performance.now(); f(); runs.push(performance.now() - t0); } return Math.round(runs.sort((x, y) => x - y)[1]); };
const result = {
  events: N,
  seriesWeekMs: time(() => dyadSeries(points, 'USA', 'IRN', 'week', opt)),
  seriesDayMs: time(() => dyadSeries(points, 'USA', 'IRN', 'day', opt)),
  chainsMs: time(() => actionReaction(points, 'USA', 'IRN', 14, opt)),
  node: process.version,
};
process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
