import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/types.ts';
import { generateDemoCase } from '../../../seeds/demo/generate.ts';
import { isLinkRecord } from '../../../seeds/demo/types.ts';
import { findIntelligenceGaps } from '../../../analysis/gaps.ts';

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

describe('intelligence gaps in the demo case', () => {
  const { graph, truth } = demoGraph();

  it('finds no payment with an unknown party, the generator giving each a payer and a payee', () => {
    expect(findIntelligenceGaps(graph).paymentsWithUnknownParty).toEqual([]);
  });

  // Last, since it removes people from the shared graph.
  it('knows a leader for every syndicate, and misses one once its leaders drop out of the case', () => {
    expect(findIntelligenceGaps(graph).leaderless).toEqual([]);
    const syndicate = truth.syndicates[0];
    for (const leader of syndicate?.leaderIds ?? []) graph.dropNode(leader);
    expect(findIntelligenceGaps(graph).leaderless).toEqual([syndicate?.organisationId]);
  });
});
