#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ into dist/ by `npm install` (the prepare script).
import { main } from '../dist/cli/main.js';

// A reader that stops early (`casus events | head`) is not an error.
process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`casus: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
);
