// ACLED readings of short snippets: code the text and take its first ACLED-coded event; with no event,
// classify the text alone. Used for training, for the held-out test and by `casus eval` on labelled TSV.
import { readFileSync } from 'node:fs';
import { codeArticle, validateArticle, type Resources } from '../pipeline.js';
import { analyse } from '../text/index.js';
import { isFactual } from '../events/modality.js';
import { featuresOf } from './features.js';
import { predict } from './model.js';
import { ALLOWED, allowedFor } from './taxonomy.js';

export interface SnippetReading { features: string[]; predicted: string | null; via: 'event' | 'text' | 'none' }

/** Features (as the classifier sees them) and the predicted sub-event type of a snippet. */
export function snippetFeatures(text: string, res: Resources): SnippetReading {
  const coded = codeArticle(validateArticle({ id: 'snippet', text, date: null }), res);
  const doc = coded.debug.doc;
  const e = coded.events.find((x) => isFactual(x.context) && ALLOWED[x.type]);
  if (e) {
    const features = featuresOf(doc, doc.sentences[e.evidence.sentence], {
      ploverType: e.type, mode: e.mode, killed: e.fatalities.killed,
      actorSectors: e.actor.flatMap((a) => a.sectors), recipientSectors: e.recipient.flatMap((r) => r.sectors),
    });
    return { features, predicted: e.acled?.subEventType ?? (res.acled ? predict(res.acled, features, allowedFor(e.type, e.mode)).label : null), via: 'event' };
  }
  const whole = analyse(text);
  const features = featuresOf(whole, { from: 0, to: whole.tokens.length });
  return { features, predicted: res.acled ? predict(res.acled, features).label : null, via: res.acled ? 'text' : 'none' };
}

export interface LabelScore { accuracy: number; weightedF1: number; perClass: Record<string, { n: number; precision: number; recall: number; f1: number }> }

/** Accuracy and support-weighted F1 of predictions against labels. */
export function scoreLabels(gold: string[], predicted: (string | null)[]): LabelScore {
  const classes = [...new Set(gold)].sort();
  const perClass: LabelScore['perClass'] = {};
  let weighted = 0, right = 0;
  for (const c of classes) {
    const tp = gold.filter((g, i) => g === c && predicted[i] === c).length;
    const p = predicted.filter((x) => x === c).length;
    const n = gold.filter((g) => g === c).length;
    const precision = p ? tp / p : 0, recall = n ? tp / n : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { n, precision, recall, f1 };
    weighted += f1 * n;
    right += tp;
  }
  return { accuracy: gold.length ? right / gold.length : 0, weightedF1: gold.length ? weighted / gold.length : 0, perClass };
}

/** Rows of a labelled TSV (`sub_event_type<TAB>text`, "#" comments) from any path. */
export function readLabelled(file: string): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  let header = true;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (header) { header = false; continue; }
    const [label, text] = line.split('\t');
    if (label && text) out.push({ label: label.trim(), text: text.trim() });
  }
  return out;
}
