// A worker of `casus code --workers N`: loads the resources once, codes the lines it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { loadResources } from '../pipeline.js';
import { codeLine } from './code.js';

const { date, maxLine } = workerData as { date: string | null; maxLine: number };
const res = loadResources();
parentPort!.on('message', (msg: { seq: number; n: number; line: string }) => {
  parentPort!.postMessage({ seq: msg.seq, line: codeLine(msg.line, msg.n, date, res, maxLine) });
});
