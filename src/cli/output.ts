// Rendering events for people (a table) and for programs (JSON without debug fields).
import type { CasusEvent, Entity } from '../types.js';

/** The event as in the JSON contract: the debug-only `explain` field removed unless asked for. */
export function publicEvent(e: CasusEvent, explain = false): CasusEvent {
  if (explain) return e;
  const { explain: _omit, ...rest } = e;
  return rest;
}

function who(list: Entity[]): string {
  if (list.length === 0) return '—';
  return list.map((e) => `${e.name} (${[e.country ?? '?', e.sector].filter(Boolean).join(', ')}${e.sponsor ? `; backed by ${e.sponsor}` : ''}${e.unresolved ? '; unresolved' : ''})`).join(' + ');
}

/** A readable block per event, as in ../shared/DESIGN.md. */
export function renderTable(events: CasusEvent[], explain = false): string {
  const lines: string[] = [];
  for (const e of events) {
    const facts = e.context.length ? `  [${e.context.join(', ')}]` : '';
    lines.push(`${e.type}${e.mode ? `/${e.mode}` : ''}  actor: ${who(e.actor)}  recipient: ${who(e.recipient)}${facts}`);
    const date = e.date.value ? `${e.date.value} (${e.date.precision}${e.date.text ? `, from "${e.date.text}"` : ''})` : 'unknown';
    const place = e.location ? `${e.location.name} (${e.location.precision})` : '—';
    const toll = e.fatalities.killed !== null || e.fatalities.injured !== null ? `  killed ${e.fatalities.killed ?? '?'} injured ${e.fatalities.injured ?? '?'}` : '';
    lines.push(`    date ${date}  place: ${place}${toll}  score ${e.score}  cameo ${e.cameo ?? '—'}${e.acled ? `  acled ${e.acled.subEventType}` : ''}`);
    lines.push(`    evidence: sentence ${e.evidence.sentence}, chars ${e.evidence.start}-${e.evidence.end}, trigger "${e.evidence.trigger}"  (${e.reason})`);
    if (explain && e.explain) for (const x of e.explain) lines.push(`      · ${x}`);
  }
  return lines.join('\n');
}
