/**
 * The analysis service's options; the JSON it returns (`ariadne analyse --json`, the API, the
 * report) is typed by its zod schema in server/schema/api/analysis-results.ts. Each field of the
 * result comes from one step; a step left out by `only` leaves its fields out.
 */
import type { CommunityMethod } from '../../analysis/communities/communities.ts';
import type { CrimeLinkOptions } from '../../analysis/findings/crime-links.ts';
import type { DisruptionStrategy } from '../../analysis/findings/disruption.ts';
import type { ExchangeRate } from '../../analysis/money/rates.ts';
import type { Period } from '../../analysis/findings/routes.ts';
import type { AnalysisName } from '../schema/api/analysis-results.ts';

export { ANALYSIS_NAMES, type AnalysisName } from '../schema/api/analysis-results.ts';

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
  /** Analysis currency and dated rates into it (default EUR and server/runner/rates.ts). */
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

export type {
  AnalysisResult,
  CellReport,
  CommunityReport,
  EntityScores,
  KeyPlayerReport,
  MoneyReport,
} from '../schema/api/analysis-results.ts';
