import { describe, expect, it } from 'vitest';
import { demoGraph } from '../../helpers/demo-graph.ts';
import { findIntelligenceGaps } from '../../../analysis/findings/gaps.ts';

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
