/** Runs the analyses on a projected graph in a worker thread, reporting each step as it starts. */
import { Worker } from 'node:worker_threads';
import type { AnalysisOptions, AnalysisResult, StepProgress } from '../../runner/types.ts';
import type { ProjectedGraph } from '../../store/projection.ts';

const WORKER = new URL('./worker-entry.mjs', import.meta.url);

/** The result of runAnalyses(graph, options), computed off the server's thread. */
export function runAnalysesInWorker(
  graph: ProjectedGraph,
  options: Omit<AnalysisOptions, 'onProgress'>,
  onProgress: (progress: StepProgress) => void,
): Promise<AnalysisResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { graph: graph.export(), options } });
    let result: AnalysisResult | undefined;
    worker.on('message', (message: { progress?: StepProgress; result?: AnalysisResult }) => {
      if (message.progress) onProgress(message.progress);
      if (message.result) result = message.result;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`the analysis worker stopped (exit code ${code}) without a result`));
    });
  });
}
