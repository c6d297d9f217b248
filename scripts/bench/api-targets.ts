/**
 * What the API benchmark asks for: real ids, document numbers and IMOs read from the demo case's file
 * (the best-linked person, a document, a vessel with an IMO), and the endpoints with their aims.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Targets {
  personId: string;
  personName: string;
  /** The best-linked persons, for reads spread over many entities. */
  personIds: string[];
  /** The party that paid most often: where the money trace starts. */
  payerId: string;
  document: { number: string; country: string };
  imo: string;
}

export interface Endpoint {
  key: string;
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** The aim: at least `rps` requests a second with a p99 under `p99` ms. */
  aim?: { rps: number; p99: number };
  /** Each request asks for one of these paths at random instead of `path`. */
  spread?: string[];
}

/** How many of the best-linked persons a spread read picks from. */
const SPREAD = 500;

/** Reads the demo case's NDJSON and picks the records the benchmark asks about. */
export async function pickTargets(file: string): Promise<Targets> {
  const degree = new Map<string, number>();
  const names = new Map<string, string>();
  const paid = new Map<string, number>();
  let document: Targets['document'] | undefined;
  let imo: string | undefined;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as Record<string, unknown>;
    if (typeof record.source === 'string' && typeof record.target === 'string') {
      for (const end of [record.source, record.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
      if (record.type === 'PAID') paid.set(record.source, (paid.get(record.source) ?? 0) + 1);
    } else if (record.type === 'Person' && typeof record.name === 'string') {
      names.set(String(record.id), record.name);
    } else if (record.type === 'Document' && !document && typeof record.number === 'string') {
      document = { number: record.number, country: String(record.issuingCountry) };
    } else if (record.type === 'Vessel' && !imo && typeof record.imo === 'string') {
      imo = record.imo;
    }
  }
  const ranked = [...names].sort(([a], [b]) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0));
  const [personId, personName] = ranked[0] ?? ['', ''];
  const personIds = ranked.slice(0, SPREAD).map(([id]) => id);
  const payerId = [...paid].sort(([, a], [, b]) => b - a)[0]?.[0];
  if (!personId || !payerId || !document || !imo)
    throw new Error(`${file} lacks a person, document or vessel with an IMO`);
  return { personId, personName, personIds, payerId, document, imo };
}

/** The endpoints measured, with the aims of issue #5. */
export function planEndpoints(t: Targets, password: string): Endpoint[] {
  const id = encodeURIComponent(t.personId);
  const word = encodeURIComponent(t.personName.split(' ').at(-1) ?? t.personName);
  return [
    {
      key: 'get',
      label: 'get entity',
      method: 'GET',
      path: `/api/entities/${id}`,
      aim: { rps: 500, p99: 100 },
    },
    {
      key: 'get-spread',
      label: `get entity, one of ${t.personIds.length} at random (no shared reads)`,
      method: 'GET',
      path: `/api/entities/${id}`,
      spread: t.personIds.map((p) => `/api/entities/${encodeURIComponent(p)}`),
      aim: { rps: 500, p99: 100 },
    },
    {
      key: 'search',
      label: 'search',
      method: 'GET',
      path: `/api/entities?q=${word}`,
      aim: { rps: 200, p99: 150 },
    },
    {
      key: 'neighbourhood',
      label: '2-hop neighbourhood',
      method: 'GET',
      path: `/api/entities/${id}/neighbourhood?depth=2`,
      aim: { rps: 100, p99: 300 },
    },
    {
      key: 'document',
      label: 'document check',
      method: 'GET',
      path: `/api/check/document?number=${encodeURIComponent(t.document.number)}&country=${t.document.country}`,
      aim: { rps: 500, p99: 50 },
    },
    {
      key: 'vessel',
      label: 'vessel check',
      method: 'GET',
      path: `/api/check/vessel?imo=${t.imo}`,
      aim: { rps: 500, p99: 50 },
    },
    {
      key: 'me',
      label: 'who am I (session only)',
      method: 'GET',
      path: '/api/auth/me',
    },
    {
      key: 'login',
      label: 'login (scrypt)',
      method: 'POST',
      path: '/api/auth/login',
      body: JSON.stringify({ username: 'bench-analyst', password }),
    },
    {
      key: 'trace',
      label: 'money trace',
      method: 'GET',
      path: `/api/analyses/trace?from=${encodeURIComponent(t.payerId)}`,
      // Issue #13: p99 under 300 ms at 50 connections; it sets no rate.
      aim: { rps: 0, p99: 300 },
    },
  ];
}
