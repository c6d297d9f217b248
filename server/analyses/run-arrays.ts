/**
 * runAnalyses for case arrays (analysis/case-arrays.ts), for the steps that can run on them:
 * communities, by Louvain on the projection computed straight into a CSR and profiled through the
 * arrays' read-only view (case-arrays-profiles.ts). The result is runAnalyses' own, field for field; a run asking for any
 * other step goes through runAnalyses on a graphology graph instead.
 */
import { projectCaseArrays } from '../../analysis/case-arrays-projection.ts';
import type { CaseArrays } from '../../analysis/case-arrays.ts';
import { profileCaseArrays } from '../../analysis/case-arrays-profiles.ts';
import { type CommunityMethod, detectCommunitiesInCsr } from '../../analysis/communities.ts';
import { parametersOf, planSteps } from './run-analyses.ts';
import { withSummaries } from './structure.ts';
import { type AnalysisName, type AnalysisOptions, type AnalysisResult, DEFAULTS } from './types.ts';

/** The steps that run on case arrays. */
export const ARRAY_STEPS: readonly AnalysisName[] = ['communities'];

/** Whether every step of a run (as planSteps plans it) runs on case arrays. */
export function runsOnArrays(only?: readonly AnalysisName[]): boolean {
  return planSteps(only).every((step) => ARRAY_STEPS.includes(step));
}

/** Runs the steps of `options.only` (which must all be ARRAY_STEPS) on case arrays. */
export function runAnalysesOnArrays(arrays: CaseArrays, options: AnalysisOptions = {}): AnalysisResult {
  const o = { ...DEFAULTS, ...options };
  const steps = planSteps(options.only);
  const other = steps.find((step) => !ARRAY_STEPS.includes(step));
  if (other !== undefined)
    throw new RangeError(`${other} does not run on case arrays: run it with runAnalyses on a graph`);
  const result: AnalysisResult = {
    graph: { entities: arrays.nodes.length, links: arrays.sources.length },
    parameters: parametersOf(steps, o),
    entities: {},
  };
  steps.forEach((step, index) => {
    options.onProgress?.({ step, index, total: steps.length, state: 'start' });
    const detected = detectInArrays(arrays, o);
    const communities = withSummaries(detected.communities, profileCaseArrays(arrays, detected));
    const cellList = detected.cells?.cells ?? [];
    const cells = withSummaries(cellList, profileCaseArrays(arrays, { ...detected, communities: cellList }));
    // for...in lists own keys in Object.entries' order, without a pair per entity.
    const { membership } = detected;
    const cellOf = detected.cells?.membership ?? {};
    for (const id in membership)
      result.entities[id] = { community: membership[id] as number, cell: cellOf[id] as number };
    Object.assign(result, {
      modularity: detected.modularity,
      communities,
      cells,
      unassigned: detected.unassigned,
    });
    options.onProgress?.({ step, index, total: steps.length, state: 'done' });
  });
  return result;
}

// Louvain on the projection, whose CSR is let go as soon as the communities are known: the profiles
// and the result of millions of links need the room.
function detectInArrays(
  arrays: CaseArrays,
  o: { method: CommunityMethod; resolution: number; seed: number },
) {
  const { method, resolution, seed } = o;
  return detectCommunitiesInCsr(projectCaseArrays(arrays), { method, resolution, seed, cells: true });
}
