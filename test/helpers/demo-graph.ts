/** The demo case as the store projects it, for analysis tests that need no database. */
import { MultiDirectedGraph } from 'graphology';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../analysis/core/types.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';
import { isLinkRecord } from '../../seeds/demo/types.ts';

/** The demo case as a graph: `type` becomes entityType or linkType, an entity's own `kind` a field. */
export function demoGraph() {
  const demo = generateDemoCase();
  const graph: CaseGraph = new MultiDirectedGraph<EntityAttributes, LinkAttributes>();
  for (const r of demo.records) {
    if (isLinkRecord(r)) continue;
    const { type, kind, ...rest } = r;
    graph.addNode(r.id, { ...rest, entityType: type, ...(kind === 'entity' ? {} : { kind }) });
  }
  for (const r of demo.records) {
    if (!isLinkRecord(r) || !graph.hasNode(r.source) || !graph.hasNode(r.target)) continue;
    const { type, kind: _kind, ...rest } = r;
    graph.addEdgeWithKey(r.id, r.source, r.target, { ...rest, linkType: type });
  }
  return { graph, truth: demo.truth };
}
