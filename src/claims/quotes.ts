// Direct quotations: spans of tokens between quote marks, running on to the paragraph's end when a
// paragraph opens a quote it never closes (the news convention for multi-paragraph quotes).
import type { Doc, Token } from '../types.js';

export interface QuoteSpan {
  /** token indices [from, to) of the quoted words, marks excluded */
  from: number;
  to: number;
  /** the sentences it touches */
  sentences: number[];
}

const DOUBLE_OPEN = new Set(['“', '«', '„']);
const DOUBLE_CLOSE = new Set(['”', '»']);

/** Every quotation in the document, outermost spans only, in text order. */
export function findQuotes(doc: Doc): QuoteSpan[] {
  const t = doc.tokens;
  const out: QuoteSpan[] = [];
  let open = -1;
  let openMark = '';
  const close = (end: number): void => {
    if (open >= 0 && end > open) {
      const sentences = [...new Set(t.slice(open, end).map((x) => x.sentence))];
      out.push({ from: open, to: end, sentences });
    }
    open = -1;
  };
  for (let i = 0; i < t.length; i++) {
    const v = t[i].text;
    if (open >= 0 && i > open && newParagraphBetween(doc, t[i - 1], t[i])) close(i);
    if (open < 0) {
      if (DOUBLE_OPEN.has(v) || isOpeningStraight(doc, t, i) || isOpeningSingle(doc, t, i)) { open = i + 1; openMark = v; }
      continue;
    }
    if (DOUBLE_CLOSE.has(v) && openMark !== "'" && openMark !== '‘') close(i);
    else if (v === '"' && openMark === '"') close(i);
    else if ((v === '’' || v === "'") && (openMark === '‘' || openMark === "'") && isClosingSingle(t, i)) close(i);
  }
  close(t.length);
  return out;
}

function newParagraphBetween(doc: Doc, a: Token, b: Token): boolean {
  return doc.text.slice(a.end, b.start).includes('\n');
}

function isOpeningStraight(doc: Doc, t: readonly Token[], i: number): boolean {
  if (t[i].text !== '"') return false;
  const before = i === 0 ? '\n' : doc.text.slice(t[i - 1].end, t[i].start);
  return i === 0 || before.length > 0 || /[([:]/.test(t[i - 1].text);
}

/** A single quote opens a quotation when it starts a word, not when it is an apostrophe. */
function isOpeningSingle(doc: Doc, t: readonly Token[], i: number): boolean {
  if (t[i].text !== '‘' && t[i].text !== "'") return false;
  if (t[i].pos !== 'PUNCT') return false;
  const before = i === 0 ? ' ' : doc.text.slice(t[i - 1].end, t[i].start);
  return before.length > 0 || i === 0 || /[“"(:]/.test(t[i - 1].text);
}

function isClosingSingle(t: readonly Token[], i: number): boolean {
  return t[i].pos === 'PUNCT' || t[i].pos === 'PART' ? !/^(s|t|ll|re|ve|d|m)$/i.test(t[i + 1]?.text ?? '') : false;
}
