import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analysis/core/random.ts';
import type { SerializedGraph } from '../../../web/src/api/types.ts';
import {
  createDataGraph,
  type GraphRecords,
  mergeSubgraph,
  placeServed,
} from '../../../web/src/graph/data-graph.ts';
import { buildDisplayGraph, type FoldCount } from '../../../web/src/graph/display-graph.ts';
import { layoutGroups } from '../../../web/src/graph/group-layout.ts';
import { fitGroupLabel } from '../../../web/src/graph/group-labels.ts';
import { layoutInputOf } from '../../../web/src/graph/group-units.ts';
import { groupPaths, planGroups } from '../../../web/src/graph/grouping.ts';
import { ServedGraph } from '../../../web/src/graph/served-graph.ts';
import type { Syndicates } from '../../../web/src/graph/syndicates.ts';

const TYPES = ['Person', 'Person', 'Payment', 'Location', 'Person'];

/**
 * A served subgraph with parallel links both ways, self-loops, a link to a node not served,
 * numeric-looking keys (which plain objects, and so graphology's neighbour indexes, order first),
 * payments between people, and nodes without positions unless `placed`.
 */
function served(seed: number, placed = false): SerializedGraph {
  const next = createRng(seed);
  const keys = Array.from({ length: 60 }, (_, i) => (i % 7 === 0 ? String(100 - i) : `n${i}`));
  const nodes = keys.map((key, i) => ({
    key,
    attributes: {
      entityType: TYPES[i % TYPES.length],
      name: `${key} ${'long name '.repeat(i % 4)}`,
      amount: 10.37 * i,
      currency: 'EUR',
      ...(i % 5 === 0 && !placed ? {} : { x: next() * 100, y: next() * 100 }),
    },
  }));
  const pick = (type?: string) => {
    for (;;) {
      const i = Math.floor(next() * keys.length);
      if (type === undefined || TYPES[i % TYPES.length] === type) return keys[i] as string;
    }
  };
  const edges = Array.from({ length: 240 }, (_, i) => {
    // Payments paid by and paid to people, and other links between anyone.
    const [source, target, linkType] =
      i % 8 === 0
        ? [pick('Person'), pick('Payment'), 'PAID']
        : i % 8 === 1
          ? [pick('Payment'), pick('Person'), 'RECEIVED']
          : [pick(), i % 13 === 2 ? 'elsewhere' : pick(), 'ASSOCIATE_OF'];
    return { key: `e${i}`, source, target: i % 17 === 0 ? source : target, attributes: { linkType } };
  });
  return { attributes: {}, options: {}, nodes, edges } as unknown as SerializedGraph;
}

/**
 * Two syndicates, the first of four cells; payments are in none: each joins its linked members'
 * syndicate where they share one, and the cell of one of them.
 */
function syndicatesOf(answer: SerializedGraph): Syndicates {
  const people = answer.nodes.filter((n) => n.attributes.entityType === 'Person');
  const first = Math.ceil(people.length * 0.8);
  return {
    source: 'run',
    syndicateOf: new Map(people.map((n, i) => [n.key, i < first ? 0 : 1])),
    cellOf: new Map(people.map((n, i) => [n.key, i < first ? 10 + (i % 4) : 14])),
    names: new Map([['s:0', 'First syndicate of the long coast road']]),
    cellParent: new Map([
      [10, 0],
      [11, 0],
      [12, 0],
      [13, 0],
      [14, 1],
    ]),
    sizes: new Map([
      [0, first],
      [1, people.length - first],
    ]),
  };
}

const byKey = <T extends { key: string }>(list: T[]) =>
  [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
const measure = (text: string) => text.length * 7;

/** What the grouped view draws from records: groups, nodes, links, labels and laid-out positions. */
function draw(records: GraphRecords, syndicates: Syndicates, toggled: string[], foldPayments: boolean) {
  const shown = new Set<string>();
  records.forEachNode((node) => shown.add(node));
  const paths = groupPaths(records, syndicates);
  const plan = planGroups(records, shown, syndicates, { mode: 'grouped', toggled }, new Set(), paths);
  const folded: FoldCount[] = [];
  const display = buildDisplayGraph(
    records,
    shown,
    () => true,
    plan,
    new Map(),
    foldPayments,
    (count) => folded.push(count),
  );
  const layout = layoutGroups(layoutInputOf(display, plan, syndicates, new Map(), measure), {
    labelHeight: 12,
    viewport: { width: 800, height: 600 },
  });
  const exported = display.export();
  return {
    paths: [...paths].sort(),
    groups: [...plan.groups.values()],
    nodes: byKey(exported.nodes),
    edges: byKey(exported.edges as { key: string }[]),
    labels: [...plan.groups.values()].map((group) =>
      fitGroupLabel(group.name, group.members, layout.labelWidth.get(group.key) ?? 0, measure),
    ),
    positions: [...layout.positions].sort(),
    box: layout.box,
    folded,
  };
}

/** The same answer with its nodes and links in another order. */
function shuffled(answer: SerializedGraph, seed: number): SerializedGraph {
  const next = createRng(seed);
  const shuffle = <T>(list: T[]) =>
    list
      .map((item) => ({ item, at: next() }))
      .sort((a, b) => a.at - b.at)
      .map(({ item }) => item);
  const copy = structuredClone(answer);
  return { ...copy, nodes: shuffle(copy.nodes), edges: shuffle(copy.edges) };
}

describe('a served subgraph read before it is merged', () => {
  it('draws the groups, links, labels and positions the merged records draw', async () => {
    for (const [seed, toggled, foldPayments] of [
      [1, [], false],
      [2, ['s:0'], false],
      [3, ['s:0', 'c:11', 'c:12'], true],
    ] as const) {
      const answer = served(seed);
      const graph = createDataGraph();
      placeServed(graph, answer);
      const before = new ServedGraph(answer);
      await mergeSubgraph(graph, new Map(), answer, 'case');
      const syndicates = syndicatesOf(answer);
      const ahead = draw(before, syndicates, [...toggled], foldPayments);
      expect(ahead.groups.length).toBeGreaterThan(2);
      expect(ahead.edges.length).toBeGreaterThan(2);
      if (foldPayments) expect(ahead.folded[0]?.payments).toBeGreaterThan(0);
      expect(ahead).toEqual(draw(graph, syndicates, [...toggled], foldPayments));
    }
  });

  it('draws the same whatever order the answer lists its nodes and links in', () => {
    const answer = served(5, true);
    const syndicates = syndicatesOf(answer);
    for (const [toggled, foldPayments] of [
      [[], false],
      [['s:0', 'c:10', 'c:13'], true],
    ] as const) {
      const first = draw(new ServedGraph(structuredClone(answer)), syndicates, [...toggled], foldPayments);
      for (const seed of [6, 7])
        expect(draw(new ServedGraph(shuffled(answer, seed)), syndicates, [...toggled], foldPayments)).toEqual(
          first,
        );
    }
  });

  it('gives nodes without a position one near a neighbour placed before them, and leaves the rest', () => {
    const graph = createDataGraph();
    graph.addNode('old', { entityType: 'Person', x: 500, y: 500 } as never);
    const answer = {
      attributes: {},
      options: {},
      nodes: [
        { key: 'old', attributes: { entityType: 'Person' } },
        { key: 'a', attributes: { entityType: 'Person' } },
        { key: 'b', attributes: { entityType: 'Person' } },
        { key: 'c', attributes: { entityType: 'Person', x: 1, y: 2 } },
      ],
      edges: [
        { key: 'e1', source: 'a', target: 'old', attributes: {} },
        { key: 'e2', source: 'b', target: 'a', attributes: {} },
      ],
    } as unknown as SerializedGraph;
    placeServed(graph, answer);
    const at = (i: number) => answer.nodes[i]?.attributes as { x?: number; y?: number };
    expect(at(0).x).toBeUndefined();
    expect(Math.hypot((at(1).x as number) - 500, (at(1).y as number) - 500)).toBeLessThan(10);
    expect(
      Math.hypot((at(2).x as number) - (at(1).x as number), (at(2).y as number) - (at(1).y as number)),
    ).toBeLessThan(10);
    expect(at(3)).toMatchObject({ x: 1, y: 2 });
  });
});
