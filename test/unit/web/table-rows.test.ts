import { describe, expect, it } from 'vitest';
import type { EntityScores } from '../../../web/src/api/analyses.ts';
import { createDataGraph } from '../../../web/src/graph/data-graph.ts';
import { buildDisplayGraph, type DisplayGraph } from '../../../web/src/graph/display-graph.ts';
import { planGroups } from '../../../web/src/graph/grouping.ts';
import type { Syndicates } from '../../../web/src/graph/syndicates.ts';
import {
  cellOf,
  ENTITY_COLUMNS,
  entityRows,
  LINK_COLUMNS,
  linkRows,
  presentColumns,
  type TableInput,
} from '../../../web/src/graph/table-rows.ts';
import { csvText } from '../../../web/src/export/data-export.ts';
import { addEntity } from '../../helpers/web-graph.ts';

/** Three people of one syndicate, one outsider, and a payment from the outsider to one of them. */
function smallCase() {
  const graph = createDataGraph();
  const node = (id: string, entityType: string, extra: Record<string, unknown> = {}) =>
    addEntity(graph, id, entityType, extra);
  for (const id of ['a1', 'a2', 'a3']) node(id, 'Person', { firstSeen: '2024-03-01T10:00:00Z' });
  node('out', 'Person', { name: null, grade: null });
  const link = (key: string, s: string, t: string, extra: Record<string, unknown> = {}) =>
    graph.addDirectedEdgeWithKey(key, s, t, { linkType: 'ASSOCIATE_OF', handling: 'H1', ...extra } as never);
  link('e1', 'a1', 'a2');
  link('e2', 'a2', 'a3');
  link('e3', 'out', 'a1', { linkType: 'PAID', date: '2024-05-02', amount: 1500 });
  const syndicates: Syndicates = {
    source: 'run',
    syndicateOf: new Map([
      ['a1', 1],
      ['a2', 1],
      ['a3', 1],
    ]),
    cellOf: new Map(),
    names: new Map([['s:1', 'Zuwara coast syndicate']]),
    cellParent: new Map(),
    sizes: new Map([[1, 3]]),
  };
  return { graph, syndicates };
}

const scores = new Map<string, EntityScores>([['a2', { pagerank: 0.123456, betweenness: 2 }]]);

function ungrouped(): TableInput {
  const { graph, syndicates } = smallCase();
  return {
    drawn: graph as unknown as DisplayGraph,
    items: { nodes: graph.nodes(), edges: graph.edges() },
    syndicateOf: (id) => (syndicates.syndicateOf.has(id) ? 'Zuwara coast syndicate' : undefined),
    scores: null,
  };
}

describe('the rows of the table beside the canvas', () => {
  it('lists each drawn entity with its type, name, grade, dates, links drawn and syndicate', () => {
    const rows = entityRows(ungrouped());
    expect(rows.map((row) => row.id)).toEqual(['a1', 'a2', 'a3', 'out']);
    expect(rows[0]).toEqual({
      id: 'a1',
      kind: 'entity',
      type: 'Person',
      name: 'Name a1',
      grade: 'B2',
      handling: 'H0',
      firstSeen: '2024-03-01',
      degree: 2,
      syndicate: 'Zuwara coast syndicate',
    });
    // No name: the id stands in, as on the canvas; no grade: no value, not "null".
    expect(rows[3]).toMatchObject({ name: 'out', degree: 1 });
    expect(rows[3]?.grade).toBeUndefined();
  });

  it('counts only the links drawn: a filtered-out link adds no degree and has no row', () => {
    const input = ungrouped();
    input.items = { nodes: input.items.nodes, edges: ['e1'] };
    expect(entityRows(input).map((row) => row.degree)).toEqual([1, 1, 0, 0]);
    expect(linkRows(input).map((row) => row.id)).toEqual(['e1']);
  });

  it('lists links with the names of their ends, date, amount and grade', () => {
    const rows = linkRows(ungrouped());
    expect(rows.find((row) => row.id === 'e3')).toEqual({
      id: 'e3',
      kind: 'link',
      source: 'out',
      target: 'a1',
      type: 'PAID',
      sourceName: 'out',
      targetName: 'Name a1',
      date: '2024-05-02',
      amount: 1500,
      handling: 'H1',
      count: 1,
    });
  });

  it('shows a closed group as one row with its members, and the links into it as one folded row', () => {
    const { graph, syndicates } = smallCase();
    const shown = new Set(graph.nodes());
    // The outsider is pulled out of the group (as a selected entity is), so it is drawn itself.
    const plan = planGroups(graph, shown, syndicates, { mode: 'grouped', toggled: [] }, new Set(['out']));
    const drawn = buildDisplayGraph(graph, shown, () => true, plan, new Map());
    const input: TableInput = {
      drawn,
      items: { nodes: drawn.nodes(), edges: drawn.edges() },
      syndicateOf: () => undefined,
      scores: null,
    };
    const rows = entityRows(input);
    const group = rows.find((row) => row.kind === 'group');
    expect(group).toMatchObject({ id: 's:1', type: 'Group', name: 'Zuwara coast syndicate', members: 3 });
    expect(rows.map((row) => row.id).sort()).toEqual(['out', 's:1']);
    expect(rows.find((row) => row.id === 's:1')?.degree).toBe(1);
    expect(linkRows(input)).toEqual([
      {
        id: 'g|out|s:1',
        kind: 'folded',
        source: 'out',
        target: 's:1',
        sourceName: 'out',
        targetName: 'Zuwara coast syndicate',
        type: 'PAID',
        count: 1,
      },
    ]);
  });

  it('offers only columns some row has, so scores appear once a centrality run gave them', () => {
    const input = ungrouped();
    const before = presentColumns(ENTITY_COLUMNS, entityRows(input)).map((c) => c.key);
    expect(before).not.toContain('pagerank');
    expect(before).not.toContain('members');
    input.scores = scores;
    const rows = entityRows(input);
    const after = presentColumns(ENTITY_COLUMNS, rows);
    expect(after.map((c) => c.key)).toEqual(expect.arrayContaining(['pagerank', 'betweenness']));
    const pagerank = after.find((c) => c.key === 'pagerank');
    if (!pagerank) throw new Error('no PageRank column');
    expect(cellOf(rows[1] as never, pagerank as never)).toBe(0.1235);
    expect(presentColumns(LINK_COLUMNS, linkRows(input)).map((c) => c.key)).toEqual([
      'type',
      'sourceName',
      'targetName',
      'date',
      'amount',
      'handling',
      'count',
    ]);
  });

  it('writes rows as CSV with formula-like cells neutralised and commas quoted', () => {
    expect(
      csvText(
        ['Name', 'Amount'],
        [
          ['=cmd()', 3],
          ['Smith, J', undefined],
        ],
      ),
    ).toBe('Name,Amount\r\n\'=cmd(),3\r\n"Smith, J",\r\n');
  });
});
