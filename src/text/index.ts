// Stage 1, text: sentences, tokens with character offsets, POS and lemmas (wink-nlp).
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';
import type { Doc, Sentence, Token } from '../types.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { cachedFile, sourceHash, writeCacheFile } from '../data/cache.js';
import { normKey } from './normalize.js';

export { normKey } from './normalize.js';

// The language model takes ~0.3 s to load: it is loaded on first use, so commands and threads that
// never read text (a pool's coordinator, queries, the server before its first POST) do not pay for it.
const require = createRequire(import.meta.url);
type Nlp = ReturnType<typeof WinkNLP>;
type WinkModel = Parameters<typeof WinkNLP>[0];
let loaded: Nlp | null = null;
function wink(): Nlp {
  if (!loaded) {
    const winkNLP = require('wink-nlp') as typeof WinkNLP;
    loaded = winkNLP(modelWithCachedCore(), ['sbd', 'pos']);
  }
  return loaded;
}

const MODEL_DIST = 'wink-eng-lite-web-model/dist';

/**
 * wink's model, with its core (the lexicon: ~87,000 words, their features and lookup tables) read from
 * the build cache. The package builds the core on every load from a 3 MB JSON by deep-copying it,
 * decoding base64 byte by byte and hashing every word list (~0.25 s). The cache holds the same core as
 * one file: its two integer tables as raw bytes, the rest as JSON; only the word hashes are rebuilt.
 */
function modelWithCachedCore(): WinkModel {
  const part = (name: string): unknown => require(`${MODEL_DIST}/${name}.js`);
  const key = sourceHash([], ['wink-nlp', 'wink-eng-lite-web-model']);
  let core = readCore(key);
  if (!core) {
    const built = (part('load-core-model') as () => Core)();
    writeCacheFile('wink-core', key, 'bin', (tmp) => writeFileSync(tmp, encodeCore(built)));
    core = built;
  }
  const coreModel = core;
  return {
    core: () => coreModel, sbd: part('load-sbd-model'), pos: part('load-pos-model'), ner: part('load-ner-model'),
    negation: part('load-negation-model'), sa: part('load-sa-model'), metaCER: part('load-cer-meta-model'), featureFn: part('feature'),
    addons: { stem: part('porter-stemmer'), lemmatize: part('lemmatize'), readabilityStats: part('readability-stats'), wordVectors: undefined },
  } as unknown as WinkModel;
}

interface CoreFeature { list: unknown[]; hash?: Record<string, number> }
export interface Core { lexicon: Uint32Array; xpansions: Uint32Array; features: Record<string, CoreFeature> & { posClusters: CoreFeature } }

/** [JSON length: u32][JSON][lexicon bytes][xpansions bytes], the JSON without the tables and hashes. */
export function encodeCore(core: Core): Buffer {
  const hashed = Object.keys(core.features).filter((f) => core.features[f].hash);
  const features = Object.fromEntries(Object.entries(core.features).map(([f, { hash: _, ...rest }]) => [f, rest]));
  const json = JSON.stringify({ ...core, features, lexicon: core.lexicon.length, xpansions: core.xpansions.length, hashed },
    (_k, v: unknown) => v instanceof Set ? [...v] as unknown[] : v);
  const head = Buffer.from(json, 'utf8'), len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const bytes = (a: Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([len, head, bytes(core.lexicon), bytes(core.xpansions)]);
}

function readCore(key: string): Core | null {
  const file = cachedFile('wink-core', key, 'bin');
  return file ? decodeCore(readFileSync(file)) : null;
}

/** The core from `encodeCore`'s bytes, or null when they are not a whole one. */
export function decodeCore(buf: Buffer): Core | null {
  try {
    const jsonLength = buf.readUInt32LE(0);
    const raw = JSON.parse(buf.toString('utf8', 4, 4 + jsonLength)) as Omit<Core, 'lexicon' | 'xpansions'> & { lexicon: number; xpansions: number; hashed: string[] };
    let at = 4 + jsonLength;
    const table = (n: number): Uint32Array => {
      const out = new Uint32Array(n);
      new Uint8Array(out.buffer).set(buf.subarray(at, at + n * 4));
      at += n * 4;
      return out;
    };
    const lexicon = table(raw.lexicon), xpansions = table(raw.xpansions);
    if (at !== buf.length) return null;
    for (const f of raw.hashed) {
      // As the package builds them: no prototype, so that a word such as "constructor" is not found.
      const hash = Object.create(null) as Record<string, number>, list = raw.features[f].list as string[];
      for (let k = 0; k < list.length; k++) hash[list[k]] = k;
      raw.features[f].hash = hash;
    }
    raw.features.posClusters.list = raw.features.posClusters.list.map((c) => new Set(c as number[]));
    const { hashed: _, ...rest } = raw;
    return { ...rest, lexicon, xpansions };
  } catch {
    return null;
  }
}

/** Token texts of a string, tokenised as articles are, so that dictionary names match article tokens. */
export function tokenizeWords(text: string): string[] {
  const nlp = wink();
  return nlp.readDoc(text).tokens().out(nlp.its.value) as string[];
}

const BLANK = /^\s+$/;
const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '«', '„']);

/** Analyse `text` into sentences and tokens; offsets index into `text` itself. */
export function analyse(text: string): Doc {
  // wink's tokenizer is quadratic in the length of one unbroken run of characters; no word is longer
  // than 64, so longer runs are broken (a space every 32 characters) in a copy of the same length,
  // which keeps every offset valid for the original text.
  const safe = text.replace(/\S{65,}/g, (run) => run.replace(/(.{31})./gs, '$1 ').padEnd(run.length, ' ').slice(0, run.length));
  const nlp = wink(), its = nlp.its;
  const doc = nlp.readDoc(safe);
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  const tokens: Token[] = [];
  const remap = new Int32Array(values.length + 1).fill(-1);
  let cursor = 0;
  for (let w = 0; w < values.length; w++) {
    remap[w] = tokens.length;
    // Tabs and line breaks come out as tokens of their own (all whitespace): they are not words.
    if (BLANK.test(values[w])) continue;
    const v = values[w];
    let at = safe.indexOf(v, cursor);
    // wink keeps token text verbatim; if it ever does not, fall back to the cursor so spans stay inside the text.
    if (at < 0 || at - cursor > 64) at = Math.min(cursor, text.length);
    const end = Math.min(at + v.length, text.length);
    const norm = normKey(v);
    tokens.push({
      i: tokens.length, text: v, norm, lemma: lemmas[w] === undefined || lemmas[w] === v ? norm : normKey(lemmas[w]),
      pos: pos[w] ?? 'X', start: at, end, sentence: 0,
    });
    cursor = end;
  }
  remap[values.length] = tokens.length;

  const sentences: Sentence[] = [];
  let inQuote = false;
  const ranges = splitAtParagraphs(text, tokens, spans.map(([a, b]) => [remap[a], remap[b + 1] < 0 ? tokens.length : remap[b + 1]]));
  for (const [from, to] of capLength(ranges, tokens)) {
    if (to <= from) continue;
    const first = tokens[from], last = tokens[to - 1];
    const index = sentences.length;
    for (let t = from; t < to; t++) tokens[t].sentence = index;
    const startsQuoted = OPEN_QUOTES.has(first.text);
    sentences.push({
      index, start: first.start, end: last.end, from, to,
      text: text.slice(first.start, last.end), quoted: inQuote || startsQuoted,
    });
    inQuote = quoteStateAfter(tokens, from, to, inQuote);
  }
  return { text, tokens, sentences };
}

/** Longest sentence kept whole, in tokens; longer runs (page residue, hostile input) are cut. */
export const MAX_SENTENCE_TOKENS = 160;

function capLength(ranges: [number, number][], tokens: Token[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [from, to] of ranges) {
    let start = from;
    while (to - start > MAX_SENTENCE_TOKENS) {
      // Cut at the last comma or semicolon in the window, else at the window's end.
      let cut = start + MAX_SENTENCE_TOKENS;
      for (let k = cut - 1; k > start + MAX_SENTENCE_TOKENS / 2; k--) if (tokens[k].text === ',' || tokens[k].text === ';') { cut = k + 1; break; }
      out.push([start, cut]);
      start = cut;
    }
    out.push([start, to]);
  }
  return out;
}

/** A sentence never runs across a paragraph break ("describes the tension:\n“Around 5,000 ..."). */
function splitAtParagraphs(text: string, tokens: Token[], ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [from, to] of ranges) {
    let start = from;
    for (let t = from + 1; t < to; t++) {
      if (hasNewline(text, tokens[t - 1].end, tokens[t].start)) { out.push([start, t]); start = t; }
    }
    out.push([start, to]);
  }
  return out;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** Whether a double quotation is still open after the sentence (news quotes often run on across sentences). */
function quoteStateAfter(tokens: Token[], from: number, to: number, open: boolean): boolean {
  let state = open;
  for (let t = from; t < to; t++) {
    const v = tokens[t].text;
    if (v === '“') state = true;
    else if (v === '”') state = false;
    else if (v === '"') state = !state;
  }
  // A paragraph-leading quote that never closes (the multi-paragraph convention) ends with its paragraph.
  return state && tokens[to - 1].text !== '”' ? state : false;
}

const GROUPS = new WeakMap<readonly { sentence: number }[], Map<number, readonly { sentence: number }[]>>();
const NONE: readonly never[] = [];

/**
 * The items of one sentence (mentions, places, dates), in list order. The grouping is built once per
 * list (lists are not changed once a stage has returned them), so per-event lookups stay linear in
 * the length of a document.
 */
export function ofSentence<T extends { sentence: number }>(items: readonly T[], sentence: number): readonly T[] {
  let groups = GROUPS.get(items);
  if (!groups) {
    const g = new Map<number, T[]>();
    for (const x of items) {
      const list = g.get(x.sentence);
      if (list) list.push(x); else g.set(x.sentence, [x]);
    }
    groups = g;
    GROUPS.set(items, groups);
  }
  return (groups.get(sentence) as readonly T[] | undefined) ?? NONE;
}
