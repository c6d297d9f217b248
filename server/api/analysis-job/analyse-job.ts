/**
 * An analysis run for the API: analyseStore (project under the caller's clearance, analyse, record the
 * AnalysisRun and per-entity scores, replacing the previous run of the same scope), with the analysis
 * in a worker thread so the server keeps answering while it runs.
 */
import type { Clearance } from '../../auth/context.ts';
import { analyseStore } from '../../analyses/analyse-store.ts';
import type { AnalysisOptions, AnalysisResult, StepProgress } from '../../analyses/types.ts';
import type { ProjectionScope } from '../../store/projection.ts';
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
  const { result, run } = await analyseStore(store, {
    ...request,
    options: { ...request.options, onProgress },
    runner: (graph, { onProgress: progress, ...options }) =>
      runAnalysesInWorker(graph, options, progress ?? onProgress),
  });
  return { result, runId: run.id };
}
