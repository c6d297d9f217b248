/**
 * Front-line checks, in the manner of INTERPOL's SLTD and vessel queries at a border point: one small
 * index-backed query answers whether a document or vessel is known, its status, and the cases and
 * people linked to it that the caller may see. Input is normalised as the schema normalises stored
 * values, so "ab-123 456" finds AB123456.
 */
import type { Clearance } from '../schema/clearance.ts';
import {
  type CheckMatch,
  type CheckResult,
  DOCUMENT_ALERT_STATUSES,
  VESSEL_ALERT_STATUSES,
} from '../schema/api/checks.ts';
import {
  normaliseCountry,
  normaliseDocumentNumber,
  normaliseImo,
  normaliseMmsi,
  normaliseName,
} from '../schema/normalise/index.ts';
import type { Normalised } from '../schema/normalise/result.ts';
import type { Store } from './store.ts';
import { current, LABEL_PARAMS, labelOf, visibilityParams, visible } from './visibility.ts';

/** A check's input cannot be read as a document number, country, IMO, MMSI or name. */
export class CheckInputError extends Error {
  override name = 'CheckInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_MATCHES = 10;
const MAX_LINKED = 20;
const DOCUMENT_LINKS = ['HOLDS', 'USED'];
const VESSEL_LINKS = ['OWNS', 'OPERATES', 'CREWED', 'USED'];

function read<T>(field: string, result: Normalised<T>): T {
  if (!result.ok) throw new CheckInputError(field, result.message);
  return result.value;
}

// The people linked through the given link types, and the cases of the item or of those people.
const LINKED = `
RETURN x {.*, type: ${labelOf('x')}} AS item,
  COLLECT {
    MATCH (x)-[r]-(p:Person)
    WHERE type(r) IN $personLinks AND ${visible('r')} AND ${visible('p')} AND ${current('p')}
    WITH DISTINCT p, type(r) AS link ORDER BY p.name, p.id LIMIT toInteger($maxLinked)
    RETURN {id: p.id, name: p.name, link: link, roles: coalesce(p.roles, []), status: p.status}
  } AS people,
  COLLECT {
    CALL (x) {
      MATCH (x)-[pr:PART_OF]->(c:Case) WHERE ${visible('pr')} RETURN c
      UNION
      MATCH (x)-[r]-(p:Person)-[pr:PART_OF]->(c:Case)
      WHERE type(r) IN $personLinks AND ${visible('r')} AND ${visible('p')} AND ${current('p')} AND ${visible('pr')}
      RETURN c
    }
    WITH c WHERE ${visible('c')} AND ${current('c')}
    WITH DISTINCT c ORDER BY c.name, c.id LIMIT toInteger($maxLinked)
    RETURN {id: c.id, name: c.name}
  } AS cases`;

const FOUND = `WHERE ${visible('x')} AND ${current('x')}`;

const DOCUMENT_CHECK = `MATCH (x:Document {number: $number}) ${FOUND}
  AND ($country IS NULL OR x.issuingCountry = $country)
WITH x ORDER BY x.id LIMIT toInteger($maxMatches) ${LINKED}`;

const VESSEL_BY_KEY: Record<'imo' | 'mmsi', string> = {
  imo: `MATCH (x:Vessel {imo: $value}) ${FOUND} WITH x ORDER BY x.id LIMIT toInteger($maxMatches) ${LINKED}`,
  mmsi: `MATCH (x:Vessel {mmsi: $value}) ${FOUND} WITH x ORDER BY x.id LIMIT toInteger($maxMatches) ${LINKED}`,
};

// Past names are a list, which no index covers; vessels are few, so a scan of the label is small.
const VESSEL_BY_NAME = `MATCH (x:Vessel)
WHERE (toLower(x.name) = $value OR any(past IN coalesce(x.pastNames, []) WHERE toLower(past) = $value))
  AND ${visible('x')} AND ${current('x')}
WITH x ORDER BY x.id LIMIT toInteger($maxMatches) ${LINKED}`;

type Row = { item: Record<string, unknown>; people: CheckMatch['people']; cases: CheckMatch['cases'] };

const IDENTIFIERS = [
  'number',
  'issuingCountry',
  'kind',
  'expiry',
  'holderName',
  'imo',
  'mmsi',
  'callSign',
  'flag',
  'pastNames',
  'pastFlags',
  'vesselType',
];

function matchOf(row: Row, matchedOn: CheckMatch['matchedOn'], alerts: readonly string[]): CheckMatch {
  const { item } = row;
  const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : null);
  const status = text('status');
  const identifiers = Object.fromEntries(
    IDENTIFIERS.filter((key) => item[key] != null).map((key) => [key, item[key]]),
  );
  return {
    id: String(item.id),
    type: item.type as CheckMatch['type'],
    name: text('name'),
    status,
    alert: status !== null && alerts.includes(status),
    matchedOn,
    identifiers,
    grade: text('grade'),
    gradeScheme: text('gradeScheme') as CheckMatch['gradeScheme'],
    handling: item.handling as CheckMatch['handling'],
    cases: row.cases.map((c) => ({ id: c.id, name: c.name ?? null })),
    people: row.people.map((p) => ({ ...p, name: p.name ?? null, status: p.status ?? null })),
  };
}

async function runCheck(
  store: Store,
  clearance: Clearance,
  cypher: string,
  params: Record<string, unknown>,
): Promise<Row[]> {
  const result = await store.read(cypher, {
    ...visibilityParams(clearance),
    ...LABEL_PARAMS,
    maxMatches: MAX_MATCHES,
    maxLinked: MAX_LINKED,
    ...params,
  });
  return result.records.map((record) => ({
    item: record.get('item') as Row['item'],
    people: record.get('people') as Row['people'],
    cases: record.get('cases') as Row['cases'],
  }));
}

function resultOf(query: Record<string, string>, matches: CheckMatch[]): CheckResult {
  return { known: matches.length > 0, alert: matches.some((m) => m.alert), query, matches };
}

/** Is a travel document known: by number (as printed) and optionally issuing country. */
export async function checkDocument(
  store: Store,
  clearance: Clearance,
  input: { number: string; country?: string | undefined },
): Promise<CheckResult> {
  const number = read('number', normaliseDocumentNumber(input.number));
  const country = input.country === undefined ? null : read('country', normaliseCountry(input.country));
  const rows = await runCheck(store, clearance, DOCUMENT_CHECK, {
    number,
    country,
    personLinks: DOCUMENT_LINKS,
  });
  const query: Record<string, string> = country === null ? { number } : { number, country };
  return resultOf(
    query,
    rows.map((row) => matchOf(row, 'number', DOCUMENT_ALERT_STATUSES)),
  );
}

/** Is a vessel known: by IMO, MMSI, or current or past name (any case). */
export async function checkVessel(
  store: Store,
  clearance: Clearance,
  input: { imo?: string | undefined; mmsi?: string | undefined; name?: string | undefined },
): Promise<CheckResult> {
  const params = { personLinks: VESSEL_LINKS };
  if (input.imo !== undefined || input.mmsi !== undefined) {
    const key = input.imo !== undefined ? 'imo' : 'mmsi';
    const value =
      key === 'imo'
        ? read('imo', normaliseImo(input.imo ?? ''))
        : read('mmsi', normaliseMmsi(input.mmsi ?? ''));
    const rows = await runCheck(store, clearance, VESSEL_BY_KEY[key], { ...params, value });
    return resultOf(
      { [key]: value },
      rows.map((row) => matchOf(row, key, VESSEL_ALERT_STATUSES)),
    );
  }
  if (input.name === undefined) throw new CheckInputError('imo', 'give one of imo, mmsi or name');
  const name = read('name', normaliseName(input.name));
  const rows = await runCheck(store, clearance, VESSEL_BY_NAME, { ...params, value: name.toLowerCase() });
  const matches = rows.map((row) => {
    const current = typeof row.item.name === 'string' && row.item.name.toLowerCase() === name.toLowerCase();
    return matchOf(row, current ? 'name' : 'pastName', VESSEL_ALERT_STATUSES);
  });
  return resultOf({ name }, matches);
}
