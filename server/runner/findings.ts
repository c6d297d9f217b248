/**
 * The finding steps, each a thin call into analysis/: links to other crime per community, documents,
 * routes and hotspots (with the changes between two periods when asked), vessels, identity
 * candidates and intelligence gaps.
 */
import { type CrimeLinkOptions, linkCommunitiesToCrimes } from '../../analysis/findings/crime-links.ts';
import { analyseDocuments } from '../../analysis/findings/documents.ts';
import { findIntelligenceGaps } from '../../analysis/findings/gaps.ts';
import { findDuplicateCandidates } from '../../analysis/findings/identity.ts';
import { compareRoutes, findHotspots, type Period, routePaths } from '../../analysis/findings/routes.ts';
import type { CaseGraph } from '../../analysis/core/types.ts';
import { analyseVessels } from '../../analysis/findings/vessels.ts';
import type { AnalysisName, AnalysisResult } from './types.ts';

/** The community x crime category matrix, with evidence paths and their grades. */
export function runCrimeLinks(
  graph: CaseGraph,
  membership: Readonly<Record<string, number>>,
  options: CrimeLinkOptions = {},
): NonNullable<AnalysisResult['crimeLinks']> {
  const communities = linkCommunitiesToCrimes(graph, membership, options).map(({ community, links }) => ({
    community,
    // A category the community never reaches is an empty cell: left out to keep the matrix readable.
    links: links.filter((link) => link.distance !== null),
  }));
  const categories = [...new Set(communities.flatMap((c) => c.links.map((l) => l.category)))].sort();
  return { categories, communities };
}

/** Route paths, hotspots, and the changes between two periods when given. */
export function runRoutes(
  graph: CaseGraph,
  periods?: { before: Period; after: Period },
): NonNullable<AnalysisResult['routes']> {
  return {
    paths: routePaths(graph),
    hotspots: findHotspots(graph),
    ...(periods ? { changes: compareRoutes(graph, periods) } : {}),
  };
}

/** The steps that need nothing but the graph, by name. */
export const FINDINGS: Partial<Record<AnalysisName, (graph: CaseGraph) => Partial<AnalysisResult>>> = {
  documents: (graph) => ({ documents: analyseDocuments(graph) }),
  vessels: (graph) => ({ vessels: analyseVessels(graph) }),
  identity: (graph) => ({ identityCandidates: findDuplicateCandidates(graph) }),
  gaps: (graph) => ({ gaps: findIntelligenceGaps(graph) }),
};
