// Scoring coded events against gold events: per-type P/R/F1, macro-F1, actor country accuracy.
import { PLOVER_TYPES, type CasusEvent, type PloverType } from '../types.js';

export interface GoldEntity { text?: string; country?: string; sector?: string }
export interface GoldEvent { type: PloverType; mode?: string; source?: GoldEntity[]; target?: GoldEntity[]; actor?: GoldEntity[]; recipient?: GoldEntity[] }
export interface GoldRecord { id: string; text: string; date?: string | null; events: GoldEvent[] }

export interface TypeScore { gold: number; predicted: number; tp: number; precision: number; recall: number; f1: number }
export interface EvalReport {
  records: number; goldEvents: number; predictedEvents: number; matched: number;
  perType: Record<PloverType, TypeScore>; macroF1: number; microF1: number;
  actorCountryAccuracy: number; recipientCountryAccuracy: number;
  misses: { id: string; text: string; gold: string[]; predicted: string[] }[];
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
/**
 * Coding conventions differ, not facts: the CAMEO-era gold codes every international organisation "IGO" and
 * Japan "JAP"; casus distinguishes UN (UNO), EU (EUR) and NGO bodies and uses ISO codes. Kosovo, with no ISO code,
 * is "UNK" in the country data casus uses and "XKX" in much else. Compare on one scale.
 */
const EQUIVALENT: Record<string, string> = { UNO: 'IGO', EUR: 'IGO', NGO: 'IGO', JAP: 'JPN', UNK: 'XKX' };
const canon = (c: string): string => EQUIVALENT[c] ?? c;
const countries = (list: GoldEntity[] | undefined): string[] => (list ?? []).map((e) => canon((e.country ?? '').toUpperCase())).filter(Boolean);

function describe(type: string, actors: string[], recipients: string[]): string {
  return `${type} ${actors.join('+') || '?'}→${recipients.join('+') || '?'}`;
}

/** Match predicted to gold events by type within each record (one-to-one) and score. */
export function scoreRecords(gold: GoldRecord[], predicted: CasusEvent[][]): EvalReport {
  const counts = Object.fromEntries(PLOVER_TYPES.map((t) => [t, { gold: 0, predicted: 0, tp: 0 }])) as Record<PloverType, { gold: number; predicted: number; tp: number }>;
  let actorRight = 0, actorTotal = 0, recipRight = 0, recipTotal = 0, matched = 0, goldEvents = 0, predictedEvents = 0;
  const misses: EvalReport['misses'] = [];
  gold.forEach((g, i) => {
    const pred = predicted[i] ?? [];
    const used = new Set<number>();
    let miss = false;
    for (const ge of g.events) {
      counts[ge.type].gold++;
      goldEvents++;
      const k = pred.findIndex((p, j) => !used.has(j) && p.type === ge.type);
      if (k < 0) { miss = true; continue; }
      used.add(k);
      counts[ge.type].tp++;
      matched++;
      const p = pred[k];
      const ga = countries(ge.source ?? ge.actor), gr = countries(ge.target ?? ge.recipient);
      const pa = p.actor.map((e) => canon(e.country ?? '')), pr = p.recipient.map((e) => canon(e.country ?? ''));
      if (ga.length) { actorTotal++; if (ga.some((c) => pa.includes(c))) actorRight++; else miss = true; }
      if (gr.length) { recipTotal++; if (gr.some((c) => pr.includes(c))) recipRight++; }
    }
    for (const p of pred) { counts[p.type].predicted++; predictedEvents++; }
    if (used.size < pred.length) miss = true;
    if (miss) {
      misses.push({
        id: g.id, text: g.text,
        gold: g.events.map((e) => describe(e.type, countries(e.source ?? e.actor), countries(e.target ?? e.recipient))),
        predicted: pred.map((p) => `${describe(p.type, p.actor.map((e) => e.country ?? e.name), p.recipient.map((e) => e.country ?? e.name))} "${p.evidence.trigger}"`),
      });
    }
  });
  const perType = {} as Record<PloverType, TypeScore>;
  let macro = 0;
  for (const t of PLOVER_TYPES) {
    const c = counts[t];
    const precision = c.predicted ? c.tp / c.predicted : 0;
    const recall = c.gold ? c.tp / c.gold : 0;
    perType[t] = { ...c, precision, recall, f1: f1(precision, recall) };
    macro += perType[t].f1;
  }
  const microP = predictedEvents ? matched / predictedEvents : 0, microR = goldEvents ? matched / goldEvents : 0;
  return {
    records: gold.length, goldEvents, predictedEvents, matched, perType, macroF1: macro / PLOVER_TYPES.length, microF1: f1(microP, microR),
    actorCountryAccuracy: actorTotal ? actorRight / actorTotal : 0, recipientCountryAccuracy: recipTotal ? recipRight / recipTotal : 0, misses,
  };
}
