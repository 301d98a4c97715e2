// Fingerprints for de-duplication: an exact hash of the normalised text, and a 64-bit SimHash over
// word 3-shingles whose Hamming distance finds the same wire story republished with small edits.
import { createHash } from 'node:crypto';

/** Lowercased words only, so that markup, spacing and punctuation changes do not matter. */
export function normaliseForHash(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** SHA-1 of the normalised text. */
export function contentHash(text: string): string {
  return createHash('sha1').update(normaliseForHash(text)).digest('hex');
}

/** 64-bit FNV-1a of a string, as two 32-bit halves. */
function fnv64(s: string): [number, number] {
  let h1 = 0x811c9dc5, h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193) >>> 0;
  }
  return [h1 >>> 0, Math.imul(h2 ^ h1, 0x85ebca6b) >>> 0];
}

/** SimHash of the text's word 3-shingles, as 16 hex digits. */
export function simhash(text: string): string {
  const words = normaliseForHash(text).split(' ').filter(Boolean);
  const v = new Int32Array(64);
  const n = Math.max(1, words.length - 2);
  for (let i = 0; i < n; i++) {
    const [a, b] = fnv64(words.slice(i, i + 3).join(' '));
    for (let bit = 0; bit < 32; bit++) {
      v[bit] += (a >>> bit) & 1 ? 1 : -1;
      v[32 + bit] += (b >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0, lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (v[bit] > 0) lo |= 1 << bit;
    if (v[32 + bit] > 0) hi |= 1 << bit;
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/** Number of differing bits between two SimHashes. */
export function hamming(a: string, b: string): number {
  let d = 0;
  for (let k = 0; k < 16; k += 8) {
    let x = (parseInt(a.slice(k, k + 8), 16) ^ parseInt(b.slice(k, k + 8), 16)) >>> 0;
    while (x) { x &= x - 1; d++; }
  }
  return d;
}

/** Word 3-shingles of a text, for verifying a SimHash candidate by Jaccard overlap. */
export function shingles(text: string): Set<string> {
  const words = normaliseForHash(text).split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  if (words.length < 3) out.add(words.join(' '));
  return out;
}

/** Jaccard similarity of two shingle sets. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / Math.max(1, a.size + b.size - inter);
}
