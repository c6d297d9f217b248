import { join } from 'node:path';
import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectCommunities, detectCommunitiesInCsr } from '../../../analysis/communities/communities.ts';
import { buildCsr, csrFromEdgeList } from '../../../analysis/core/csr.ts';
import { type EdgeList, parseEdgeList } from '../../../analysis/core/load-edges.ts';
import { pagerank, pagerankOnCsr } from '../../../analysis/metrics/pagerank.ts';
import { readGml } from '../../helpers/gml.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'communities');

// The same links as a graphology graph, nodes and links in the loader's order.
function toGraph(edges: EdgeList): MultiUndirectedGraph {
  const graph = new MultiUndirectedGraph();
  for (const node of edges.nodes) graph.addNode(node, { entityType: 'Person' });
  edges.sources.forEach((a, e) => {
    graph.addEdge(edges.nodes[a] as string, edges.nodes[edges.targets[e]!] as string, {
      weight: edges.weights?.[e] ?? 1,
    });
  });
  return graph;
}

describe('parseEdgeList', () => {
  it('reads space, tab, comma and semicolon separated links, skipping comments and blank lines', () => {
    const edges = parseEdgeList('# a comment\n% another\n\na b\nb\tc\r\nc,d\n  d ; a  \n');
    expect(edges.nodes).toEqual(['a', 'b', 'c', 'd']);
    expect([...edges.sources]).toEqual([0, 1, 2, 3]);
    expect([...edges.targets]).toEqual([1, 2, 3, 0]);
    expect(edges.weights).toBeNull();
  });

  it('numbers nodes in order of first appearance and keeps "07" apart from "7"', () => {
    const edges = parseEdgeList('10 7\n7 07\n07 10\nx 10\n');
    expect(edges.nodes).toEqual(['10', '7', '07', 'x']);
    expect([...edges.sources]).toEqual([0, 1, 2, 3]);
    expect([...edges.targets]).toEqual([1, 2, 0, 0]);
  });

  it('skips a header naming the columns and reads a numeric third field as the weight', () => {
    const edges = parseEdgeList('from,to,weight\nn1,n2,2.5\nn2,n3,0\nn3,n1\n');
    expect(edges.nodes).toEqual(['n1', 'n2', 'n3']);
    // Zero, missing or non-numeric weights read as 1, as everywhere in the analyses.
    expect([...(edges.weights ?? [])]).toEqual([2.5, 1, 1]);
  });

  it('ignores a third field that is not a number, such as the {} of NetworkX edge lists', () => {
    const edges = parseEdgeList('0\t571\t{}\n0\t6132\t{}\n');
    expect(edges.weights).toBeNull();
    expect(edges.nodes).toEqual(['0', '571', '6132']);
  });

  it('reads bytes as well as text, and grows past its first guess of the link count', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `${i} ${i + 1}`).join('\n');
    const edges = parseEdgeList(new TextEncoder().encode(lines));
    expect(edges.sources.length).toBe(5000);
    expect(edges.nodes).toHaveLength(5001);
    expect(edges.nodes[5000]).toBe('5000');
  });

  it('rejects a line with a single field and names the line', () => {
    expect(() => parseEdgeList('a b\nc\n')).toThrow(/line 2/);
  });
});

describe('csrFromEdgeList', () => {
  it('merges parallel links, drops self-loops and matches buildCsr on the same graph', () => {
    const edges = parseEdgeList('a b 1\nb a 2\nb c 1\nc c 5\nc d 3\n');
    const csr = csrFromEdgeList(edges);
    const reference = buildCsr(toGraph(edges), { getEdgeWeight: 'weight' });
    expect([...csr.offsets]).toEqual([...reference.offsets]);
    expect([...csr.targets]).toEqual([...reference.targets]);
    expect([...csr.weights]).toEqual([...reference.weights]);
    expect([...csr.weights.subarray(csr.offsets[0], csr.offsets[1])]).toEqual([3]);
  });

  it('keeps direction when asked: out-rows by source, in-rows by target', () => {
    const csr = csrFromEdgeList(parseEdgeList('a b\na c\nc a\n'), { directed: true });
    expect([...csr.offsets]).toEqual([0, 2, 2, 3]);
    expect([...csr.inOffsets]).toEqual([0, 1, 2, 3]);
    expect([...csr.inTargets]).toEqual([2, 0, 0]);
  });
});

describe('analyses on a loaded edge list', () => {
  const karate = readGml(join(fixtures, 'karate.gml'));
  const lines = karate.mapEdges((_edge, _attributes, source, target) => `${source} ${target}`).join('\n');
  const edges = parseEdgeList(lines);

  it('gives the same communities as detectCommunities on the graphology graph, seed for seed', () => {
    const graph = toGraph(edges);
    for (const seed of [1, 2, 3]) {
      expect(detectCommunitiesInCsr(csrFromEdgeList(edges), { seed })).toEqual(
        detectCommunities(graph, { seed }),
      );
    }
  });

  it('reaches the known modularity of the karate club (0.4198) within 0.01', () => {
    const best = Math.max(
      ...[1, 2, 3, 4, 5].map((seed) => detectCommunitiesInCsr(csrFromEdgeList(edges), { seed }).modularity),
    );
    expect(best).toBeGreaterThan(0.4098);
  });

  it('gives the same PageRank as pagerank on the graphology graph', () => {
    const csr = csrFromEdgeList(edges);
    const { x, converged } = pagerankOnCsr(csr);
    const reference = pagerank(toGraph(edges));
    expect(converged).toBe(true);
    csr.nodes.forEach((node, i) => {
      expect(x[i]).toBeCloseTo(reference[node] as number, 12);
    });
  });
});
