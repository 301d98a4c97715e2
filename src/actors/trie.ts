// A token-sequence trie: longest-match lookup of multiword names over token keys.
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

  /**
   * Longest match starting at `start` and ending before `limit`; `keysOf` gives the keys a token may
   * match by (its folded form, its lemma); `accept` may reject a candidate (e.g. for letter case).
   */
  longest(tokens: readonly Token[], start: number, limit: number,
    keysOf: (t: Token) => readonly string[], accept: (v: V, start: number, end: number) => boolean): TrieMatch<V> | null {
    // Most tokens begin no name: answer those without allocating a walk.
    const firstKeys = keysOf(tokens[start]);
    let any = false;
    for (const k of firstKeys) if (this.root.next.has(k)) { any = true; break; }
    if (!any || start >= limit) return null;
    let best: TrieMatch<V> | null = null;
    const walk = (node: Node<V>, at: number, keys: readonly string[] | null): void => {
      if (node.values.length && at > start) {
        const ok = node.values.filter((v) => accept(v, start, at));
        if (ok.length && (!best || at > best.end)) best = { start, end: at, values: ok };
      }
      if (at >= limit || node.next.size === 0) return;
      const ks = keys ?? keysOf(tokens[at]);
      for (let j = 0; j < ks.length; j++) {
        const k = ks[j];
        if (ks.indexOf(k) < j) continue;
        const child = node.next.get(k);
        if (child) walk(child, at + 1, null);
      }
    };
    walk(this.root, start, firstKeys);
    return best;
  }
}
