/**
 * API payloads for subgraphs: a neighbourhood around an entity and the paths between two, both in
 * graphology's serialisation so the web app can `Graph.from(...)` them directly. Every node carries
 * its type, name and provenance; every edge its link type and provenance.
 */
import { z } from 'zod';
import { ENTITY_LABELS, GRADING_SCHEMES, HANDLING_CODES, LINK_TYPES } from '../model.ts';
import { BooleanParam, EntityTypesParam, IdParam, intParam, LinkTypesParam } from './entities.ts';

export const NeighbourhoodQuerySchema = z.strictObject({
  depth: intParam(1, 3).default(1).meta({ description: 'Hops from the entity, 1 to 3' }),
  type: EntityTypesParam.optional(),
  linkType: LinkTypesParam.optional(),
  limit: intParam(1, 1_000).default(200).meta({ description: 'Most nodes returned, nearest first' }),
  includeRetracted: BooleanParam.optional(),
});
export type NeighbourhoodQuery = z.output<typeof NeighbourhoodQuerySchema>;

export const PathsQuerySchema = z.strictObject({
  from: IdParam,
  to: IdParam,
  maxHops: intParam(1, 6).default(4),
  all: BooleanParam.optional().meta({
    description: 'Every simple path up to maxHops, not only the shortest',
  }),
  linkType: LinkTypesParam.optional(),
  limit: intParam(1, 100).default(25).meta({ description: 'Most paths returned, shortest first' }),
  throughHubs: BooleanParam.optional().meta({
    description:
      'Also walk through Case and Source nodes and nodes with more than maxDegree links (left out by default)',
  }),
  maxDegree: intParam(1, 100_000)
    .default(50)
    .meta({ description: 'Nodes with more visible links than this are hubs, not walked through' }),
  maxNodes: intParam(1, 20_000)
    .default(2_000)
    .meta({ description: 'Most entities read around the start; `truncated` says when paths may be missing' }),
});
export type PathsQuery = z.output<typeof PathsQuerySchema>;

const provenance = {
  grade: z.string().nullable(),
  gradeScheme: z.enum(GRADING_SCHEMES).nullable(),
  handling: z.enum(HANDLING_CODES),
  sources: z.array(z.string()),
};

export const GraphNodeSchema = z
  .object({
    key: z.string(),
    attributes: z
      .object({
        entityType: z.enum(ENTITY_LABELS),
        name: z.string().nullable(),
        ...provenance,
        handlingCondition: z.string().nullable(),
        firstSeen: z.string().nullable(),
        lastSeen: z.string().nullable(),
        retracted: z.boolean(),
        depth: z.number().int().optional().meta({ description: 'Hops from the centre of a neighbourhood' }),
      })
      .catchall(z.unknown()),
  })
  .meta({ id: 'GraphNode' });
export type GraphNode = z.infer<typeof GraphNodeSchema>;

export const GraphEdgeSchema = z
  .object({
    key: z.string(),
    source: z.string(),
    target: z.string(),
    attributes: z
      .object({
        linkType: z.enum(LINK_TYPES),
        ...provenance,
      })
      .catchall(z.unknown()),
  })
  .meta({ id: 'GraphEdge' });
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const SerializedGraphSchema = z
  .object({
    attributes: z.record(z.string(), z.unknown()),
    options: z.object({
      type: z.literal('directed'),
      multi: z.literal(true),
      allowSelfLoops: z.literal(true),
    }),
    nodes: z.array(GraphNodeSchema),
    edges: z.array(GraphEdgeSchema),
  })
  .meta({ id: 'SerializedGraph', description: "A subgraph in graphology's serialisation" });
export type SerializedGraph = z.infer<typeof SerializedGraphSchema>;

export const PathLinkSchema = z
  .object({
    key: z.string(),
    linkType: z.string(),
    direction: z.enum(['forward', 'backward']),
    grade: z.string().nullable(),
    gradeScheme: z.string().nullable(),
  })
  .meta({
    id: 'PathLink',
    description: 'One link of a hop: its type, its direction along the path, its grade',
  });
export type PathLink = z.infer<typeof PathLinkSchema>;

export const PathSchema = z
  .object({
    nodes: z.array(z.string()),
    edges: z.array(z.string()),
    steps: z.array(z.array(PathLinkSchema)).meta({ description: 'For each hop, the links between the pair' }),
  })
  .meta({ id: 'Path', description: 'One path: node keys from start to end, and the edge keys between them' });
export type Path = z.infer<typeof PathSchema>;
