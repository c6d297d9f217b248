/**
 * The analysis service's options and the JSON it returns (`ariadne analyse --json`, the API, the
 * report). Each field of the result comes from one step; a step left out by `only` leaves its
 * fields out.
 */
import type { Broker } from '../../analysis/brokers.ts';
import type { CommunityMethod } from '../../analysis/communities.ts';
import type { CommunitySummary } from '../../analysis/community-summary.ts';
import type { CrimeLink, CrimeLinkOptions } from '../../analysis/crime-links.ts';
import type { CutPoint } from '../../analysis/cut-points.ts';
import type { DisruptionResult, DisruptionStrategy } from '../../analysis/disruption.ts';
import type { DocumentAnalysis } from '../../analysis/documents.ts';
import type { IntelligenceGaps } from '../../analysis/gaps.ts';
import type { IdentityResult } from '../../analysis/identity.ts';
import type { KeyPlayer } from '../../analysis/key-players.ts';
import type { GroupFlow } from '../../analysis/money/flows.ts';
import type { ExchangeRate } from '../../analysis/money/rates.ts';
import type { TypologyHit } from '../../analysis/money/types.ts';
import type { Hotspot, Period, RouteComparison, RoutePath } from '../../analysis/routes.ts';
import type { VesselAnalysis } from '../../analysis/vessels.ts';

/** The analyses of the set, in the order they run. */
export const ANALYSIS_NAMES = [
  'communities',
  'centrality',
  'brokers',
  'disruption',
  'crime-links',
  'money',
  'documents',
  'routes',
  'vessels',
  'identity',
  'gaps',
] as const;
export type AnalysisName = (typeof ANALYSIS_NAMES)[number];

/** Steps whose results need the communities (which then run too). */
export const NEEDS_COMMUNITIES: readonly AnalysisName[] = ['brokers', 'disruption', 'crime-links', 'money'];

/** Progress of a run: a step starting or done. */
export interface StepProgress {
  step: AnalysisName;
  index: number;
  total: number;
  state: 'start' | 'done';
}

/** Options of runAnalyses. */
export interface AnalysisOptions {
  only?: readonly AnalysisName[];
  /** Community detection: leiden (default) or louvain. */
  method?: CommunityMethod;
  /** Modularity resolution of community detection (default 1). */
  resolution?: number;
  /** Seed of Louvain and of sampled betweenness (default 1). */
  seed?: number;
  /** Length of the key player, broker and cut point lists (default 10). */
  limit?: number;
  /** Harmonic closeness is computed up to this many nodes (default 5,000; it costs a search per node). */
  closenessMaxNodes?: number;
  disruption?: { strategy?: DisruptionStrategy; k?: number; remove?: string[] };
  crimeLinks?: CrimeLinkOptions;
  /** Analysis currency and dated rates into it (default EUR and server/analyses/rates.ts). */
  currency?: string;
  rates?: readonly ExchangeRate[];
  /** Two periods to compare routes between. */
  periods?: { before: Period; after: Period };
  onProgress?: (progress: StepProgress) => void;
}

/** Defaults of runAnalyses. */
export const DEFAULTS = {
  method: 'leiden' as CommunityMethod,
  resolution: 1,
  seed: 1,
  limit: 10,
  closenessMaxNodes: 5_000,
  currency: 'EUR',
  disruption: { strategy: 'betweenness' as DisruptionStrategy, k: 3 },
};

/** The scores of one entity. */
export interface EntityScores {
  community?: number;
  /** The cell (inside the community) the entity belongs to. */
  cell?: number;
  degree?: number;
  weightedDegree?: number;
  betweenness?: number;
  pagerank?: number;
  eigenvector?: number;
  closeness?: number;
}

/** One community, its members and its profile. */
export interface CommunityReport {
  id: number;
  size: number;
  contribution: number;
  members: string[];
  summary: Omit<CommunitySummary, 'id' | 'size' | 'contribution'>;
}

/** One cell: a community of the second level, inside the community `parent`. */
export interface CellReport extends CommunityReport {
  parent: number;
}

/** A key player with the scores behind the ranking. */
export interface KeyPlayerReport extends KeyPlayer {
  community?: number | undefined;
  degree: number;
  pagerank: number;
}

/** What the money step finds. */
export interface MoneyReport {
  currency: string;
  transfers: number;
  total: number;
  incomplete: { payment: string; reason: string }[];
  unconverted: { payment: string; currency: string; date: string; reason: string }[];
  flows: { communities: GroupFlow[]; countries: GroupFlow[] };
  typologies: TypologyHit[];
}

/** The JSON of a run. */
export interface AnalysisResult {
  graph: { entities: number; links: number };
  parameters: {
    only: AnalysisName[];
    method: CommunityMethod;
    resolution: number;
    seed: number;
    limit: number;
    currency: string;
  };
  modularity?: number;
  communities?: CommunityReport[];
  /** Cells inside the communities (syndicate -> cell). */
  cells?: CellReport[];
  unassigned?: string[];
  entities: Record<string, EntityScores>;
  keyPlayers?: KeyPlayerReport[];
  brokers?: Broker[];
  cutPoints?: CutPoint[];
  disruption?: DisruptionResult;
  crimeLinks?: { categories: string[]; communities: { community: number; links: CrimeLink[] }[] };
  money?: MoneyReport;
  documents?: DocumentAnalysis;
  routes?: { paths: RoutePath[]; hotspots: Hotspot[]; changes?: RouteComparison };
  vessels?: VesselAnalysis;
  identityCandidates?: IdentityResult;
  gaps?: IntelligenceGaps;
}
