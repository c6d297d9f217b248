import { describe, expect, it } from 'vitest';
import { createDataGraph } from '../../../web/src/graph/data-graph.ts';
import {
  buildLanes,
  coalesceMarks,
  itemInWindow,
  type LaneInput,
  laneRows,
  linkKind,
  OUTSIDE,
} from '../../../web/src/graph/timeline-lanes.ts';
import { compileView, isEdgeShown, isNodeShown } from '../../../web/src/graph/visibility.ts';
import { EMPTY_VIEW } from '../../../web/src/graph/view-state.ts';
import { addEntity } from '../../helpers/web-graph.ts';

/**
 * A small case: a boss and a driver of the Zuwara syndicate, a migrant outside it, a vessel and an
 * account; a crossing event, a payment, a journey, a contact, a document use and an undated link.
 */
function smallCase() {
  const graph = createDataGraph();
  const node = (id: string, entityType: string, extra: Record<string, unknown> = {}) =>
    addEntity(graph, id, entityType, extra);
  node('boss', 'Person', { firstSeen: '2023-01-01', lastSeen: '2025-12-31' });
  node('driver', 'Person');
  node('migrant', 'Person', { firstSeen: '2024-03-10', lastSeen: '2024-03-10' });
  node('boat', 'Vessel');
  node('acct', 'Account');
  node('idle', 'Person');
  node('crossing', 'Event', { date: '2024-03-10' });
  node('fee', 'Payment', { date: '2024-03-02', amount: 3600 });
  node('route', 'Route', { firstSeen: '2023-01-01' });
  node('passport', 'Document');
  node('secret-fee', 'Payment', { date: '2024-04-01', handling: 'H2' });
  const link = (key: string, s: string, t: string, linkType: string, extra: Record<string, unknown> = {}) =>
    graph.addDirectedEdgeWithKey(key, s, t, { linkType, handling: 'H0', ...extra } as never);
  link('inv-boat', 'boat', 'crossing', 'INVOLVED_IN');
  link('inv-driver', 'driver', 'crossing', 'INVOLVED_IN');
  link('paid', 'migrant', 'fee', 'PAID', { date: '2024-03-02' });
  link('received', 'fee', 'acct', 'RECEIVED', { date: '2024-03-02' });
  link('travelled', 'migrant', 'route', 'TRAVELLED', { date: '2024-03-10' });
  link('contacted', 'boss', 'driver', 'CONTACTED', { firstSeen: '2023-02-01', lastSeen: '2025-06-30' });
  link('used-doc', 'migrant', 'passport', 'USED', { date: '2024-03-09' });
  link('holds', 'idle', 'passport', 'HOLDS');
  link('member', 'boss', 'route', 'MEMBER_OF', { firstSeen: '2023-01-01' });
  link('paid-secret', 'boss', 'secret-fee', 'PAID', { date: '2024-04-01' });
  const zuwara = new Set(['boss', 'driver', 'boat']);
  const input = (state = EMPTY_VIEW): LaneInput => {
    const view = compileView(state);
    const insights = { categories: new Map() } as never;
    return {
      graph,
      nodeShown: (n) => isNodeShown(view, new Map(), insights, n, graph.getNodeAttributes(n)),
      edgeShown: (a) => isEdgeShown(view, a),
      syndicateOf: (id) => (zuwara.has(id) ? { key: 's:1', name: 'Zuwara coast syndicate' } : undefined),
    };
  };
  return { graph, input };
}

const laneIds = (lanes: ReturnType<typeof buildLanes>) =>
  lanes.groups.map((group) => [group.name, group.lanes.map((lane) => lane.id)]);

describe('the timeline lanes', () => {
  it('gives a lane to each person, vessel and account with dated records, grouped by syndicate', () => {
    const { input } = smallCase();
    const lanes = buildLanes(input());
    expect(laneIds(lanes)).toEqual([
      ['Zuwara coast syndicate', ['boss', 'driver', 'boat']],
      [OUTSIDE.name, ['migrant', 'acct']],
    ]);
    expect(lanes.first).toBe('2023-02-01');
    expect(lanes.last).toBe('2025-06-30');
  });

  it('puts each dated record on the lanes of those it concerns, as its kind', () => {
    const { input } = smallCase();
    const lanes = buildLanes(input());
    const of = (id: string) =>
      lanes.groups
        .flatMap((group) => group.lanes)
        .find((lane) => lane.id === id)
        ?.items.map((item) => [item.kind, item.id, item.start]);
    expect(of('migrant')).toEqual([
      ['payment', 'fee', '2024-03-02'],
      ['document', 'used-doc', '2024-03-09'],
      ['journey', 'travelled', '2024-03-10'],
    ]);
    expect(of('acct')).toEqual([['payment', 'fee', '2024-03-02']]);
    expect(of('boat')).toEqual([['event', 'crossing', '2024-03-10']]);
    expect(of('boss')).toEqual([
      ['communication', 'contacted', '2023-02-01'],
      ['payment', 'secret-fee', '2024-04-01'],
    ]);
    // One record once in the list of items, however many lanes it is on; undated links are not items.
    expect(lanes.items.map((item) => item.id)).toEqual([
      'contacted',
      'fee',
      'used-doc',
      'crossing',
      'travelled',
      'secret-fee',
    ]);
    const contact = lanes.items.find((item) => item.id === 'contacted');
    expect(contact).toMatchObject({ end: '2025-06-30', select: ['boss', 'driver'] });
    expect(lanes.items.find((item) => item.id === 'fee')?.select).toEqual(['fee']);
  });

  it('leaves out what the filters hide, and lanes left with no record', () => {
    const { input } = smallCase();
    const state = {
      ...EMPTY_VIEW,
      filters: { ...EMPTY_VIEW.filters, handling: ['H0'], hiddenTypes: ['Vessel'] },
    };
    const lanes = buildLanes(input(state));
    expect(lanes.items.map((item) => item.id)).not.toContain('secret-fee');
    expect(laneIds(lanes)).toEqual([
      ['Zuwara coast syndicate', ['driver', 'boss']],
      [OUTSIDE.name, ['migrant', 'acct']],
    ]);
  });

  it('has no lanes and no extent when nothing is dated', () => {
    const graph = createDataGraph();
    graph.addNode('p', { entityType: 'Person', name: 'P', sources: [], x: 0, y: 0 } as never);
    const lanes = buildLanes({
      graph,
      nodeShown: () => true,
      edgeShown: () => true,
      syndicateOf: () => undefined,
    });
    expect(lanes).toEqual({ groups: [], items: [], first: null, last: null });
  });

  it('lists a header row per group, and its lanes only once it is open', () => {
    const { input } = smallCase();
    const lanes = buildLanes(input());
    const rows = (open: string[]) =>
      laneRows(lanes, new Set(open)).map((row) =>
        row.kind === 'group' ? `# ${row.group.key}` : row.lane.id,
      );
    expect(rows([])).toEqual(['# s:1', '# outside']);
    expect(rows(['outside'])).toEqual(['# s:1', '# outside', 'migrant', 'acct']);
    const header = laneRows(lanes, new Set())[1];
    // A header carries its lanes' records, each once (the fee is on both the migrant's and the account's).
    expect(header?.kind === 'group' && header.items.map((item) => item.id).sort()).toEqual(
      ['fee', 'travelled', 'used-doc'].sort(),
    );
  });

  it('counts a record in a window when its days overlap it, as the time filter does', () => {
    const { input, graph } = smallCase();
    const lanes = buildLanes(input());
    const window = { from: '2024-03-05', to: '2024-03-31' };
    const inside = lanes.items.filter((item) => itemInWindow(item, window)).map((item) => item.id);
    expect(inside).toEqual(['contacted', 'used-doc', 'crossing', 'travelled']);
    const view = compileView({ ...EMPTY_VIEW, filters: { ...EMPTY_VIEW.filters, time: window } });
    const filtered = (id: string) =>
      graph.hasNode(id)
        ? isNodeShown(view, new Map(), { categories: new Map() } as never, id, graph.getNodeAttributes(id))
        : isEdgeShown(view, graph.getEdgeAttributes(id));
    for (const item of lanes.items) expect(filtered(item.id), item.id).toBe(inside.includes(item.id));
    // A person active for years stays in any window inside their span; an undated one always stays.
    expect(filtered('boss')).toBe(true);
    expect(filtered('driver')).toBe(true);
    expect(filtered('migrant')).toBe(true);
    expect(itemInWindow(lanes.items[0] as never, null)).toBe(true);
  });

  it('names the kind of a dated link by its type and ends, and shows no other link', () => {
    expect(linkKind('TRAVELLED', 'Person', 'Route')).toBe('journey');
    expect(linkKind('SMUGGLED', 'Person', 'Person')).toBe('journey');
    expect(linkKind('CONTACTED', 'Person', 'Person')).toBe('communication');
    expect(linkKind('USED', 'Person', 'Communication')).toBe('communication');
    expect(linkKind('USED', 'Person', 'Document')).toBe('document');
    expect(linkKind('HOLDS', 'Person', 'Document')).toBe('document');
    expect(linkKind('USED', 'Person', 'Vessel')).toBe('journey');
    expect(linkKind('MEMBER_OF', 'Person', 'Organisation')).toBeNull();
    expect(linkKind('PAID', 'Person', 'Payment')).toBeNull();
  });

  it('draws items of one kind on the same pixel as one mark, reaching to the last day any of them covers', () => {
    const item = (id: string, kind: 'payment' | 'journey', start: string, end = start) =>
      ({ id, kind, start, end, label: id, select: [id] }) as const;
    // One pixel a day from 2024-01-01.
    const xOf = (day: string) => (Date.parse(day) - Date.parse('2024-01-01')) / 86_400_000;
    const groups = coalesceMarks(
      [
        item('p1', 'payment', '2024-01-03'),
        item('p2', 'payment', '2024-01-03', '2024-01-20'),
        item('j1', 'journey', '2024-01-03'),
        item('p3', 'payment', '2024-01-04'),
      ].map((i) => ({ ...i, select: [...i.select] })),
      xOf,
    );
    expect(groups.map((g) => [g.x, g.x2, g.items.map((i) => i.id)])).toEqual([
      [2, 19, ['p1', 'p2']],
      [2, 2, ['j1']],
      [3, 3, ['p3']],
    ]);
  });
});
