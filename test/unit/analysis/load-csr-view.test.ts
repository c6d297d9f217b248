import { describe, expect, it } from 'vitest';
import { csrFromEdgeList } from '../../../analysis/core/csr.ts';
import { viewCsrAsGraph } from '../../../analysis/core/csr-graph.ts';
import { parseEdgeList } from '../../../analysis/core/load-edges.ts';

describe('viewCsrAsGraph', () => {
  const csr = csrFromEdgeList(parseEdgeList('a b 2\nb c\nc a\nc d 4\nd d\n'));
  const view = viewCsrAsGraph(csr);

  it('reports the order, size and degrees of the simple graph behind the CSR', () => {
    expect(view.order).toBe(4);
    expect(view.size).toBe(4);
    expect(view.type).toBe('undirected');
    expect(view.undirectedDegreeWithoutSelfLoops('c')).toBe(3);
    expect(view.undirectedDegreeWithoutSelfLoops('d')).toBe(1);
  });

  it('lists each link once, lower index first, with its weight', () => {
    const links: string[] = [];
    view.forEachEdge((_edge, attributes, source, target) => {
      links.push(`${source}-${target}:${attributes.weight}`);
    });
    expect(links.sort()).toEqual(['a-b:2', 'a-c:1', 'b-c:1', 'c-d:4']);
  });

  it('lists nodes in the given order, the way Louvain sweeps are shuffled', () => {
    const listed: string[] = [];
    viewCsrAsGraph(csr, Int32Array.from([2, 0, 3, 1])).forEachNode((node) => {
      listed.push(node);
    });
    expect(listed).toEqual(['c', 'a', 'd', 'b']);
  });

  it('refuses to be changed, and says how to get a graph that can be', () => {
    expect(() => view.dropNode('a')).toThrow(/read-only CSR view/);
  });

  it('rejects a directed CSR', () => {
    expect(() => viewCsrAsGraph(csrFromEdgeList(parseEdgeList('a b\n'), { directed: true }))).toThrow(
      /undirected/,
    );
  });
});
