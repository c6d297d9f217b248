/**
 * `/api/web/analyses/{name}`: one analysis of the set (server/analyses) over the part of the graph the
 * viewer may see, for the web app's panels, which run the steps one by one to show progress. The
 * answer adds the names (and, for places, coordinates) of the entities the result mentions, so a
 * panel can label them without loading them. Read-only: nothing is recorded.
 */
import { Router } from 'express';
import { z } from 'zod';
import { clearanceOf } from '../../auth/context.ts';
import { ANALYSE } from '../../auth/roles.ts';
import { ANALYSIS_NAMES, type AnalysisResult } from '../../analyses/types.ts';
import { runAnalyses } from '../../analyses/run-analyses.ts';
import { IdParam } from '../../schema/api/entities.ts';
import { type ProjectedGraph, projectGraph } from '../../store/projection.ts';
import type { Store } from '../../store/store.ts';
import { route } from '../middleware/validated.ts';

const ParamsSchema = z.strictObject({ name: z.enum(ANALYSIS_NAMES) });
const QuerySchema = z.strictObject({
  case: IdParam.optional(),
  remove: z
    .string()
    .max(20_000)
    .optional()
    .meta({ description: 'Entity ids to remove in a disruption "what if", comma-separated' }),
});
const AnswerSchema = z
  .object({
    result: z.record(z.string(), z.unknown()),
    names: z.record(z.string(), z.string()),
    places: z.record(z.string(), z.object({ name: z.string(), lat: z.number(), lon: z.number() })),
  })
  .meta({ id: 'WebAnalysis' });

/** Ids mentioned anywhere in a result (strings that are node keys of the graph). */
function mentionedIds(graph: ProjectedGraph, value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 8 || out.size > 20_000) return;
  if (typeof value === 'string') {
    if (graph.hasNode(value)) out.add(value);
  } else if (Array.isArray(value)) for (const item of value) mentionedIds(graph, item, out, depth + 1);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) mentionedIds(graph, item, out, depth + 1);
}

/** Names of the entities a result mentions, and coordinates of the places among them. */
export function labelsOf(graph: ProjectedGraph, result: Omit<AnalysisResult, 'entities'>) {
  const ids = new Set<string>();
  mentionedIds(graph, result, ids);
  const names: Record<string, string> = {};
  const places: Record<string, { name: string; lat: number; lon: number }> = {};
  for (const id of ids) {
    const attributes = graph.getNodeAttributes(id) as Record<string, unknown>;
    const name = typeof attributes.name === 'string' ? attributes.name : id;
    names[id] = name;
    if (typeof attributes.lat === 'number' && typeof attributes.lon === 'number')
      places[id] = { name, lat: attributes.lat, lon: attributes.lon };
  }
  return { names, places };
}

/** The web app's analyses router. */
export function webAnalysesRouter({ store }: { store: Store }): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/api/web/analyses/{name}',
      deadline: false,
      summary: 'Run one analysis over the visible graph, for the web app',
      tags: ['analyses'],
      roles: ANALYSE,
      params: ParamsSchema,
      query: QuerySchema,
      audit: 'analysis.web',
      responses: { 200: { description: 'The result with the names it mentions', schema: AnswerSchema } },
    },
    async ({ params, query, viewer }) => {
      const graph = await projectGraph(store, { caseId: query.case }, clearanceOf(viewer));
      const remove = query.remove?.split(',').filter((id) => graph.hasNode(id));
      const full = runAnalyses(graph, {
        only: [params.name],
        ...(remove && remove.length > 0 ? { disruption: { remove } } : {}),
      });
      // Per-entity scores are kept only where the panel sizes nodes by them.
      const { entities, ...result } = full;
      const scores = params.name === 'centrality' || params.name === 'communities' ? { entities } : {};
      return { result: { ...result, ...scores }, ...labelsOf(graph, result) };
    },
  );
  return router;
}
