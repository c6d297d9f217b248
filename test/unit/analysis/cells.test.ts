import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { detectCells } from '../../../analysis/communities/cells.ts';
import { type CommunityResult, detectCommunities } from '../../../analysis/communities/communities.ts';
import { buildCsr } from '../../../analysis/core/csr.ts';

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

describe('the leadership of a syndicate', () => {
  /** Four working cells (cliques of four) and two organisers who phone each other and every cell. */
  function ledSyndicate(): { graph: UndirectedGraph; communities: CommunityResult } {
    const graph = new UndirectedGraph();
    const add = (a: string, b: string, weight: number) => graph.addEdge(a, b, { weight });
    graph.addNode('boss-1');
    graph.addNode('boss-2');
    add('boss-1', 'boss-2', 20);
    for (let c = 0; c < 4; c++) {
      const cell = Array.from({ length: 4 }, (_, i) => `c${c}-${i}`);
      for (const id of cell) graph.addNode(id);
      for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) add(cell[i]!, cell[j]!, 20);
      // Each organiser phones two members of every cell, those of one cell most.
      for (const i of [0, 1]) {
        add('boss-1', `c${c}-${i}`, c === 0 ? 20 : 15);
        add('boss-2', `c${c}-${i + 2}`, c === 3 ? 20 : 15);
      }
    }
    const members = graph.nodes().sort();
    const communities = {
      modularity: 0,
      communities: [{ id: 0, size: members.length, members, contribution: 0 }],
      membership: Object.fromEntries(members.map((m) => [m, 0])),
      unassigned: [],
    };
    return { graph, communities };
  }
  const weighted = (graph: UndirectedGraph) => buildCsr(graph, { getEdgeWeight: 'weight' });

  it('takes the organisers who phone every cell out of the cells, as a cell of their own', () => {
    const { graph, communities } = ledSyndicate();
    const { cells, membership } = detectCells(weighted(graph), communities);
    expect(membership['boss-1']).toBe(membership['boss-2']);
    const leadership = cells.find((c) => c.id === membership['boss-1']);
    expect(leadership?.members.sort()).toEqual(['boss-1', 'boss-2']);
    for (let c = 0; c < 4; c++) {
      const cell = cells.find((x) => x.id === membership[`c${c}-0`]);
      expect(cell?.members.sort()).toEqual([0, 1, 2, 3].map((i) => `c${c}-${i}`));
    }
  });

  it('leaves them in the cells they phone most when asked to find no coordinators', () => {
    const { graph, communities } = ledSyndicate();
    const { membership } = detectCells(weighted(graph), communities, { coordinatorShare: 0 });
    expect(membership['boss-1']).not.toBe(membership['boss-2']);
  });
});

describe('cells and their passengers', () => {
  /** Two triangles of facilitators in one syndicate, bridged only by twelve smuggled persons. */
  function bridgedByPassengers(): UndirectedGraph {
    const graph = new UndirectedGraph();
    for (const s of ['a', 'b']) {
      for (let i = 0; i < 3; i++) graph.addNode(`${s}${i}`, { entityType: 'Person', roles: ['recruiter'] });
      graph.addEdge(`${s}0`, `${s}1`, { weight: 5 });
      graph.addEdge(`${s}1`, `${s}2`, { weight: 5 });
      graph.addEdge(`${s}0`, `${s}2`, { weight: 5 });
    }
    for (let p = 0; p < 12; p++) {
      graph.addNode(`p${p}`, { entityType: 'Person', roles: ['smuggled person'] });
      graph.addEdge(`p${p}`, `a${p % 3}`, { weight: 4 });
      graph.addEdge(`p${p}`, `b${p % 3}`, { weight: 4 });
    }
    return graph;
  }
  const oneSyndicate = (graph: UndirectedGraph): CommunityResult => {
    const members = graph.nodes().sort();
    return {
      modularity: 0,
      communities: [{ id: 0, size: members.length, members, contribution: 0 }],
      membership: Object.fromEntries(members.map((m) => [m, 0])),
      unassigned: [],
    };
  };

  it('never lets smuggled persons merge two cells, and seats each of them in one cell', () => {
    const graph = bridgedByPassengers();
    const isPassenger = (node: string) => node.startsWith('p');
    const { cells, membership } = detectCells(buildCsr(graph), oneSyndicate(graph), { isPassenger });
    expect(membership.a0).toBe(membership.a1);
    expect(membership.a0).toBe(membership.a2);
    expect(membership.b0).toBe(membership.b2);
    expect(membership.a0).not.toBe(membership.b0);
    expect(cells).toHaveLength(2);
    expect(cells.map((c) => c.size).reduce((a, b) => a + b, 0)).toBe(18);
  });

  it('would merge them if smuggled persons counted as members, which is why they do not', () => {
    const graph = bridgedByPassengers();
    const { membership } = detectCells(buildCsr(graph), oneSyndicate(graph), { resolution: 1 });
    expect(membership.a0).toBe(membership.b0);
  });

  it('knows the passengers from the graph when detectCommunities asks for cells', () => {
    const graph = bridgedByPassengers();
    const detected = detectCommunities(graph, { cells: true });
    const cellOf = detected.cells?.membership ?? {};
    expect(cellOf.a0).not.toBe(cellOf.b0);
  });

  it('does not hold together facilitators whose only ties run through passengers', () => {
    const graph = new UndirectedGraph();
    for (const id of ['x', 'y']) graph.addNode(id);
    for (let p = 0; p < 6; p++) {
      graph.addNode(`p${p}`);
      graph.addEdge(`p${p}`, 'x', { weight: 3 });
      graph.addEdge(`p${p}`, 'y', { weight: 3 });
    }
    const isPassenger = (node: string) => node.startsWith('p');
    const { membership } = detectCells(buildCsr(graph), oneSyndicate(graph), { isPassenger });
    expect(membership.x).not.toBe(membership.y);
  });

  it('seats a passport only a smuggled person holds in the cell of that person, not in a cell of its own', () => {
    const graph = bridgedByPassengers();
    graph.addNode('passport-p0');
    graph.addEdge('passport-p0', 'p0', { weight: 1 });
    const isPassenger = (node: string) => /^p\d/.test(node);
    const { cells, membership } = detectCells(buildCsr(graph), oneSyndicate(graph), { isPassenger });
    expect(membership['passport-p0']).toBe(membership.p0);
    expect(cells).toHaveLength(2);
  });
});
