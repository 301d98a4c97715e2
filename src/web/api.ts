// The dashboard's calls to the casus API.

export interface Entity { text: string; name: string; id: string | null; country: string | null; sector: string | null; sponsor: string | null }
export interface Ev {
  id: string; type: string; mode: string | null; context: string[]; actor: Entity[]; recipient: Entity[];
  date: { value: string | null; precision: string; text: string | null };
  location: { name: string; country: string | null; lat: number | null; lon: number | null; precision: string } | null;
  fatalities: { killed: number | null; injured: number | null }; score: number; quadClass: number;
  acled: { eventType: string; subEventType: string } | null;
  evidence: { sentence: number; start: number; end: number; text: string; trigger: string };
  article?: number; sources?: number; mentions?: number; title?: string | null; source?: string | null; url?: string | null;
}

export async function get<T>(path: string, params: Record<string, string | number | boolean | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const res = await fetch(`${path}${q.size ? `?${q}` : ''}`);
  const body = await res.json() as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const out = await res.json() as T & { error?: string };
  if (!res.ok) throw new Error(out.error ?? `HTTP ${res.status}`);
  return out;
}

/** Okabe-Ito colours, safe for the common colour-vision deficiencies. */
export const QUAD_COLORS = ['#0072B2', '#009E73', '#E69F00', '#D55E00'];
export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
export const TYPE_COLORS: Record<string, string> = {
  ASSAULT: '#D55E00', COERCE: '#CC79A7', MOBILIZE: '#E69F00', PROTEST: '#F0E442', SANCTION: '#56B4E9', THREATEN: '#E69F00',
  ACCUSE: '#999999', REJECT: '#999999', REQUEST: '#0072B2', AGREE: '#009E73', CONSULT: '#009E73', SUPPORT: '#009E73',
  COOPERATE: '#009E73', AID: '#009E73', RETREAT: '#009E73', CONCEDE: '#009E73',
};
