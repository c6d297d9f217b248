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
  // The weight is the link's position, to tell parallel links apart.
  links.forEach(([s, t, type], e) => {
    graph.addEdge(ids[s], ids[t], { linkType: type, weight: e });
    builder.addLink(s, t, builder.typeCode(type), e);
  });
  return { graph, view: viewCaseArrays(builder.finish(), keep) };
}

type Method = 'forEachOutEdge' | 'forEachInEdge' | 'forEachEdge';
// Each link as source>target:type, and with its position (`#e`, from its weight) when asked.
const visits = (graph: AbstractGraph, method: Method, node: string, withPosition = false) => {
  const seen: string[] = [];
  graph[method](node, (_e, attributes, source, target) => {
    seen.push(`${source}>${target}:${attributes.linkType}${withPosition ? `#${attributes.weight}` : ''}`);
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
    const types = ['CONTACTED', 'PAID', 'ASSOCIATE_OF'];
    for (const seed of [5, 6, 7, 8]) {
      const rng = createRng(seed);
      const links: [number, number, string][] = [];
      for (let k = 0; k < 300; k++) {
        const s = Math.floor(rng() * ids.length);
        const t = Math.floor(rng() * ids.length);
        if (s !== t) links.push([s, t, types[Math.floor(rng() * 3)] as string]);
      }
      // By type (as the profiles keep links), or any subset.
      const byType = seed % 2 === 0;
      const keep = Uint8Array.from(links, ([, , type]) => ((byType ? type === 'PAID' : rng() < 0.3) ? 1 : 0));
      const { graph, view } = buildBoth(ids, links, keep);
      const kept = new Set(
        links.flatMap(([s, t, type], e) => (keep[e] ? [`${ids[s]}>${ids[t]}:${type}#${e}`] : [])),
      );
      expect(view.size).toBe(kept.size);
      for (const id of ids)
        for (const method of ['forEachOutEdge', 'forEachInEdge', 'forEachEdge'] as const)
          expect(visits(view, method, id, true)).toEqual(
            visits(graph, method, id, true).filter((v) => kept.has(v)),
          );
    }
  });

  it('names a node that is not there', () => {
    const { view } = buildBoth(['a'], []);
    expect(() => view.getNodeAttributes('b')).toThrow(/node "b" is not in the graph/);
  });
});
