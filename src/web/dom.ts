// Building the page only with DOM calls and text nodes: nothing from the data is ever parsed as HTML.

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** `el('button', {type: 'button', onclick: f}, 'Go')`: children strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') node.addEventListener(k.replace(/^on/, ''), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export interface Span { start: number; end: number; cls: string; label: string }

/** The text with the spans marked (<mark class=...>), built from text nodes. */
export function highlighted(text: string, spans: Span[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    frag.append(document.createTextNode(text.slice(at, s.start)));
    frag.append(el('mark', { class: s.cls, title: s.label }, text.slice(s.start, s.end)));
    at = s.end;
  }
  frag.append(document.createTextNode(text.slice(at)));
  return frag;
}

/** Spans of an event's actor, recipient and trigger inside its evidence text. */
export function eventSpans(text: string, e: { actor: { text: string; name: string }[]; recipient: { text: string; name: string }[]; evidence: { trigger: string } }, offset = 0): Span[] {
  const spans: Span[] = [];
  const find = (needle: string, cls: string, label: string): void => {
    if (!needle) return;
    const i = text.indexOf(needle);
    if (i >= 0) spans.push({ start: offset + i, end: offset + i + needle.length, cls, label });
  };
  for (const a of e.actor) find(a.text, 'actor', `actor: ${a.name}`);
  for (const r of e.recipient) find(r.text, 'recipient', `recipient: ${r.name}`);
  find(e.evidence.trigger, 'trigger', 'trigger');
  return spans;
}

export function clear(node: Element): void {
  while (node.firstChild) node.firstChild.remove();
}
