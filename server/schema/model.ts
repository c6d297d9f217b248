/**
 * The vocabulary of the model (DESIGN.md): entity labels, relationship types and controlled values.
 * Every label, type and enum the store may put into Cypher comes from these lists, never from input.
 */

/** Entity labels: the node labels analysts work with. */
export const ENTITY_LABELS = [
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
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/**
 * Labels the platform keeps for itself (imports, analysis runs, users, failed sign-ins under names no
 * user holds, sessions, audit, idempotency keys, identity decisions, analysts' notes and saved views,
 * watches, their match keys and alerts).
 */
export const SYSTEM_LABELS = [
  'Import',
  'AnalysisRun',
  'User',
  'LoginThrottle',
  'AuditEvent',
  'Session',
  'IdempotencyRecord',
  'IdentityDecision',
  'Note',
  'SavedView',
  'Watch',
  'WatchKey',
  'Alert',
] as const;
export type SystemLabel = (typeof SYSTEM_LABELS)[number];

/** Relationship types, UPPER_SNAKE, each declared once. */
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
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Person roles. `smuggled person` and `witness` mark people who are never ranked as key players. */
export const PERSON_ROLES = [
  'organiser',
  'recruiter',
  'transporter',
  'boat pilot',
  'guide',
  'forger',
  'money broker',
  'corrupt official',
  'safe-house keeper',
  'online advertiser',
  'smuggled person',
  'witness',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Roles of people the model protects: smuggled persons are victims or witnesses, not suspects. */
export const PROTECTED_ROLES: readonly PersonRole[] = ['smuggled person', 'witness'];

/** The controlled crime taxonomy for Offence.category. */
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
] as const;
export type CrimeCategory = (typeof CRIME_CATEGORIES)[number];

/** EU handling codes, least to most restrictive. */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

/** Grading schemes; a grade always stays in its own scheme. */
export const GRADING_SCHEMES = ['europol', 'uk', 'admiralty'] as const;
export type GradingScheme = (typeof GRADING_SCHEMES)[number];
