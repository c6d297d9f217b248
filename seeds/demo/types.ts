/**
 * The shapes the demo generator produces: Ariadne NDJSON records and the ground truth planted in them.
 */
import type { EntityLabel, GradingScheme, HandlingCode, LinkType } from '../../server/schema/model.ts';

/** Scalar or list values a record property may hold. */
export type PropertyValue = string | number | boolean | string[];

/** The provenance block carried by every entity and link. */
export interface Provenance {
  sources: string[];
  grade: string;
  gradeScheme: GradingScheme;
  handling: HandlingCode;
  handlingCondition?: string;
  restrictedTo?: string[];
  firstSeen?: string;
  lastSeen?: string;
}

/**
 * One entity line of Ariadne NDJSON. `kind` is "entity", except for the types with a `kind` field of
 * their own (Organisation, Document, Account, Communication, Location, Event), where it holds that field
 * and the record kind follows from the type, as the NDJSON reader expects.
 */
export interface EntityRecord extends Provenance {
  kind: string;
  type: EntityLabel;
  id: string;
  name: string;
  [property: string]: PropertyValue | undefined;
}

/** One link line of Ariadne NDJSON. */
export interface LinkRecord extends Provenance {
  kind: 'link';
  type: LinkType;
  id: string;
  source: string;
  target: string;
  [property: string]: PropertyValue | undefined;
}

/** Any line of Ariadne NDJSON. */
export type DemoRecord = EntityRecord | LinkRecord;

/** Whether a record is a link (links never carry a `kind` of their own). */
export function isLinkRecord(record: DemoRecord): record is LinkRecord {
  return record.kind === 'link';
}

/** The money-laundering and hawala patterns planted in the payments. */
export type TypologyKind =
  | 'cycle'
  | 'fan-in'
  | 'fan-out'
  | 'stack'
  | 'structuring'
  | 'pass-through'
  | 'hawala-offsetting';

/** One planted typology: who takes part (payers and payees) and which Payment ids make it up. */
export interface PlantedTypology {
  kind: TypologyKind;
  parties: string[];
  payments: string[];
  notes: string;
}

/** A syndicate as planted: its organisation, leaders, routes and region. */
export interface SyndicateTruth {
  key: string;
  name: string;
  region: string;
  organisationId: string;
  leaderIds: string[];
  routeIds: string[];
  facilitatorCount: number;
}

/** What a planted cell does for its syndicate. */
export type CellKind = 'leadership' | 'recruitment' | 'crossing' | 'papers' | 'money' | 'shelter';

/** A planted cell: a small group inside one syndicate that works together. */
export interface CellTruth {
  /** `<syndicate>/<kind>-<n>`, e.g. `cm/recruitment-2`. */
  key: string;
  /** The syndicate's key. */
  syndicate: string;
  kind: CellKind;
  /** Person ids, each in exactly one planted cell. */
  members: string[];
}

/** How the routes change between 2024 and 2025. */
export interface RouteDynamics {
  /** Routes with no activity before 2025. */
  appears: string[];
  /** Routes active until 2024 and silent in 2025. */
  fades: string[];
  /** A syndicate that moved its departure point: the route it left and the one it took up. */
  shifts: {
    syndicate: string;
    fromRouteId: string;
    toRouteId: string;
    fromLocationId: string;
    toLocationId: string;
  }[];
}

/** Everything planted in the demo case, for tests and analyses to check against. Never ingested. */
export interface GroundTruth {
  seed: number;
  scale: number;
  /** personId -> syndicate key, for every facilitator (not smuggled persons or relatives). */
  facilitators: Record<string, string>;
  syndicates: SyndicateTruth[];
  /** The cells planted inside each syndicate; every facilitator is in one. */
  cells: CellTruth[];
  typologies: PlantedTypology[];
  reusedDocuments: { documentId: string; users: string[] }[];
  terrorism: { brokerId: string; organisationId: string; offenceId: string; paymentIds: string[] };
  /** The Location with the most crossing events LOCATED_IN it. */
  busiestHotspot: string;
  crossingsByLocation: Record<string, number>;
  restrictedEntityId: string;
  sharedFacilitators: { personId: string; syndicates: string[] }[];
  corruptOfficials: string[];
  renamedVessels: { vesselId: string; name: string; pastNames: string[]; pastFlags: string[] }[];
  routeDynamics: RouteDynamics;
  caseId: string;
  counts: {
    entities: Record<string, number>;
    links: Record<string, number>;
    totalEntities: number;
    totalLinks: number;
  };
}
