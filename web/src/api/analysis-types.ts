/**
 * The analyses' answers as the web panels read them (server/analyses/types.ts is the contract; the
 * web app may import types only from server/schema, so the fields it reads are restated here).
 */

export type AnalysisName =
  | 'communities'
  | 'centrality'
  | 'brokers'
  | 'disruption'
  | 'crime-links'
  | 'money'
  | 'documents'
  | 'routes'
  | 'vessels'
  | 'identity'
  | 'gaps';

export interface CommunityReport {
  id: number;
  size: number;
  members: string[];
  summary: {
    /** The community's name: its syndicate organisation, else its key members (server-side). */
    name: string;
    byEntityType: Record<string, number>;
    byRole: Record<string, number>;
    keyMembers: { id: string; name?: string; score: number }[];
    countries: Record<string, number>;
    crimeCategories: Record<string, number>;
    money: { payments: number };
  };
}

/** A cell: a community of the second level, inside the community `parent`. */
export interface CellReport extends CommunityReport {
  parent: number;
}

export interface KeyPlayer {
  id: string;
  rank: number;
  score: number;
  name?: string;
  roles: string[];
  community?: number;
}

export interface Broker {
  id: string;
  rank: number;
  betweenGroups: number;
  participation: number;
  communitiesReached: number;
}

export interface NetworkState {
  largestComponent: number;
  components: number;
  moneyPaths: number;
}

export interface Disruption {
  removed: { id: string; step: number; score: number | null }[];
  before: NetworkState;
  after: NetworkState;
  communitiesSplit: { id: number; pieces: number }[];
}

export interface GroupFlow {
  from: string;
  to: string;
  total: number;
  count: number;
  payments: string[];
}

export interface TypologyHit {
  kind: string;
  parties: string[];
  payments: string[];
  total: number;
  from: string;
  to: string;
}

export interface Hotspot {
  location: string;
  name?: string;
  journeys: number;
  routes: string[];
  syndicates: string[];
  events: number;
}

export interface DuplicateCandidate {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

/** The result of one analysis step; only that step's fields are present. */
export interface AnalysisResult {
  graph: { entities: number; links: number };
  modularity?: number;
  communities?: CommunityReport[];
  cells?: CellReport[];
  entities?: Record<string, { community?: number; betweenness?: number; pagerank?: number }>;
  keyPlayers?: KeyPlayer[];
  brokers?: Broker[];
  disruption?: Disruption;
  crimeLinks?: {
    categories: string[];
    communities: {
      community: number;
      links: { category: string; distance: number | null; pathCount: number }[];
    }[];
  };
  money?: {
    currency: string;
    transfers: number;
    total: number;
    flows: { communities: GroupFlow[]; countries: GroupFlow[] };
    typologies: TypologyHit[];
  };
  documents?: {
    shared: { document: string; people: string[] }[];
    compromised: { document: string; status: string; people: string[] }[];
    multipleIdentities: { person: string; kind: string; documents: string[]; holderNames: string[] }[];
  };
  routes?: { paths: { route: string; places: string[] }[]; hotspots: Hotspot[] };
  identityCandidates?: { persons: DuplicateCandidate[] };
}

/** An analysis answer: the result, and names and places it mentions. */
export interface AnalysisAnswer {
  result: AnalysisResult;
  names: Record<string, string>;
  places: Record<string, { name: string; lat: number; lon: number }>;
}
