import { describe, expect, it } from 'vitest';
import { createRng } from '../../../analysis/core/random.ts';
import { layoutRadial } from '../../../web/src/graph/radial.ts';
import { firstSeenDates, layoutByTime } from '../../../web/src/graph/time-layout.ts';

type Disc = { id: string; radius: number };
type Point = { x: number; y: number };

/** The pairs of discs that overlap, by id. */
function overlaps(discs: Disc[], positions: Map<string, Point>): string[] {
  const out: string[] = [];
  for (let i = 0; i < discs.length; i++)
    for (let j = i + 1; j < discs.length; j++) {
      const a = discs[i] as Disc;
      const b = discs[j] as Disc;
      const p = positions.get(a.id) as Point;
      const q = positions.get(b.id) as Point;
      if (Math.hypot(p.x - q.x, p.y - q.y) < a.radius + b.radius - 1e-6) out.push(`${a.id}~${b.id}`);
    }
  return out;
}

describe('the radial layout', () => {
  // c - a1 - a2 - a3, c - b1 - {b2, b3}, c - d1, and e1 - e2 apart from the centre.
  const nodes: Disc[] = ['c', 'a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'd1', 'e1', 'e2'].map((id) => ({
    id,
    radius: id === 'c' ? 8 : 4,
  }));
  const links = [
    ['c', 'a1'],
    ['a1', 'a2'],
    ['a2', 'a3'],
    ['b1', 'c'],
    ['b1', 'b2'],
    ['b3', 'b1'],
    ['c', 'd1'],
    ['a3', 'b3'],
    ['e1', 'e2'],
  ].map(([source, target]) => ({ source: source as string, target: target as string }));

  it('puts the centre in the middle and every node on the ring of its hop distance', () => {
    const { positions, hops } = layoutRadial('c', nodes, links);
    expect(positions.get('c')).toEqual({ x: 0, y: 0 });
    expect(Object.fromEntries(hops)).toEqual({
      c: 0,
      a1: 1,
      b1: 1,
      d1: 1,
      a2: 2,
      b2: 2,
      b3: 2,
      a3: 3,
      e1: null,
      e2: null,
    });
    const distance = (id: string) => Math.hypot(positions.get(id)?.x ?? 0, positions.get(id)?.y ?? 0);
    const ringOf = new Map<number, number>();
    for (const [id, hop] of hops) {
      if (hop === null || hop === 0) continue;
      const r = distance(id);
      if (ringOf.has(hop)) expect(r).toBeCloseTo(ringOf.get(hop) as number, 6);
      else ringOf.set(hop, r);
    }
    expect(ringOf.get(1)).toBeLessThan(ringOf.get(2) as number);
    expect(ringOf.get(2)).toBeLessThan(ringOf.get(3) as number);
    // The unreached stand on one ring outside all the others.
    expect(distance('e1')).toBeGreaterThan(ringOf.get(3) as number);
    expect(distance('e1')).toBeCloseTo(distance('e2'), 6);
  });

  it('keeps a branch together: the children of b1 lie nearer its angle than any other branch', () => {
    const { positions } = layoutRadial('c', nodes, links);
    const angle = (id: string) => Math.atan2(positions.get(id)?.y ?? 0, positions.get(id)?.x ?? 0);
    const apart = (a: number, b: number) => Math.abs(Math.atan2(Math.sin(a - b), Math.cos(a - b)));
    for (const kid of ['b2', 'b3']) {
      expect(apart(angle(kid), angle('b1'))).toBeLessThan(apart(angle(kid), angle('a1')));
      expect(apart(angle(kid), angle('b1'))).toBeLessThan(apart(angle(kid), angle('d1')));
    }
  });

  it('leaves no two discs overlapping, on a random graph of 400 nodes with discs of mixed sizes', () => {
    const rng = createRng(7);
    const many: Disc[] = Array.from({ length: 400 }, (_, i) => ({ id: `n${i}`, radius: 2 + 8 * rng() }));
    const edges = many.slice(1).map((n, i) => ({ source: `n${Math.floor(rng() * (i + 1))}`, target: n.id }));
    for (let i = 0; i < 200; i++)
      edges.push({ source: `n${Math.floor(rng() * 400)}`, target: `n${Math.floor(rng() * 400)}` });
    const { positions } = layoutRadial('n0', many, edges);
    expect(positions.size).toBe(400);
    expect(overlaps(many, positions)).toEqual([]);
  });

  it('refuses a centre that is not drawn, naming it', () => {
    expect(() => layoutRadial('zz', nodes, links)).toThrow(/centre zz is not among the nodes drawn/);
  });
});

describe('the layout by time', () => {
  it('takes a node’s own date first, else the earliest date of its links', () => {
    const dates = firstSeenDates(
      [
        { id: 'a', date: '2021-05-01' },
        { id: 'b', date: null },
        { id: 'c', date: null },
      ],
      [
        { source: 'a', target: 'b', date: '2022-01-01' },
        { source: 'b', target: 'c', date: '2020-03-04' },
        { source: 'a', target: 'c', date: null },
        { source: 'a', target: 'x', date: '2019-01-01' },
      ],
    );
    expect(Object.fromEntries(dates)).toEqual({ a: '2021-05-01', b: '2020-03-04', c: '2020-03-04' });
  });

  it('orders x by date, sets the undated apart to the left, and overlaps no discs', () => {
    const rng = createRng(11);
    const nodes = Array.from({ length: 600 }, (_, i) => {
      // Many on the same few days, some undated, so the swarm has to stack.
      const day = Math.floor(rng() * 5) * 40 + (i % 3);
      const date = i % 10 === 0 ? null : new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString();
      return { id: `n${i}`, radius: 2 + 6 * rng(), date: date?.slice(0, 10) ?? null };
    });
    const { positions, undated, ticks, bottom } = layoutByTime(nodes);
    expect(positions.size).toBe(600);
    const dated = nodes
      .filter((n) => n.date !== null)
      .sort((a, b) => (a.date as string).localeCompare(b.date as string));
    for (let i = 1; i < dated.length; i++) {
      const before = positions.get((dated[i - 1] as { id: string }).id) as Point;
      const after = positions.get((dated[i] as { id: string }).id) as Point;
      if (dated[i - 1]?.date === dated[i]?.date) expect(after.x).toBe(before.x);
      else expect(after.x).toBeGreaterThan(before.x);
    }
    const leftmostDated = Math.min(...dated.map((n) => (positions.get(n.id) as Point).x));
    for (const n of nodes.filter((n) => n.date === null))
      expect((positions.get(n.id) as Point).x).toBeLessThan(leftmostDated);
    expect(undated?.count).toBe(60);
    expect(overlaps(nodes, positions)).toEqual([]);
    expect(ticks.map((t) => t.label)[0]).toBe('2021-01');
    for (const p of positions.values()) expect(p.y).toBeGreaterThan(bottom);
  });

  it('lays out a view with no dates at all as the undated block alone', () => {
    const { positions, ticks, undated } = layoutByTime([
      { id: 'a', radius: 4, date: null },
      { id: 'b', radius: 4, date: null },
    ]);
    expect(ticks).toEqual([]);
    expect(undated?.count).toBe(2);
    expect(
      overlaps(
        [
          { id: 'a', radius: 4 },
          { id: 'b', radius: 4 },
        ],
        positions,
      ),
    ).toEqual([]);
  });
});
