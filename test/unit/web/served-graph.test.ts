import { describe, expect, it } from 'vitest';
import type { SerializedGraph } from '../../../web/src/api/types.ts';
import {
  createDataGraph,
  type EdgeCallback,
  type GraphRecords,
  mergeSubgraph,
  placeServed,
} from '../../../web/src/graph/data-graph.ts';
import { buildDisplayGraph } from '../../../web/src/graph/display-graph.ts';
import { groupPaths, planGroups } from '../../../web/src/graph/grouping.ts';
import { ServedGraph } from '../../../web/src/graph/served-graph.ts';
import type { Syndicates } from '../../../web/src/graph/syndicates.ts';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const TYPES = ['Person', 'Person', 'Payment', 'Location', 'Document'];

/**
 * A served subgraph with parallel links both ways, self-loops, a link to a node not served,
 * numeric-looking keys (which plain objects order first) and nodes without positions.
 */
function served(seed: number): SerializedGraph {
  const next = random(seed);
  const keys = Array.from({ length: 40 }, (_, i) => (i % 7 === 0 ? String(100 - i) : `n${i}`));
  const nodes = keys.map((key, i) => ({
    key,
    attributes: {
      entityType: TYPES[i % TYPES.length],
      name: key,
      amount: 10 * i,
      currency: 'EUR',
      ...(i % 5 === 0 ? {} : { x: next() * 100, y: next() * 100 }),
    },
  }));
  const pick = () => keys[Math.floor(next() * keys.length)] as string;
  const edges = Array.from({ length: 160 }, (_, i) => {
    const source = pick();
    const target = i % 13 === 0 ? source : i % 17 === 0 ? 'elsewhere' : pick();
    return { key: `e${i}`, source, target, attributes: { linkType: i % 2 ? 'PAID' : 'RECEIVED' } };
  });
  return { attributes: {}, options: {}, nodes, edges } as unknown as SerializedGraph;
}

/** Everything grouping and folding read of a graph, in the order they read it. */
function reads(graph: GraphRecords) {
  const list = (walk: (callback: EdgeCallback) => void) => {
    const out: string[] = [];
    walk((edge, _a, source, target) => out.push(`${edge}:${source}>${target}`));
    return out;
  };
  const nodes: string[] = [];
  graph.forEachNode((node, attributes) => nodes.push(`${node}@${attributes.x},${attributes.y}`));
  const each = nodes.map((entry) => {
    const node = entry.split('@')[0] as string;
    return {
      node,
      neighbours: graph.neighbors(node),
      edges: list((callback) => graph.forEachEdge(node, callback)),
      into: list((callback) => graph.forEachInEdge(node, callback)),
      out: list((callback) => graph.forEachOutEdge(node, callback)),
    };
  });
  return { nodes, edges: list((callback) => graph.forEachEdge(callback)), each };
}

describe('a served subgraph read before it is merged', () => {
  it('reads as the data graph it is merged into: nodes, links, neighbours, each in the same order', async () => {
    for (const seed of [1, 2, 3]) {
      const answer = served(seed);
      const graph = createDataGraph();
      placeServed(graph, answer);
      const before = new ServedGraph(answer);
      await mergeSubgraph(graph, new Map(), answer, 'case');
      expect(reads(before)).toEqual(reads(graph));
    }
  });

  it('groups and folds as the merged records do', async () => {
    const answer = served(4);
    const graph = createDataGraph();
    placeServed(graph, answer);
    const before = new ServedGraph(answer);
    await mergeSubgraph(graph, new Map(), answer, 'case');
    const syndicates: Syndicates = {
      source: 'run',
      syndicateOf: new Map(answer.nodes.filter((_, i) => i % 3 !== 2).map((n, i) => [n.key, i % 3])),
      cellOf: new Map(answer.nodes.filter((_, i) => i % 4 === 0).map((n, i) => [n.key, 10 + (i % 2)])),
      names: new Map([['s:0', 'First syndicate']]),
      cellParent: new Map([
        [10, 0],
        [11, 1],
      ]),
      sizes: new Map([
        [0, 9],
        [1, 9],
        [2, 9],
      ]),
    };
    const draw = (records: GraphRecords) => {
      const shown = new Set<string>();
      records.forEachNode((node) => shown.add(node));
      const paths = groupPaths(records, syndicates);
      const plan = planGroups(records, shown, syndicates, { mode: 'grouped', toggled: [] }, new Set(), paths);
      return {
        paths: [...paths],
        groups: [...plan.groups.values()],
        drawing: buildDisplayGraph(records, shown, () => true, plan, new Map(), true).export(),
      };
    };
    const ahead = draw(before);
    expect(ahead.groups.length).toBeGreaterThan(2);
    expect(ahead.drawing.edges?.length).toBeGreaterThan(0);
    expect(ahead).toEqual(draw(graph));
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
