/**
 * Analyses for the panels, through the runs API like any client: start a run of the steps a panel
 * needs (computed in the server's worker, over what the viewer may see), poll its status so the
 * panel can show the steps as they go, then read the parts it needs and the names they mention.
 */
import { getJson, postJson } from '../lib/http.ts';
import type { AnalysisAnswer, AnalysisName, AnalysisResult } from './analysis-types.ts';

interface Started {
  id: string;
  location: string;
}

interface RunStatus {
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number; step: string | null };
  error: { title: string } | null;
  summary?: { graph?: AnalysisResult['graph'] } | null;
}

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
    getJson<Pick<AnalysisAnswer, 'names' | 'places'>>(`${started.location}/results/labels`),
    ...names.map((name) => getJson<Partial<AnalysisResult>>(`${started.location}/results/${name}`)),
  ]);
  const result: AnalysisResult = { graph: status.summary?.graph ?? { entities: 0, links: 0 } };
  for (const part of parts) Object.assign(result, part);
  return { result, names: labels.names, places: labels.places };
}
