import { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { CaseArraysBuilder } from '../../../analysis/case-arrays.ts';
import { viewCaseArrays } from '../../../analysis/case-arrays-view.ts';
import { createRng } from '../../../analysis/random.ts';

// The same nodes and links in a graphology multi graph and in case arrays.
function buildBoth(ids: string[], links: [number, number, string][], keep?: Uint8Array) {
  const graph = new MultiDirectedGraph();
  const builder = new CaseArraysBuilder();
  for (const id of ids) {
    graph.addNode(id, { entityType: 'Person' });
    builder.addNode(id, { entityType: 'Person' });
  }
  for (const [s, t, type] of links) {
    graph.addEdge(ids[s], ids[t], { linkType: type });
    builder.addLink(s, t, builder.typeCode(type), 1);
  }
  return { graph, view: viewCaseArrays(builder.finish(), keep) };
}

type Method = 'forEachOutEdge' | 'forEachInEdge' | 'forEachEdge';
const visits = (graph: AbstractGraph, method: Method, node: string) => {
  const seen: string[] = [];
  graph[method](node, (_e, attributes, source, target) => {
    seen.push(`${source}>${target}:${attributes.linkType}`);
  });
  return seen;
};

describe('the read-only view of case arrays', () => {
  it("lists every node's links in graphology's order: index-like ids first, parallel links newest first, in before out", () => {
    const ids = ['10', 'b', '2', 'a', '0', '01', '4294967295', '7', 'x'];
    const rng = createRng(3);
    const types = ['CONTACTED', 'ASSOCIATE_OF', 'PAID'];
    const links: [number, number, string][] = [];
    for (let k = 0; k < 200; k++) {
      const s = Math.floor(rng() * ids.length);
      const t = Math.floor(rng() * ids.length);
      if (s !== t) links.push([s, t, types[k % 3] as string]);
    }
    const { graph, view } = buildBoth(ids, links);
    expect(view.order).toBe(graph.order);
    expect(view.size).toBe(graph.size);
    for (const id of ids) {
      expect(view.degree(id)).toBe(graph.degree(id));
      for (const method of ['forEachOutEdge', 'forEachInEdge', 'forEachEdge'] as const)
        expect(visits(view, method, id)).toEqual(visits(graph, method, id));
    }
  });

  it('shows only the links kept, each list in the order it has among all links', () => {
    const ids = ['10', 'b', '2', 'a', '0', 'w', 'x', '7'];
    const rng = createRng(5);
    const types = ['CONTACTED', 'PAID', 'ASSOCIATE_OF'];
    const links: [number, number, string][] = [];
    for (let k = 0; k < 300; k++) {
      const s = Math.floor(rng() * ids.length);
      const t = Math.floor(rng() * ids.length);
      if (s !== t) links.push([s, t, types[Math.floor(rng() * 3)] as string]);
    }
    const keep = Uint8Array.from(links, ([, , type]) => (type === 'PAID' ? 1 : 0));
    const { graph, view } = buildBoth(ids, links, keep);
    expect(view.size).toBe(keep.reduce((sum, k) => sum + k, 0));
    for (const id of ids)
      for (const method of ['forEachOutEdge', 'forEachInEdge', 'forEachEdge'] as const)
        expect(visits(view, method, id)).toEqual(
          visits(graph, method, id).filter((v) => v.endsWith(':PAID')),
        );
  });

  it('names a node that is not there', () => {
    const { view } = buildBoth(['a'], []);
    expect(() => view.getNodeAttributes('b')).toThrow(/node "b" is not in the graph/);
  });
});
