/**
 * The model's vocabulary as the web app needs it at run time. The web app imports only types from
 * server/schema, so the lists are restated here and checked against those types by the compiler.
 */
import type { CrimeCategory, EntityLabel, HandlingCode, LinkType } from '../../../server/schema/model.ts';

export type { CrimeCategory, EntityLabel, HandlingCode, LinkType };

/** Entity types in the order the legend and filters list them. */
export const ENTITY_TYPES = [
  'Person',
  'Organisation',
  'Document',
  'Vessel',
  'Vehicle',
  'Account',
  'Payment',
  'Communication',
  'Location',
  'Route',
  'Event',
  'Offence',
  'Case',
  'Source',
] as const satisfies readonly EntityLabel[];

/** Link types. */
export const LINK_TYPES = [
  'ASSOCIATE_OF',
  'FAMILY_OF',
  'MEMBER_OF',
  'LEADS',
  'EMPLOYED_BY',
  'HOLDS',
  'USED',
  'OWNS',
  'OPERATES',
  'CREWED',
  'HOLDS_ACCOUNT',
  'PAID',
  'RECEIVED',
  'CONTACTED',
  'SMUGGLED',
  'TRAVELLED',
  'ROUTE_LEG',
  'LOCATED_IN',
  'BASED_IN',
  'INVOLVED_IN',
  'SUSPECTED_OF',
  'CONVICTED_OF',
  'PART_OF',
  'REPORTED_IN',
  'SAME_AS',
] as const satisfies readonly LinkType[];

/** The controlled crime taxonomy. */
export const CRIME_CATEGORIES = [
  'migrant smuggling',
  'trafficking in human beings',
  'money laundering',
  'terrorism',
  'drug trafficking',
  'document fraud',
  'corruption',
  'firearms',
  'cybercrime',
  'child exploitation',
  'violence',
] as const satisfies readonly CrimeCategory[];

/** EU handling codes, least to most restrictive. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const satisfies readonly HandlingCode[];

/** Source reliability values across the schemes (Europol A-C, X; Admiralty A-F; UK 1-3). */
export const SOURCE_VALUES = ['A', 'B', 'C', 'D', 'E', 'F', 'X', '1', '2', '3'] as const;

/** The source reliability value of a grade: its first character in every scheme. */
export function sourceValueOf(grade: string | null | undefined): string | null {
  return grade ? grade.charAt(0).toUpperCase() : null;
}
