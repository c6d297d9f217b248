/**
 * The parts of an analysis run's result that `GET /api/analyses/runs/{id}/results/{part}` serves,
 * each the fields one or two steps wrote (and the labels of what they mention), and the summary the
 * run's status carries.
 */
import { z } from 'zod';
import type { AnalysisName, AnalysisResult } from '../../runner/types.ts';
import {
  RESULT_PART_SCHEMAS,
  type ResultPartOf,
  type RunSummary,
  RunLabelsSchema,
} from '../../schema/api/analysis-results.ts';

/** The result parts, and the step whose fields each one holds. */
export const RESULT_PARTS = {
  communities: 'communities',
  brokers: 'brokers',
  centrality: 'centrality',
  disruption: 'disruption',
  'crime-links': 'crime-links',
  money: 'money',
  documents: 'documents',
  routes: 'routes',
  vessels: 'vessels',
  identity: 'identity',
  gaps: 'gaps',
} as const satisfies Record<string, AnalysisName>;
export type ResultPart = keyof typeof RESULT_PARTS;

/** Every part a run serves: the result parts, and `labels` (names and places of what they mention). */
export const PART_NAMES: [ResultPart | 'labels', ...(ResultPart | 'labels')[]] = [
  'labels',
  ...(Object.keys(RESULT_PARTS) as ResultPart[]),
];

/** What the part route answers: one of the parts, or the labels. */
export const PartAnswerSchema = z
  .union([RunLabelsSchema, ...Object.values(RESULT_PART_SCHEMAS)])
  .meta({ description: 'The part named in the path: its schema is the one named after it' });

/** The fields of a result that make up a part. */
export function partOf<P extends ResultPart>(result: AnalysisResult, part: P): ResultPartOf<P>;
export function partOf(result: AnalysisResult, part: ResultPart): ResultPartOf<ResultPart> {
  switch (part) {
    case 'communities':
      return {
        modularity: result.modularity,
        communities: result.communities,
        cells: result.cells,
        unassigned: result.unassigned,
      };
    case 'brokers':
      return { keyPlayers: result.keyPlayers, brokers: result.brokers, cutPoints: result.cutPoints };
    case 'centrality':
      return { keyPlayers: result.keyPlayers, entities: result.entities };
    case 'disruption':
      return { disruption: result.disruption };
    case 'crime-links':
      return { crimeLinks: result.crimeLinks };
    case 'money':
      return { money: result.money };
    case 'documents':
      return { documents: result.documents };
    case 'routes':
      return { routes: result.routes };
    case 'vessels':
      return { vessels: result.vessels };
    case 'identity':
      return { identityCandidates: result.identityCandidates };
    case 'gaps':
      return { gaps: result.gaps };
  }
}

/** The headline figures of a finished run. */
export function summaryOf(result: AnalysisResult): Omit<RunSummary, 'runId' | 'whatIf'> {
  return {
    graph: result.graph,
    parameters: result.parameters,
    modularity: result.modularity ?? null,
    communities: result.communities?.length ?? null,
    keyPlayers:
      result.keyPlayers?.slice(0, 5).map((p) => ({ id: p.id, name: p.name ?? null, rank: p.rank })) ?? null,
    brokers: result.brokers?.length ?? null,
    typologies: result.money?.typologies.length ?? null,
    transfers: result.money?.transfers ?? null,
    crimeCategories: result.crimeLinks?.categories ?? null,
    hotspots: result.routes?.hotspots.length ?? null,
    identityCandidates: result.identityCandidates?.persons.length ?? null,
  };
}
