import { describe, expect, it } from 'vitest';
import { findPaths } from '../../../analysis/paths/entity-paths.ts';
import { smallCase } from '../runner/small-case.ts';

describe('paths between two entities', () => {
  const graph = smallCase();

  it('gives the shortest paths with the link types, directions and grades of each step', () => {
    const result = findPaths(graph, 'a2', 'b2');
    expect(result.distance).toBe(2);
    const through = result.shortest.map((p) => p.nodes.map((n) => n.id));
    expect(through).toEqual([['a2', 's', 'b2']]);
    const viaSmuggled = result.shortest.find((p) => p.nodes[1]?.id === 's');
    expect(viaSmuggled?.steps[0]).toEqual([
      {
        key: expect.any(String),
        linkType: 'SMUGGLED',
        direction: 'forward',
        grade: 'B2',
        gradeScheme: 'europol',
      },
    ]);
    expect(viaSmuggled?.steps[1]).toEqual([
      {
        key: expect.any(String),
        linkType: 'SMUGGLED',
        direction: 'backward',
        grade: 'B2',
        gradeScheme: 'europol',
      },
    ]);
  });

  it('lists every simple path up to the limit, shortest first, when asked', () => {
    const result = findPaths(graph, 'a1', 'b1', { maxHops: 3, all: true });
    const all = result.all?.map((p) => p.nodes.map((n) => n.id)) ?? [];
    expect(all[0]?.length).toBe(3);
    expect(all).toContainEqual(['a1', 'b', 'b1']);
    expect(all).toContainEqual(['a1', 's', 'b1']);
    expect(all.every((p) => p.length <= 4)).toBe(true);
  });

  it('finds no path beyond the limit', () => {
    expect(findPaths(graph, 'a2', 'b2', { maxHops: 1 }).distance).toBeNull();
  });

  it('names an unknown entity', () => {
    expect(() => findPaths(graph, 'a1', 'nobody')).toThrow(/no entity "nobody"/);
  });
});
