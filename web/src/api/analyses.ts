/**
 * Analyses for the panels, through the runs API like any client: start a run of the steps a panel
 * needs (computed in the server's worker, over what the viewer may see), poll its status so the
 * panel can show the steps as they go, then read the parts it needs and the names they mention.
 */
import type {
  AnalysisName,
  AnalysisResult,
  ResultPartOf,
  RunLabels,
} from '../../../server/schema/api/analysis-results.ts';
import type { AnalysisRunStatus } from '../../../server/schema/api/analyses.ts';
import { getJson, postJson } from '../lib/http.ts';

export type {
  AnalysisName,
  CommunityReport,
  DuplicateCandidate,
  EntityScores,
  GroupFlow,
  TypologyHit,
} from '../../../server/schema/api/analysis-results.ts';

/** The parts a run served, merged: the size of what it ran over, and the fields of its steps. */
export type RunResult = Pick<AnalysisResult, 'graph'> & Partial<Omit<AnalysisResult, 'graph' | 'parameters'>>;

/** An analysis answer: the result, and the names and places it mentions. */
export interface AnalysisAnswer extends RunLabels {
  result: RunResult;
}

interface Started {
  id: string;
  location: string;
}

type RunStatus = Pick<AnalysisRunStatus, 'status' | 'progress' | 'error' | 'summary'>;

/** What a panel asks for beside the steps. */
export interface RunOptions {
  /** A "what if these are removed" run: computed and shown, never written back as scores. */
  remove?: string[];
  caseId?: string;
  /** Hears the steps done of the total, and the step under way (null when done). */
  onProgress?: (done: number, total: number, step: string | null) => void;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function finished(location: string, onProgress: RunOptions['onProgress']): Promise<RunStatus> {
  let wait = 150;
  for (;;) {
    const status = await getJson<RunStatus>(location);
    if (status.status !== 'running') return status;
    onProgress?.(status.progress.done, status.progress.total, status.progress.step);
    await pause(wait);
    wait = Math.min(wait * 1.5, 1_000);
  }
}

/** Runs analyses as one run and merges the parts they fill, with the names and places they mention. */
export async function runAnalyses(names: AnalysisName[], options: RunOptions = {}): Promise<AnalysisAnswer> {
  const started = await postJson<Started>('/api/analyses/runs', {
    only: names,
    ...(options.caseId ? { case: options.caseId } : {}),
    ...(options.remove ? { remove: options.remove } : {}),
  });
  const status = await finished(started.location, options.onProgress);
  if (status.status === 'failed')
    throw new Error(`The analysis failed: ${status.error?.title ?? 'no reason given'}`);
  options.onProgress?.(status.progress.total, status.progress.total, null);
  const [labels, ...parts] = await Promise.all([
    getJson<RunLabels>(`${started.location}/results/labels`),
    ...names.map((name) => getJson<ResultPartOf<typeof name>>(`${started.location}/results/${name}`)),
  ]);
  const result: RunResult = { graph: status.summary?.graph ?? { entities: 0, links: 0 } };
  for (const part of parts) Object.assign(result, part);
  return { result, names: labels.names, places: labels.places };
}
