/** What the store indexes: lookup keys per label and the properties of the full-text index. */
import type { EntityLabel } from './model.ts';

/** Per label, the properties that deserve an index because records are looked up or matched by them. */
export const ENTITY_LOOKUP_KEYS: Readonly<Record<EntityLabel, readonly string[]>> = {
  Person: ['sourceRef', 'birthDate'],
  Organisation: [],
  Document: ['number'],
  Vessel: ['imo', 'mmsi', 'name'],
  Vehicle: ['plate'],
  Account: ['iban', 'wallet', 'number'],
  Payment: ['date'],
  Communication: ['identifier'],
  Location: ['country'],
  Route: [],
  Event: [],
  Offence: ['category'],
  Case: [],
  Source: [],
};

/**
 * The properties searched by the full-text index: names and the identifiers analysts type in, and
 * the phonetic keys of the names (`nameKeys`, kept by the store) that find other romanisations.
 */
export const FULLTEXT_PROPERTIES = [
  'name',
  'aliases',
  'number',
  'imo',
  'mmsi',
  'iban',
  'wallet',
  'identifier',
  'plate',
  'holderName',
  'reference',
  'nameKeys',
] as const;
