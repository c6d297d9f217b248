/**
 * `/api/entities/{id}/neighbourhood` and `/api/paths`: subgraphs in graphology's serialisation,
 * walked by the store through visible links and nodes only, so nothing the caller may not see is
 * shown, and nothing is reached or connected through it.
 */
import { Router } from 'express';
import { clearanceOf } from '../../auth/context.ts';
import { READ } from '../../auth/roles.ts';
import { EntityIdParamsSchema } from '../../schema/api/entities.ts';
import { NeighbourhoodQuerySchema, PathsQuerySchema, SerializedGraphSchema } from '../../schema/api/graph.ts';
import { findEntityPaths, pathsAsGraph } from '../../runner/paths.ts';
import { neighbourhood } from '../../store/graph-queries.ts';
import type { Store } from '../../store/store.ts';
import { coalesced } from '../coalesce.ts';
import { route } from '../middleware/validated.ts';
import { HttpError } from '../problem.ts';

/** What the graph router needs. */
export interface GraphDeps {
  store: Store;
}

/** The graph router: neighbourhoods and paths. */
export function graphRouter({ store }: GraphDeps): Router {
  const router = Router();

  route(
    router,
    {
      method: 'get',
      path: '/api/entities/{id}/neighbourhood',
      summary: 'The entities within 1 to 3 hops, nearest first, and the links among them',
      tags: ['graph'],
      roles: READ,
      params: EntityIdParamsSchema,
      query: NeighbourhoodQuerySchema,
      audit: 'graph.neighbourhood',
      responses: {
        200: { description: 'The neighbourhood', schema: SerializedGraphSchema },
        404: { description: 'No such entity, or not one you may see' },
      },
    },
    async ({ params, query, viewer }) => {
      const graph = await coalesced(store, ['graph.neighbourhood', clearanceOf(viewer), params, query], () =>
        neighbourhood(store, clearanceOf(viewer), params.id, {
          depth: query.depth,
          types: query.type,
          linkTypes: query.linkType,
          limit: query.limit,
          includeRetracted: query.includeRetracted,
        }),
      );
      if (graph === null) throw new HttpError(404, 'No such entity');
      return graph;
    },
  );

  route(
    router,
    {
      method: 'get',
      path: '/api/paths',
      deadline: false,
      summary:
        'The shortest paths between two entities, or every simple path up to maxHops, each hop with its links; hubs left out unless throughHubs',
      tags: ['graph'],
      roles: READ,
      query: PathsQuerySchema,
      audit: 'graph.paths',
      responses: {
        200: {
          description: 'The paths: listed in the attributes, drawn as nodes and edges',
          schema: SerializedGraphSchema,
        },
        404: { description: 'An end does not exist, or is not one you may see' },
      },
    },
    async ({ query, viewer, audit }) => {
      const { from, to, ...options } = query;
      const found = await findEntityPaths(store, clearanceOf(viewer), from, to, {
        maxHops: options.maxHops,
        all: options.all === true,
        linkTypes: options.linkType,
        maxPaths: options.limit,
        throughHubs: options.throughHubs === true,
        maxDegree: options.maxDegree,
        maxNodes: options.maxNodes,
      });
      const graph =
        found &&
        pathsAsGraph(found, {
          maxHops: options.maxHops,
          all: options.all === true,
          throughHubs: options.throughHubs === true,
          maxDegree: options.maxDegree,
          maxNodes: options.maxNodes,
        });
      const count = graph === null ? 0 : (graph.attributes.paths as unknown[]).length;
      await audit({
        action: 'graph.paths',
        targets: [from, to],
        parameters: { ...options, found: count },
        outcome: graph === null ? 'not-found' : 'ok',
      });
      if (graph === null) throw new HttpError(404, 'No such entity');
      return graph;
    },
  );

  return router;
}
