/** Running analyses one step at a time, so panels can show progress between steps. */
import { getJson, queryString } from '../lib/http.ts';
import type { AnalysisAnswer, AnalysisName } from './analysis-types.ts';

/** Runs one analysis over what the viewer may see. */
export function runAnalysis(name: AnalysisName, options: { remove?: string[]; caseId?: string } = {}) {
  return getJson<AnalysisAnswer>(
    `/api/web/analyses/${name}${queryString({ case: options.caseId, remove: options.remove })}`,
  );
}

/** Runs several analyses in turn, reporting each step, and merges their answers. */
export async function runAnalysesStepwise(
  names: AnalysisName[],
  onStep: (index: number, total: number, name: AnalysisName) => void,
): Promise<AnalysisAnswer> {
  const merged: AnalysisAnswer = { result: { graph: { entities: 0, links: 0 } }, names: {}, places: {} };
  for (const [index, name] of names.entries()) {
    onStep(index, names.length, name);
    const answer = await runAnalysis(name);
    // Each step scores entities in its own way (community, betweenness...): keep every score.
    const entities = { ...merged.result.entities };
    for (const [id, scores] of Object.entries(answer.result.entities ?? {}))
      entities[id] = { ...entities[id], ...scores };
    Object.assign(merged.result, answer.result, { entities });
    Object.assign(merged.names, answer.names);
    Object.assign(merged.places, answer.places);
  }
  onStep(names.length, names.length, names[names.length - 1] as AnalysisName);
  return merged;
}
