import { describe, expect, it } from 'vitest';
import { createDataGraph } from '../../../web/src/graph/data-graph.ts';
import { buildDisplayGraph, type FoldCount, NO_GROUPS } from '../../../web/src/graph/display-graph.ts';
import type { GroupPlan } from '../../../web/src/graph/grouping.ts';
import {
  describePaymentLink,
  distanceToSegment,
  type PaymentLink,
  withFoldedPayments,
} from '../../../web/src/graph/payment-links.ts';
import { groupHits, splitFlows } from '../../../web/src/panels/money-lists.ts';

/** Ann pays Bob twice (EUR), Bob pays Cy once (USD), Cy pays someone not shown; Ann knows Bob. */
function money() {
  const graph = createDataGraph();
  const node = (id: string, entityType: string, extra: Record<string, unknown> = {}) =>
    graph.addNode(id, { entityType, name: id, sources: [], x: 0, y: 0, ...extra } as never);
  for (const id of ['ann', 'bob', 'cy', 'far']) node(id, 'Person');
  node('p1', 'Payment', { amount: 1000, currency: 'EUR', date: '2024-03-01' });
  node('p2', 'Payment', { amount: 500, currency: 'EUR', date: '2024-01-15' });
  node('p3', 'Payment', { amount: 200, currency: 'USD', date: '2024-02-02' });
  node('p4', 'Payment', { amount: 50, currency: 'EUR', date: '2024-02-03' });
  const link = (key: string, s: string, t: string, linkType: string) =>
    graph.addDirectedEdgeWithKey(key, s, t, { linkType } as never);
  link('a1', 'ann', 'p1', 'PAID');
  link('a2', 'p1', 'bob', 'RECEIVED');
  link('a3', 'ann', 'p2', 'PAID');
  link('a4', 'p2', 'bob', 'RECEIVED');
  link('a5', 'bob', 'p3', 'PAID');
  link('a6', 'p3', 'cy', 'RECEIVED');
  link('a7', 'cy', 'p4', 'PAID');
  link('a8', 'p4', 'far', 'RECEIVED');
  link('k1', 'ann', 'bob', 'ASSOCIATE_OF');
  return graph;
}

const all = () => true;

describe('payments drawn as links', () => {
  it('folds payments with both parties shown into one dated link per payer and payee', () => {
    const graph = money();
    const shown = new Set(graph.nodes().filter((n) => n !== 'far'));
    let count: FoldCount | null = null;
    const drawn = buildDisplayGraph(graph, shown, all, NO_GROUPS, new Map(), true, (c) => (count = c));
    expect(drawn.nodes().sort()).toEqual(['ann', 'bob', 'cy', 'p4']);
    expect(count).toEqual({ payments: 3, links: 2, kept: 1 });
    const annBob = drawn.getEdgeAttribute('m|ann|bob', 'payments') as PaymentLink;
    expect(annBob.payments.sort()).toEqual(['p1', 'p2']);
    expect(describePaymentLink(annBob)).toBe('2 payments · 1,500 EUR · 2024-01-15 to 2024-03-01');
    expect(drawn.source('m|ann|bob')).toBe('ann');
    // Each currency is compared within itself: the only USD link is the largest of its currency.
    expect(annBob.share).toBe(1);
    expect((drawn.getEdgeAttribute('m|bob|cy', 'payments') as PaymentLink).money).toEqual({ USD: 200 });
    // The payment whose payee is not shown stays a node, with its PAID link; other links stay.
    expect(drawn.hasEdge('a7')).toBe(true);
    expect(drawn.hasEdge('k1')).toBe(true);
    expect(drawn.hasEdge('a1')).toBe(false);
  });

  it('folds only what the filters show, and gives the nodes back when switched off', () => {
    const graph = money();
    const early = new Set(graph.nodes().filter((n) => n !== 'p1'));
    const drawn = buildDisplayGraph(graph, early, all, NO_GROUPS, new Map(), true);
    expect((drawn.getEdgeAttribute('m|ann|bob', 'payments') as PaymentLink).payments).toEqual(['p2']);
    const plain = buildDisplayGraph(graph, new Set(graph.nodes()), all, NO_GROUPS, new Map(), false);
    expect(plain.nodes()).toContain('p1');
    expect(plain.edges().some((e) => e.startsWith('m|'))).toBe(false);
  });

  it('folds a payment into a closed group into the group’s link, with its amount', () => {
    const graph = money();
    const plan: GroupPlan = {
      groupOf: new Map([
        ['bob', 's:1'],
        ['cy', 's:1'],
      ]),
      groups: new Map([
        ['s:1', { key: 's:1', kind: 'syndicate', name: 'B', members: 2, syndicate: 1, x: 0, y: 0 }],
      ]),
      pathOf: new Map(),
    };
    const drawn = buildDisplayGraph(graph, new Set(graph.nodes()), all, plan, new Map(), true);
    expect(drawn.nodes()).not.toContain('p1');
    const folded = drawn.getEdgeAttribute('g|ann|s:1', 'aggregate');
    expect(folded?.money).toEqual({ EUR: 1500 });
    expect(folded?.kinds).toContain('payment');
  });
});

describe('the records behind payment links', () => {
  it('holds the folded payments and their links to the parties drawn, for exports and marking', () => {
    const graph = money();
    const shown = new Set(graph.nodes().filter((n) => n !== 'far'));
    const drawn = buildDisplayGraph(graph, shown, all, NO_GROUPS, new Map(), true);
    const links = drawn.edges().flatMap((e) => drawn.getEdgeAttribute(e, 'payments') ?? []);
    const items = { nodes: drawn.nodes(), edges: drawn.edges().filter((e) => graph.hasEdge(e)) };
    const records = withFoldedPayments(graph, items, links);
    expect(records.nodes.sort()).toEqual(['ann', 'bob', 'cy', 'p1', 'p2', 'p3', 'p4']);
    expect(records.edges.sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'k1']);
  });
});

describe('picking a payment link', () => {
  it('measures from a point to the nearest point of the link, ends included', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 10, y: 0 };
    expect(distanceToSegment({ x: 5, y: 3 }, a, b)).toBe(3);
    expect(distanceToSegment({ x: 14, y: 3 }, a, b)).toBe(5);
    expect(distanceToSegment({ x: 2, y: 2 }, a, a)).toBeCloseTo(Math.SQRT2 * 2);
  });
});

describe('the money panel’s lists', () => {
  const flow = (from: string, to: string, total: number) => ({ from, to, total, count: 1, payments: [] });

  it('keeps flows within one syndicate out of the flows between syndicates', () => {
    const { between, within } = splitFlows([
      flow('0', '0', 900),
      flow('0', '1', 10),
      flow('2', '2', 50),
      flow('1', '0', 30),
    ]);
    expect(between.map((f) => [f.from, f.to])).toEqual([
      ['1', '0'],
      ['0', '1'],
    ]);
    expect(within.map((f) => f.from)).toEqual(['0', '2']);
  });

  it('groups typology hits by kind, the largest group and the largest hit first', () => {
    const hit = (kind: 'cycle' | 'fan-in', total: number) => ({
      kind,
      total,
      parties: [],
      payments: [],
      from: '2024-01-01',
      to: '2024-01-02',
    });
    const groups = groupHits([hit('cycle', 5), hit('fan-in', 40), hit('cycle', 90), hit('fan-in', 70)]);
    expect(groups.map((g) => [g.kind, g.total])).toEqual([
      ['fan-in', 110],
      ['cycle', 95],
    ]);
    expect(groups[1]?.hits.map((h) => [h.hit.total, h.index])).toEqual([
      [90, 2],
      [5, 0],
    ]);
  });
});
