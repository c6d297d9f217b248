import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { extractPayments } from '../../../analysis/money/flows.ts';
import { detectTypologies } from '../../../analysis/money/typologies.ts';
import type { CaseGraph, EntityAttributes, LinkAttributes } from '../../../analysis/types.ts';
import { generateDemoCase } from '../../../seeds/demo/generate.ts';
import { isLinkRecord } from '../../../seeds/demo/types.ts';

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

describe('the laundering typologies planted in the demo case', () => {
  const { graph, truth } = demoGraph();
  const { transfers } = extractPayments(graph, { currency: 'EUR' });
  const hits = detectTypologies(transfers);

  it.each(truth.typologies.map((t) => [t.kind, t] as const))('finds the planted %s', (kind, planted) => {
    const covered = new Set(hits.filter((h) => h.kind === kind).flatMap((h) => h.payments));
    const found = planted.payments.filter((p) => covered.has(p)).length;
    console.log(kind, `${found}/${planted.payments.length} payments covered`, planted.notes);
    expect(found * 2).toBeGreaterThan(planted.payments.length);
  });
});
