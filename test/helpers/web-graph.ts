/** Building the web app's data graph by hand in unit tests. */
import type { createDataGraph } from '../../web/src/graph/data-graph.ts';

type DataGraph = ReturnType<typeof createDataGraph>;

/**
 * Adds an entity named `Name <id>`, graded B2 and handled H0, with no sources, at the origin;
 * `extra` overrides or adds attributes.
 */
export function addEntity(
  graph: DataGraph,
  id: string,
  entityType: string,
  extra: Record<string, unknown> = {},
): void {
  graph.addNode(id, {
    entityType,
    name: `Name ${id}`,
    sources: [],
    grade: 'B2',
    gradeScheme: 'europol',
    handling: 'H0',
    x: 0,
    y: 0,
    ...extra,
  } as never);
}
