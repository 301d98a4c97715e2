// CSV output (RFC 4180): fields with commas, quotes or line breaks are quoted.

export function csvLine(values: readonly unknown[]): string {
  return values.map((v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}
