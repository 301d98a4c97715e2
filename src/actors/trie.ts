// A token-sequence trie: longest-match lookup of multiword names over token keys.
import { stems } from '../text/normalize.js';
import type { Token } from '../types.js';

interface Node<V> {
  next: Map<string, Node<V>>;
  values: V[];
}

export interface TrieMatch<V> {
  start: number;
  end: number;
  values: V[];
}

/**
 * The keys a token may match by: its folded form only; that or its lemma; or, where the lemmatiser
 * left the word alone, base-form guesses ("Gunmen" opening a sentence).
 */
export type KeyMode = 'norm' | 'norm+lemma' | 'stems';

/** The j-th distinct key of a token under a mode, or undefined past the last (no array is built). */
function keyAt(t: Token, mode: KeyMode, j: number): string | undefined {
  if (mode === 'norm') return j === 0 ? t.norm : undefined;
  if (t.lemma !== t.norm) return j === 0 ? t.norm : j === 1 ? t.lemma : undefined;
  if (mode === 'norm+lemma') return j === 0 ? t.norm : undefined;
  // Distinct guesses, each tried once.
  return stems(t.norm)[j];
}

/** Maps token-key sequences (["kataib", "hezbollah"]) to values; matches the longest run in a token list. */
export class TokenTrie<V> {
  private root: Node<V> = { next: new Map(), values: [] };
  size = 0;

  add(keys: readonly string[], value: V): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) { child = { next: new Map(), values: [] }; node.next.set(k, child); }
      node = child;
    }
    node.values.push(value);
    this.size++;
  }

  /** Whether any key of the token begins an entry (the common answer, no, costs a lookup or two). */
  private mayStart(t: Token, mode: KeyMode): boolean {
    for (let j = 0, k = keyAt(t, mode, 0); k !== undefined; k = keyAt(t, mode, ++j)) if (this.root.next.has(k)) return true;
    return false;
  }

  /**
   * Longest match starting at `start` and ending before `limit`, with tokens keyed by `mode`;
   * `accept` may reject a candidate (e.g. for letter case).
   */
  longest(tokens: readonly Token[], start: number, limit: number, mode: KeyMode,
    accept: (v: V, start: number, end: number) => boolean): TrieMatch<V> | null {
    if (start >= limit) return null;
    // Most tokens begin no name: answer those before setting up a walk.
    if (!this.mayStart(tokens[start], mode)) return null;
    let best: TrieMatch<V> | null = null;
    const walk = (node: Node<V>, at: number): void => {
      if (node.values.length && at > start) {
        const ok = node.values.filter((v) => accept(v, start, at));
        if (ok.length && (!best || at > best.end)) best = { start, end: at, values: ok };
      }
      if (at >= limit || node.next.size === 0) return;
      const tok = tokens[at];
      for (let j = 0, k = keyAt(tok, mode, 0); k !== undefined; k = keyAt(tok, mode, ++j)) {
        const child = node.next.get(k);
        if (child) walk(child, at + 1);
      }
    };
    walk(this.root, start);
    return best;
  }
}
