/**
 * The analyses against the database: project the scope under the caller's clearance, run the set,
 * and record the run (AnalysisRun node and per-entity scores, in the partition of the caller's
 * clearance) so the API and reports can read it. A "what if" run stops before the record.
 */
import { deliverAlerts } from '../alerts/webhook.ts';
import type { Clearance } from '../auth/context.ts';
import type { EntityLabel } from '../schema/model.ts';
import { alertOnTypologies } from '../store/alert-typologies.ts';
import { writeAnalysisRun } from '../store/analysis-runs.ts';
import { type ProjectedGraph, type ProjectionScope, projectGraph } from '../store/projection.ts';
import type { Store } from '../store/store.ts';
import { runAnalyses } from './run-analyses.ts';
import type { AnalysisOptions, AnalysisResult } from './types.ts';

/** The kind of run `analyse` records. */
export const ANALYSE_KIND = 'analyse';

/** What analyseStore did. */
export interface StoredAnalysis {
  result: AnalysisResult;
  run: { id: string; written: number; replaced: string[] };
}

/** Runs the set on a projected graph: runAnalyses in this thread, or elsewhere (the API's worker). */
export type AnalysisRunner = (
  graph: ProjectedGraph,
  options: AnalysisOptions,
) => AnalysisResult | Promise<AnalysisResult>;

/** What to analyse, for whom, and how. */
export interface AnalyseRequest {
  scope: ProjectionScope;
  clearance: Clearance;
  createdBy: string;
  options?: AnalysisOptions;
  runner?: AnalysisRunner;
}

/** A projected graph and the result of the analyses on it, not yet recorded. */
export interface AnalysedProjection {
  graph: ProjectedGraph;
  result: AnalysisResult;
  startedAt: string;
}

/** Projects the scope under the caller's clearance and runs the set on it; `say` hears progress. */
export async function analyseProjection(
  store: Store,
  request: AnalyseRequest,
  say: (line: string) => void = () => {},
): Promise<AnalysedProjection> {
  const startedAt = new Date().toISOString();
  say('projecting the graph ...');
  const graph = await projectGraph(store, request.scope, request.clearance);
  say(`projected ${graph.order} entities and ${graph.size} links`);
  const options = request.options ?? {};
  const runner = request.runner ?? runAnalyses;
  const result = await runner(graph, {
    ...options,
    onProgress: (p) => {
      if (p.state === 'start') say(`[${p.index + 1}/${p.total}] ${p.step}`);
      options.onProgress?.(p);
    },
  });
  return { graph, result, startedAt };
}

/** Records an analysed projection as a run: its AnalysisRun node and its scores, in its clearance's partition. */
export async function recordAnalysis(
  store: Store,
  request: AnalyseRequest,
  { graph, result, startedAt }: AnalysedProjection,
): Promise<StoredAnalysis['run']> {
  const { entities, ...summary } = result;
  const { onProgress: _progress, rates: _rates, ...parameters } = request.options ?? {};
  const labelOf = (id: string) =>
    graph.hasNode(id) ? (graph.getNodeAttribute(id, 'entityType') as EntityLabel) : undefined;
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
    labelOf,
  });
  // Typology hits that touch watched entities alert; a failure here leaves the run recorded.
  const raised = await alertOnTypologies(store, result.money?.typologies ?? [], labelOf).catch(() => []);
  if (raised.length > 0) void deliverAlerts(store, raised).catch(() => {});
  return run;
}

/** Projects, analyses and records one run; `say` hears progress. */
export async function analyseStore(
  store: Store,
  request: AnalyseRequest,
  say: (line: string) => void = () => {},
): Promise<StoredAnalysis> {
  const analysed = await analyseProjection(store, request, say);
  return { result: analysed.result, run: await recordAnalysis(store, request, analysed) };
}
