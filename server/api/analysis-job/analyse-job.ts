/**
 * An analysis run for the API: the same three stages as analyseStore (project under the caller's
 * clearance, analyse, record the AnalysisRun and per-entity scores, replacing the previous run of the
 * same scope), with the analysis in a worker thread so the server keeps answering while it runs.
 */
import type { Clearance } from '../../auth/context.ts';
import { ANALYSE_KIND } from '../../analyses/analyse-store.ts';
import type { AnalysisOptions, AnalysisResult, StepProgress } from '../../analyses/types.ts';
import { writeAnalysisRun } from '../../store/analysis-runs.ts';
import { type ProjectionScope, projectGraph } from '../../store/projection.ts';
import type { Store } from '../../store/store.ts';
import { runAnalysesInWorker } from './run-in-worker.ts';

/** What to run, for whom. */
export interface AnalyseJobRequest {
  scope: ProjectionScope;
  clearance: Clearance;
  createdBy: string;
  options: Omit<AnalysisOptions, 'onProgress'>;
}

/** Projects, analyses (off-thread) and records one run; returns the result and the recorded run id. */
export async function analyseJob(
  store: Store,
  request: AnalyseJobRequest,
  onProgress: (progress: StepProgress) => void,
): Promise<{ result: AnalysisResult; runId: string }> {
  const startedAt = new Date().toISOString();
  const graph = await projectGraph(store, request.scope, request.clearance);
  const result = await runAnalysesInWorker(graph, request.options, onProgress);
  const { entities, ...summary } = result;
  const { rates: _rates, ...parameters } = request.options;
  const run = await writeAnalysisRun(store, {
    kind: ANALYSE_KIND,
    parameters: { ...parameters, ...result.parameters },
    scope: { ...request.scope },
    clearance: request.clearance,
    startedAt,
    finishedAt: new Date().toISOString(),
    counts: {
      entities: graph.order,
      links: graph.size,
      communities: result.communities?.length ?? 0,
      typologies: result.money?.typologies.length ?? 0,
    },
    createdBy: request.createdBy,
    summary,
    entities,
    labelOf: (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'entityType') : undefined),
  });
  return { result, runId: run.id };
}
