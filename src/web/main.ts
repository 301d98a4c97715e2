// The dashboard: five views behind a hash router, keyboard usable, readable at laptop width.
import { el, clear } from './dom.js';
import { codeView } from './views/code.js';
import { dyadView } from './views/dyad.js';
import { articleView, eventsView } from './views/events.js';
import { mapView } from './views/map.js';
import { networkView } from './views/network.js';

const VIEWS: Record<string, (root: HTMLElement, params: URLSearchParams) => Promise<void> | void> = {
  dyad: dyadView, events: eventsView, map: mapView, network: networkView, code: codeView, article: articleView,
};

async function route(): Promise<void> {
  const [name, query] = (location.hash.slice(1) || 'dyad').split('?');
  const root = document.getElementById('view')!;
  root.removeAttribute('data-ready');
  clear(root);
  for (const a of document.querySelectorAll('nav a')) a.toggleAttribute('aria-current', a.getAttribute('data-view') === name);
  try {
    await (VIEWS[name] ?? dyadView)(root, new URLSearchParams(query ?? ''));
  } catch (err) {
    root.append(el('p', { class: 'error' }, `Could not load this view: ${(err as Error).message}`));
  }
  root.setAttribute('data-ready', 'true');
}

window.addEventListener('hashchange', () => void route());
void route();
