import { describe, expect, it } from 'vitest';
import { demoGraph } from '../../helpers/demo-graph.ts';
import { extractPayments } from '../../../analysis/money/flows.ts';
import { detectTypologies } from '../../../analysis/money/typologies.ts';

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
