import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectCells } from '../../../analysis/cells.ts';
import { type CommunityResult, detectCommunities } from '../../../analysis/communities.ts';
import { buildCsr } from '../../../analysis/csr.ts';

/** Two syndicates of three cells each: cliques of five, a link between neighbouring cells. */
function syndicates(): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const s of ['a', 'b'])
    for (let c = 0; c < 3; c++) {
      const cell = Array.from({ length: 5 }, (_, i) => `${s}${c}-${i}`);
      for (const id of cell) graph.addNode(id);
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) graph.addEdge(cell[i], cell[j]);
      if (c > 0) graph.addEdge(`${s}${c - 1}-0`, `${s}${c}-0`);
    }
  graph.addEdge('a0-1', 'b0-1');
  return graph;
}

const given = (graph: UndirectedGraph): CommunityResult => {
  const members = (s: string) =>
    graph
      .nodes()
      .filter((n) => n.startsWith(s))
      .sort();
  const communities = ['a', 'b'].map((s, id) => ({ id, size: 15, members: members(s), contribution: 0 }));
  const membership = Object.fromEntries(communities.flatMap((c) => c.members.map((m) => [m, c.id])));
  return { modularity: 0, communities, membership, unassigned: [] };
};

describe('cells', () => {
  it('finds the cells inside each syndicate, each cell inside its parent', () => {
    const graph = syndicates();
    const { cells, membership } = detectCells(buildCsr(graph), given(graph));
    expect(cells).toHaveLength(6);
    for (const cell of cells) {
      expect(cell.size).toBe(5);
      const prefix = cell.members[0]?.slice(0, 2) ?? '';
      expect(cell.members.every((m) => m.startsWith(prefix))).toBe(true);
      expect(cell.parent).toBe(prefix.startsWith('a') ? 0 : 1);
      for (const m of cell.members) expect(membership[m]).toBe(cell.id);
    }
  });

  it('keeps a small syndicate as one cell, and comes with the communities when asked', () => {
    const graph = syndicates();
    const small = detectCells(buildCsr(graph), given(graph), { minSplit: 20 });
    expect(small.cells.map((c) => c.size)).toEqual([15, 15]);
    const detected = detectCommunities(graph, { cells: true });
    const cells = detected.cells?.cells ?? [];
    expect(cells.length).toBeGreaterThanOrEqual(detected.communities.length);
    for (const cell of cells) for (const m of cell.members) expect(detected.membership[m]).toBe(cell.parent);
  });
});
