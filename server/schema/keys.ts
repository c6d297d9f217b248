/**
 * Natural keys: stable ids for records that arrive without one, so the same passport, boat or account
 * reported twice becomes one node. People never get an id from their name (two people can share one),
 * and payments and offences have no natural key at all.
 */
import { hash } from 'node:crypto';
import type { EntityLabel } from './model.ts';
import { accept, type Normalised, reject } from './normalise/result.ts';
import { foldName } from './normalise/text.ts';

/** The fields each label's natural key is built from (normalised before the key is derived). */
export const ENTITY_KEY_FIELDS: Readonly<Record<EntityLabel, readonly string[]>> = {
  Person: ['sourceRef'],
  Organisation: ['registrationNumber', 'country'],
  Document: ['kind', 'issuingCountry', 'number'],
  Vessel: ['imo', 'mmsi'],
  Vehicle: ['plate', 'country'],
  Account: ['iban', 'wallet', 'institution', 'number'],
  Payment: [],
  Communication: ['kind', 'identifier'],
  Location: ['kind', 'country', 'name'],
  Route: ['name'],
  Event: [],
  Offence: [],
  Case: ['name'],
  Source: ['reference'],
};

type Fields = Readonly<Record<string, unknown>>;
type KeyRule = (fields: Fields) => string | undefined;

function text(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function all(fields: Fields, keys: readonly string[]): string[] | undefined {
  const values = keys.map((key) => text(fields, key));
  return values.every((value) => value !== undefined) ? (values as string[]) : undefined;
}

function join(prefix: string, parts: string[] | undefined): string | undefined {
  return parts === undefined ? undefined : [prefix, ...parts].join(':');
}

const KEY_RULES: Readonly<Record<EntityLabel, readonly [KeyRule, string]>> = {
  Person: [
    (f) => join('person', all(f, ['sourceRef'])),
    'Person needs an id or sourceRef: two people can share a name',
  ],
  Organisation: [
    (f) => join('org', all(f, ['country', 'registrationNumber'])),
    'Organisation needs an id, or registrationNumber with country: organisations can share a name',
  ],
  Document: [
    (f) => join('doc', all(f, ['kind', 'issuingCountry', 'number'])),
    'Document needs an id, or kind, issuingCountry and number',
  ],
  Vessel: [
    (f) => join('imo', all(f, ['imo'])) ?? join('mmsi', all(f, ['mmsi'])),
    'Vessel needs an id, an imo or an mmsi: names are reused and changed',
  ],
  Vehicle: [(f) => join('plate', all(f, ['country', 'plate'])), 'Vehicle needs an id, or plate with country'],
  Account: [
    (f) =>
      join('iban', all(f, ['iban'])) ??
      join('wallet', all(f, ['wallet'])) ??
      join(
        'acct',
        all(f, ['institution', 'number'])?.map((part, index) => (index === 0 ? foldName(part) : part)),
      ),
    'Account needs an id, an iban, a wallet, or institution with number',
  ],
  Payment: [
    () => undefined,
    'Payment needs an id: two payments of the same amount on the same day are still two payments',
  ],
  Communication: [
    (f) => join('comm', all(f, ['kind', 'identifier'])),
    'Communication needs an id, or kind with identifier',
  ],
  Location: [
    (f) =>
      join(
        'loc',
        all(f, ['kind', 'country', 'name'])?.map((part, index) => (index === 2 ? foldName(part) : part)),
      ),
    'Location needs an id, or kind, country and name (places in different countries share names)',
  ],
  Route: [(f) => join('route', all(f, ['name'])?.map(foldName)), 'Route needs an id or a name'],
  Event: [() => undefined, 'Event needs an id: events have no natural key'],
  Offence: [() => undefined, 'Offence needs an id: offences have no natural key'],
  Case: [(f) => join('case', all(f, ['name'])?.map(foldName)), 'Case needs an id or a name'],
  Source: [(f) => join('src', all(f, ['reference'])), 'Source needs an id or a reference'],
};

/** Derives an entity's id from its natural key; expects normalised fields, as validateRecord passes them. */
export function deriveEntityId(record: { type: EntityLabel } & Fields): Normalised<string> {
  const [rule, missing] = KEY_RULES[record.type];
  const id = rule(record);
  return id === undefined ? reject(missing) : accept(id);
}

/** The fields a link id is derived from. */
export type LinkKey = {
  type: string;
  source: string;
  target: string;
  date?: string | undefined;
  role?: string | undefined;
  order?: number | undefined;
};

/** Derives a short stable link id from type, ends, and date, role and order where present: `l:<16 hex>`. */
export function deriveLinkId(link: LinkKey): string {
  let key = `${link.type}:${link.source}->${link.target}`;
  if (link.date !== undefined) key += `:${link.date}`;
  if (link.role !== undefined) key += `:${link.role}`;
  if (link.order !== undefined) key += `:${link.order}`;
  // normalize() makes the id one flat string: the joined slice kept the 40-digit digest and two string
  // headers alive with each link (80 bytes a link in a graph of files, where the id is not parsed again).
  return `l:${hash('sha1', key, 'hex').slice(0, 16)}`.normalize('NFC');
}
