#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into dist/ by `npm install` (the prepare script).
import v8 from 'node:v8';

// chrono's date patterns are large: compiling them to machine code on first use costs ~0.2 s before
// the first event. Interpreted until a pattern has run 100 times, they compile only once they pay off.
v8.setFlagsFromString('--regexp-tier-up-ticks=100');

const { main } = await import('../dist/cli/main.js');

// A reader that stops early (`casus events | head`) is not an error.
process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`casus: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
);
