// A worker of `casus ingest --workers N`: loads the resources once, codes the articles it is sent and
// returns what the store keeps of them (events and claims); the coordinator does all the writing.
import { parentPort } from 'node:worker_threads';
import { codeArticle, loadResources } from '../pipeline.js';
import type { Article } from '../types.js';

const res = loadResources();
parentPort!.on('message', (msg: { seq: number; article: Article }) => {
  try {
    const coded = codeArticle(msg.article, res);
    parentPort!.postMessage({ seq: msg.seq, events: coded.events, claims: coded.claims });
  } catch (err) {
    parentPort!.postMessage({ seq: msg.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
