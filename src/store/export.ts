// Export in the column sets analysts use: casus's own, ACLED, POLECAT, and CAMEO/GDELT.
import type { CasusEvent } from '../types.js';
import type { EventRow } from './query.js';

export type Schema = 'casus' | 'acled' | 'polecat' | 'cameo';

type Row = Record<string, string | number | boolean | null>;

const sqlDate = (d: string | null): string | null => (d ? d.replace(/-/g, '') : null);
const names = (list: CasusEvent['actor']): string => list.map((e) => e.name).join('; ');

/** ACLED's time_precision: 1 day, 2 week or month, 3 year or less. */
const TIME_PRECISION: Record<string, number> = { day: 1, month: 2, year: 3, article: 1 };
/** ACLED's geo_precision: 1 exact place, 2 part of a region, 3 a larger region. */
const GEO_PRECISION: Record<string, number> = { site: 1, city: 1, region: 2, country: 3 };

/** One export row per event in the chosen schema. */
export function exportRow(r: EventRow, schema: Schema): Row {
  const e = JSON.parse(r.record) as CasusEvent;
  const sources = r.sources ?? 1, mentions = r.mentions ?? 1;
  if (schema === 'acled') {
    return {
      event_id_cnty: `${e.location?.country ?? r.actor_country ?? 'XXX'}${r.incident_id ?? e.id}`,
      event_date: e.date.value, year: e.date.value ? Number(e.date.value.slice(0, 4)) : null, time_precision: TIME_PRECISION[e.date.precision],
      disorder_type: e.acled ? (e.acled.eventType === 'Protests' || e.acled.eventType === 'Riots' ? 'Demonstrations' : e.acled.eventType === 'Strategic developments' ? 'Strategic developments' : 'Political violence') : null,
      event_type: e.acled?.eventType ?? null, sub_event_type: e.acled?.subEventType ?? null,
      actor1: e.actor[0]?.name ?? null, assoc_actor_1: e.actor.slice(1).map((a) => a.name).join('; ') || null, inter1: e.acled?.inter1 ?? null,
      actor2: e.recipient[0]?.name ?? null, assoc_actor_2: e.recipient.slice(1).map((a) => a.name).join('; ') || null, inter2: e.acled?.inter2 ?? null,
      interaction: e.acled?.interaction ?? null, civilian_targeting: e.acled?.civilianTargeting ? 'Civilian targeting' : null,
      iso: e.location?.country ?? null, country: e.location?.country ?? null, location: e.location?.name ?? null,
      latitude: e.location?.lat ?? null, longitude: e.location?.lon ?? null, geo_precision: e.location ? GEO_PRECISION[e.location.precision] : null,
      source: r.source, source_scale: null, notes: e.evidence.text, fatalities: r.contested ? null : e.fatalities.killed ?? 0,
      tags: r.contested ? 'contested' : null, timestamp: null,
    };
  }
  if (schema === 'polecat') {
    return {
      'Event ID': e.id, 'Story Date': e.date.value, 'Event Date': e.date.value, 'Event Type': e.type, 'Event Mode': e.mode,
      Contexts: e.context.join(';'), 'Actor Name': names(e.actor), 'Actor Country': e.actor.map((a) => a.country).join(';'), 'Actor Sector': e.actor.map((a) => a.sector).join(';'),
      'Recipient Name': names(e.recipient), 'Recipient Country': e.recipient.map((a) => a.country).join(';'), 'Recipient Sector': e.recipient.map((a) => a.sector).join(';'),
      'Placename': e.location?.name ?? null, 'Country': e.location?.country ?? null, Latitude: e.location?.lat ?? null, Longitude: e.location?.lon ?? null,
      'Event Intensity': e.score, 'Event Text': e.evidence.text, 'Trigger': e.evidence.trigger, 'Publication': r.source, URL: r.url,
    };
  }
  if (schema === 'cameo') {
    const code = e.cameo ?? '';
    return {
      GLOBALEVENTID: e.id, SQLDATE: sqlDate(e.date.value), MonthYear: e.date.value ? e.date.value.slice(0, 7).replace('-', '') : null, Year: e.date.value?.slice(0, 4) ?? null,
      Actor1Code: (e.actor[0]?.country ?? '') + (e.actor[0]?.sector ?? ''), Actor1Name: e.actor[0]?.name ?? null, Actor1CountryCode: e.actor[0]?.country ?? null,
      Actor2Code: (e.recipient[0]?.country ?? '') + (e.recipient[0]?.sector ?? ''), Actor2Name: e.recipient[0]?.name ?? null, Actor2CountryCode: e.recipient[0]?.country ?? null,
      IsRootEvent: e.evidence.sentence === 0 ? 1 : 0, EventCode: code, EventBaseCode: code.slice(0, 3), EventRootCode: code.slice(0, 2),
      QuadClass: e.quadClass, GoldsteinScale: e.score, NumMentions: mentions, NumSources: sources, NumArticles: mentions,
      ActionGeo_FullName: e.location?.name ?? null, ActionGeo_CountryCode: e.location?.country ?? null, ActionGeo_Lat: e.location?.lat ?? null, ActionGeo_Long: e.location?.lon ?? null,
      DATEADDED: sqlDate(e.date.value), SOURCEURL: r.url ?? r.source,
    };
  }
  return {
    id: e.id, date: e.date.value, date_precision: e.date.precision, type: e.type, mode: e.mode, context: e.context.join(';'),
    actor: names(e.actor), actor_country: e.actor.map((a) => a.country).join(';'), recipient: names(e.recipient), recipient_country: e.recipient.map((a) => a.country).join(';'),
    location: e.location?.name ?? null, location_country: e.location?.country ?? null, latitude: e.location?.lat ?? null, longitude: e.location?.lon ?? null,
    killed: e.fatalities.killed, injured: e.fatalities.injured, score: e.score, quad_class: e.quadClass, cameo: e.cameo,
    acled_event_type: e.acled?.eventType ?? null, acled_sub_event_type: e.acled?.subEventType ?? null,
    incident: r.incident_id, sources, mentions, contested: !!r.contested, trigger: e.evidence.trigger, evidence: e.evidence.text, source: r.source, url: r.url,
  };
}
