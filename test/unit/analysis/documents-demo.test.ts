import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/types.ts';
import { generateDemoCase } from '../../../seeds/demo/generate.ts';
import { isLinkRecord } from '../../../seeds/demo/types.ts';
import { analyseDocuments } from '../../../analysis/documents.ts';

/** The demo case as the store projects it: `type` becomes entityType or linkType, `kind` a field. */
function demoGraph() {
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

describe('documents of the demo case', () => {
  const { graph, truth } = demoGraph();

  it('finds exactly the stolen passports the syndicates recycle, with everyone who used them', () => {
    const shared = analyseDocuments(graph).shared;
    expect(shared).toEqual(
      truth.reusedDocuments.map((d) => ({ document: d.documentId, people: [...d.users].sort() })),
    );
  });
});
