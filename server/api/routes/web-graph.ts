/**
 * `/api/web/graph`: the part of the graph the viewer may see in a scope (a case, a time window, a
 * minimum source grade), in graphology's serialisation, for the web app's "open the whole case".
 * Read-only; the projection applies the viewer's clearance inside its Cypher, so nothing the viewer
 * may not see is read, let alone sent. The node limit is applied while reading: no more nodes than
 * it are read, and the answer says whether the scope held more (`truncated`) and what was sent.
 */
import { Router } from 'express';
import { z } from 'zod';
import { clearanceOf } from '../../auth/context.ts';
import { READ } from '../../auth/roles.ts';
import { DateParam, IdParam, intParam } from '../../schema/api/entities.ts';
import { SerializedGraphSchema } from '../../schema/api/graph.ts';
import { projectGraph, type ProjectedGraph, ScopeError } from '../../store/projection.ts';
import type { Store } from '../../store/store.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

const WebGraphQuerySchema = z.strictObject({
  case: IdParam.optional().meta({ description: 'Only the case with this id and its entities' }),
  since: DateParam.optional(),
  until: DateParam.optional(),
  minSource: z.string().max(20).optional().meta({ description: 'Source values, comma-separated, e.g. A,B' }),
  maxNodes: intParam(1, 200_000).default(60_000).meta({
    description: 'Most nodes read and sent (by type, then id); `truncated` says whether there were more',
  }),
});

/** The projection as the web app reads it: every node with its type, name and provenance. */
export function serialiseProjection(graph: ProjectedGraph, scope: Record<string, unknown>) {
  const nodes = graph.mapNodes((key, attributes) => ({
    key,
    attributes: {
      name: null,
      grade: null,
      gradeScheme: null,
      sources: [],
      handlingCondition: null,
      firstSeen: null,
      lastSeen: null,
      retracted: false,
      ...attributes,
    },
  }));
  const edges = graph.mapEdges((key, attributes, source, target) => ({
    key,
    source,
    target,
    attributes: { grade: null, gradeScheme: null, sources: [], ...attributes },
  }));
  // By key, not in the order the graph was read in, which follows the database's storage (records
  // the caller cannot see would otherwise shift it).
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    attributes: { kind: 'case', ...scope },
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: nodes.sort(byKey),
    edges: edges.sort(byKey),
  };
}

/** The web app's graph router. */
export function webGraphRouter({ store }: { store: Store }): Router {
  const router = Router();
  route(
    router,
    {
      method: 'get',
      path: '/api/web/graph',
      deadline: false,
      summary: 'The visible graph in a scope, for the web app',
      tags: ['graph'],
      roles: READ,
      query: WebGraphQuerySchema,
      audit: 'graph.read',
      responses: { 200: { description: 'The subgraph', schema: SerializedGraphSchema } },
    },
    async ({ query, viewer }) => {
      const scope = {
        caseId: query.case,
        since: query.since,
        until: query.until,
        minSource: query.minSource?.split(',').map((value) => value.trim()),
      };
      let graph: ProjectedGraph;
      try {
        graph = await projectGraph(store, scope, clearanceOf(viewer), { maxNodes: query.maxNodes });
      } catch (error) {
        if (error instanceof ScopeError) throw new HttpError(400, `Invalid scope: ${error.message}`);
        throw error;
      }
      return serialiseProjection(graph, {
        case: query.case ?? null,
        truncated: graph.getAttribute('truncated') === true,
        maxNodes: query.maxNodes,
        nodeCount: graph.order,
        edgeCount: graph.size,
      });
    },
  );
  return router;
}
