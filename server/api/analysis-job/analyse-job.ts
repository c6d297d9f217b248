/**
 * An analysis run for the API: the caller's projection analysed in a worker thread, so the server
 * keeps answering while it runs, then recorded (AnalysisRun and per-entity scores in the partition of
 * the caller's clearance, replacing the previous run of the same scope and clearance). A "what if
 * these are removed" run is computed and shown, never recorded: its scores describe a network that is
 * not the one in the database.
 */
import type { Clearance } from '../../auth/context.ts';
import { analyseProjection, recordAnalysis } from '../../runner/analyse-store.ts';
import type { AnalysisOptions, AnalysisResult, StepProgress } from '../../runner/types.ts';
import type { ProjectionScope } from '../../store/projection.ts';
import type { Store } from '../../store/store.ts';
import { labelsOf, type RunLabels } from './labels.ts';
import { runAnalysesInWorker } from './run-in-worker.ts';

/** What to run, for whom. */
export interface AnalyseJobRequest {
  scope: ProjectionScope;
  clearance: Clearance;
  createdBy: string;
  options: Omit<AnalysisOptions, 'onProgress'>;
  /** Entities to remove in a "what if" run; ids the caller may not see are ignored like missing ones. */
  remove?: readonly string[] | undefined;
}

/** What a run gives: the result, the recorded run's id (null for a "what if"), and its labels. */
export interface AnalyseJobOutcome {
  result: AnalysisResult;
  runId: string | null;
  labels: RunLabels;
}

/** Projects, analyses (off-thread) and, unless it is a "what if", records one run. */
export async function analyseJob(
  store: Store,
  request: AnalyseJobRequest,
  onProgress: (progress: StepProgress) => void,
): Promise<AnalyseJobOutcome> {
  const { remove } = request;
  const analysed = await analyseProjection(store, {
    ...request,
    options: { ...request.options, onProgress },
    runner: (graph, { onProgress: progress, ...options }) => {
      // Only what the projection holds: a hidden id and a missing one are both absent from it.
      const given = remove?.filter((id) => graph.hasNode(id));
      const disruption = given ? { ...options.disruption, remove: given } : options.disruption;
      return runAnalysesInWorker(
        graph,
        { ...options, ...(disruption ? { disruption } : {}) },
        progress ?? onProgress,
      );
    },
  });
  const { entities: _scores, ...shown } = analysed.result;
  const labels = labelsOf(analysed.graph, shown);
  if (remove !== undefined) return { result: analysed.result, runId: null, labels };
  const run = await recordAnalysis(store, request, analysed);
  return { result: analysed.result, runId: run.id, labels };
}
