/**
 * The analyses in a worker thread: the graph arrives serialised, the steps run here, progress and the
 * result go back as messages. The analyses are synchronous and take seconds on a real case; run on the
 * server's thread they would hold every other request (and time out their Neo4j reads) until done.
 */
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { parentPort, workerData } from 'node:worker_threads';
import type { EntityAttributes, LinkAttributes } from '../../../analysis/core/types.ts';
import { runAnalyses } from '../../runner/run-analyses.ts';
import type { AnalysisOptions } from '../../runner/types.ts';

const { graph: serialised, options } = workerData as {
  graph: SerializedGraph<EntityAttributes, LinkAttributes>;
  options: Omit<AnalysisOptions, 'onProgress'>;
};
const graph = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
graph.import(serialised);
const result = runAnalyses(graph, {
  ...options,
  onProgress: (progress) => parentPort?.postMessage({ progress }),
});
parentPort?.postMessage({ result });
