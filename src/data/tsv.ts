// Reading the project's reviewable data files (TSV with a "# " provenance header).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's data/ folder (the same relative place from src/ and from dist/). */
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

export class DataFileError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'DataFileError';
  }
}

/**
 * Rows of a TSV data file as objects keyed by its header line; comment lines start with "#".
 * `readTsv('actors/groups.tsv', ['id', 'name'])` throws naming the file and line when a row is short.
 */
export function readTsv(relPath: string, required: readonly string[] = []): Record<string, string>[] {
  const file = join(DATA_DIR, relPath);
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  let header: string[] | null = null;
  const rows: Record<string, string>[] = [];
  lines.forEach((line, n) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    if (!header) {
      header = cells.map((c) => c.trim());
      for (const r of required) {
        if (!header.includes(r)) throw new DataFileError(relPath, n + 1, `missing column "${r}"`);
      }
      return;
    }
    if (cells.length < header.length) {
      // Trailing empty columns may be trimmed by editors; anything shorter than the required ones is an error.
      const need = Math.max(...required.map((r) => header!.indexOf(r))) + 1;
      if (cells.length < need) throw new DataFileError(relPath, n + 1, `expected ${header.length} columns, found ${cells.length}`);
    }
    const row: Record<string, string> = {};
    header.forEach((h, k) => { row[h] = (cells[k] ?? '').trim(); });
    rows.push(row);
  });
  return rows;
}

/** Split a pipe- or comma-separated cell into trimmed non-empty parts. */
export function splitList(cell: string | undefined, sep = '|'): string[] {
  return (cell ?? '').split(sep).map((s) => s.trim()).filter(Boolean);
}
