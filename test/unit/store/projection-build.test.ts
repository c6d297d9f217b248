import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, type LinkRow } from '../../../server/store/projection-build.ts';
import { ENTITY_ATTRIBUTE_KEYS, LINK_ATTRIBUTE_KEYS } from '../../../server/store/projection-keys.ts';
import { MAX_SHARED, StringPool } from '../../../server/store/projection-strings.ts';

const personValues = (values: Record<string, unknown>) =>
  ENTITY_ATTRIBUTE_KEYS.Person.map((k) => values[k] ?? null);
const linkRow = (id: unknown, type: string, target: string, values: Record<string, unknown>): LinkRow => [
  id,
  type,
  target,
  ...LINK_ATTRIBUTE_KEYS.map((k) => values[k] ?? null),
];

function built(people: number, links: [string, string, string][]) {
  const build = new GraphBuilder();
  for (let i = 0; i < people; i++)
    build.addNode('Person', `p:${i}`, personValues({ name: `P${i}`, handling: 'H0', roles: ['organiser'] }));
  build.startLinks();
  for (const [id, source, target] of links)
    build.addLinks(source, [
      linkRow(id, 'CONTACTED', target, { grade: 'B2', handling: 'H0', sources: ['s:1'] }),
    ]);
  return build.graph;
}

describe('building the projected graph', () => {
  it('gives each node its non-null values and its entity type', () => {
    const graph = built(1, []);
    expect(graph.getNodeAttributes('p:0')).toEqual({
      name: 'P0',
      handling: 'H0',
      roles: ['organiser'],
      entityType: 'Person',
    });
  });

  it('adds keyed links with their values and a weight of 1 when none is given, and drops a link to a node not in', () => {
    const build = new GraphBuilder();
    build.addNode('Person', 'a', personValues({}));
    build.addNode('Person', 'b', personValues({}));
    build.startLinks();
    build.addLinks('a', [
      linkRow('l:1', 'CONTACTED', 'b', { date: '2024-01-01', grade: 'B2' }),
      linkRow('l:2', 'ASSOCIATE_OF', 'b', { weight: 3 }),
      linkRow('l:3', 'CONTACTED', 'elsewhere', {}),
    ]);
    const graph = build.graph;
    expect(graph.edges()).toEqual(['l:1', 'l:2']);
    expect(graph.getEdgeAttributes('l:1')).toEqual({
      linkType: 'CONTACTED',
      weight: 1,
      date: '2024-01-01',
      grade: 'B2',
    });
    expect(graph.getEdgeAttributes('l:2')).toEqual({ linkType: 'ASSOCIATE_OF', weight: 3 });
    expect(graph.source('l:2')).toBe('a');
    expect(graph.target('l:2')).toBe('b');
  });

  it('gives a link without an id, or with an id already taken, a key of its own', () => {
    const build = new GraphBuilder();
    build.addNode('Person', 'a', personValues({}));
    build.startLinks();
    build.addLinks('a', [linkRow('l:1', 'CONTACTED', 'a', {}), linkRow('l:1', 'CONTACTED', 'a', {})]);
    build.addLinks('a', [linkRow(null, 'CONTACTED', 'a', {})]);
    expect(build.graph.size).toBe(3);
    expect(build.graph.hasEdge('l:1')).toBe(true);
  });

  it('makes the same graph as plain graphology calls, neighbours and order included', () => {
    const links: [string, string, string][] = [];
    for (let e = 0; e < 3000; e++) links.push([`l:${e}`, `p:${e % 97}`, `p:${(e * 31 + 7) % 97}`]);
    const graph = built(97, links);
    const plain = new MultiDirectedGraph();
    for (const node of graph.nodes()) plain.addNode(node, graph.getNodeAttributes(node));
    for (const [id, source, target] of links)
      plain.addEdgeWithKey(id, source, target, graph.getEdgeAttributes(id));
    expect(graph.export()).toEqual(plain.export());
    for (const node of ['p:0', 'p:50', 'p:96']) {
      expect(graph.outNeighbors(node)).toEqual(plain.outNeighbors(node));
      expect(graph.inEdges(node)).toEqual(plain.inEdges(node));
    }
    graph.dropNode('p:3');
    plain.dropNode('p:3');
    expect(graph.export()).toEqual(plain.export());
  });
});

describe('sharing strings', () => {
  it('gives back equal values and leaves other values alone', () => {
    const pool = new StringPool(2);
    const sources = ['s:1', 's:2'];
    expect(pool.share(0, 'B2')).toBe('B2');
    expect(pool.share(0, 'B2')).toBe('B2');
    expect(pool.share(1, sources)).toEqual(['s:1', 's:2']);
    expect(pool.share(0, 3)).toBe(3);
    expect(pool.share(0, null)).toBe(null);
  });

  it('gives equal lists of strings as one frozen list, and keeps lists with other items apart', () => {
    const pool = new StringPool(1);
    const first = pool.share(0, ['s:1']);
    expect(pool.share(0, ['s:1'])).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(pool.share(0, first)).toBe(first);
    const pair = pool.share(0, ['s:1', 's:2']);
    expect(pair).toEqual(['s:1', 's:2']);
    expect(pool.share(0, ['s:1', 's:2'])).toBe(pair);
    expect(pool.share(0, ['s:1\u0000s:2'])).not.toBe(pair);
    const mixed = ['s:1', 3];
    expect(pool.share(0, mixed)).toBe(mixed);
    expect(Object.isFrozen(mixed)).toBe(false);
    expect(() => (first as string[]).push('s:3')).toThrow(TypeError);
  });

  it('keeps giving back values when a column has more distinct values than it shares', () => {
    const pool = new StringPool(1);
    for (let i = 0; i < MAX_SHARED + 10; i++) expect(pool.share(0, `v${i}`)).toBe(`v${i}`);
    expect(pool.share(0, 'v1')).toBe('v1');
  });
});
