/**
 * Shapes of the API's answers as the web app reads them. They follow the contract in server/schema
 * (entities, graph, auth); only the fields the app reads are named.
 */
import type { EntityLabel, HandlingCode, LinkType } from './vocabulary.ts';
import type { EntitySearchResult, EntitySummary, Suggestions } from '../../../server/schema/api/entities.ts';
import type { Path, PathLink } from '../../../server/schema/api/graph.ts';

export type { EntitySearchResult, EntitySummary, PathLink, Suggestions };

/** The signed-in user. */
export interface Viewer {
  username: string;
  role: 'viewer' | 'analyst' | 'admin' | 'auditor';
  clearance: HandlingCode[];
  agency: string | null;
}

interface Grading {
  grade: string | null;
  gradeScheme: 'europol' | 'uk' | 'admiralty' | null;
  handling: HandlingCode;
}

/** A Source entity behind a record. */
export interface SourceRef extends Grading {
  id: string;
  name: string | null;
  reference: string | null;
  agency: string | null;
  country: string | null;
  date: string | null;
}

export interface RelatedEntity extends Grading {
  linkId: string;
  id: string;
  type: EntityLabel;
  name: string | null;
}

export interface RelationGroup {
  type: LinkType;
  direction: 'out' | 'in';
  count: number;
  items: RelatedEntity[];
}

/** One entity with everything the details panel shows. */
export interface EntityDetail {
  id: string;
  type: EntityLabel;
  version: number;
  retracted: boolean;
  properties: Record<string, unknown>;
  sources: SourceRef[];
  relations: RelationGroup[];
}

/** Node attributes in a served subgraph. */
export interface NodeAttributes extends Grading {
  entityType: EntityLabel;
  name: string | null;
  sources: string[];
  firstSeen?: string | null;
  lastSeen?: string | null;
  retracted?: boolean;
  depth?: number;
  [key: string]: unknown;
}

/** Edge attributes in a served subgraph. */
export interface EdgeAttributes {
  linkType: LinkType;
  grade?: string | null;
  gradeScheme?: string | null;
  handling?: HandlingCode;
  sources?: string[];
  date?: string;
  amount?: number;
  weight?: number;
  [key: string]: unknown;
}

/** A subgraph in graphology's serialisation. */
export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: string; multi: boolean; allowSelfLoops: boolean };
  nodes: { key: string; attributes: NodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: EdgeAttributes }[];
}

/** One path of a path search: its entities, its edges, and each step's links. */
export type PathKeys = Path;
