import { describe, expect, it } from 'vitest';
import { createDataGraph } from '../../../web/src/graph/data-graph.ts';
import {
  buildDisplayGraph,
  type DisplayGraph,
  regroupDisplayGraph,
} from '../../../web/src/graph/display-graph.ts';
import { groupPaths, planGroups } from '../../../web/src/graph/grouping.ts';
import { separateBoxes } from '../../../web/src/graph/separate-boxes.ts';
import type { Syndicates } from '../../../web/src/graph/syndicates.ts';
import { type Grouping, withGroupOpen } from '../../../web/src/graph/view-state.ts';

/** Two syndicates of three people each (two cells in the first), a payment between them, a port. */
function smallCase() {
  const graph = createDataGraph();
  const node = (id: string, entityType: string, extra: Record<string, unknown> = {}) =>
    graph.addNode(id, {
      entityType,
      name: id,
      sources: [],
      grade: null,
      gradeScheme: null,
      x: 0,
      y: 0,
      ...extra,
    } as never);
  for (const id of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3']) node(id, 'Person');
  node('pay', 'Payment', { amount: 900, currency: 'EUR' });
  node('inner', 'Payment', { amount: 50, currency: 'EUR' });
  node('port', 'Location');
  const link = (key: string, s: string, t: string, linkType: string) =>
    graph.addDirectedEdgeWithKey(key, s, t, { linkType } as never);
  link('e1', 'a1', 'a2', 'ASSOCIATE_OF');
  link('e2', 'a2', 'a3', 'ASSOCIATE_OF');
  link('e3', 'b1', 'b2', 'ASSOCIATE_OF');
  link('e4', 'b2', 'b3', 'ASSOCIATE_OF');
  link('p1', 'a1', 'pay', 'PAID');
  link('p2', 'pay', 'b1', 'RECEIVED');
  link('p3', 'a1', 'inner', 'PAID');
  link('p4', 'inner', 'a3', 'RECEIVED');
  link('l1', 'a1', 'port', 'BASED_IN');
  const syndicates: Syndicates = {
    source: 'run',
    syndicateOf: new Map([
      ['a1', 0],
      ['a2', 0],
      ['a3', 0],
      ['b1', 1],
      ['b2', 1],
      ['b3', 1],
      ['port', 0],
    ]),
    cellOf: new Map([
      ['a1', 10],
      ['a2', 10],
      ['a3', 11],
    ]),
    names: new Map([
      ['s:0', 'Zuwara coast syndicate'],
      ['s:1', 'Aegean crossings syndicate'],
      ['c:10', 'Anwar Al-Fitouri'],
    ]),
    cellParent: new Map([
      [10, 0],
      [11, 0],
    ]),
    sizes: new Map([
      [0, 4],
      [1, 3],
    ]),
  };
  return { graph, syndicates };
}

describe('grouping by syndicate and cell', () => {
  it('draws each syndicate as one named group (groups in key order), keeps places apart, and folds links with their money', () => {
    const { graph, syndicates } = smallCase();
    const shown = new Set(graph.nodes());
    const plan = planGroups(graph, shown, syndicates, { mode: 'grouped', toggled: [] });
    expect([...plan.groups.values()].map((g) => [g.key, g.name, g.members])).toEqual([
      ['s:0', 'Zuwara coast syndicate', 4],
      ['s:1', 'Aegean crossings syndicate', 3],
      ['x:Location', 'Places', 1],
      ['x:Payment', 'Payments between syndicates', 1],
    ]);
    // The payment between two syndicates is kept apart; the one inside a syndicate joins it.
    expect(plan.groupOf.get('inner')).toBe('s:0');
    expect(plan.groupOf.get('pay')).toBe('x:Payment');
    const display = buildDisplayGraph(graph, shown, () => true, plan, new Map());
    expect(display.order).toBe(4);
    const folded = display.getEdgeAttribute('g|s:0|x:Payment', 'aggregate');
    expect(folded).toEqual({ count: 1, kinds: ['PAID'], money: { EUR: 900 } });
    expect(display.hasEdge('g|s:0|s:0')).toBe(false);
  });

  it('opens a syndicate into its cells and a cell into its members, and closes it again', () => {
    const { graph, syndicates } = smallCase();
    const shown = new Set(graph.nodes());
    let grouping = withGroupOpen({ mode: 'grouped', toggled: [] }, 's:0', true);
    let plan = planGroups(graph, shown, syndicates, grouping);
    expect([...plan.groups.keys()].sort()).toEqual(['c:10', 'c:11', 's:1', 'x:Location', 'x:Payment']);
    expect(plan.groups.get('c:10')?.name).toBe('Cell: Anwar Al-Fitouri');
    grouping = withGroupOpen(grouping, 'c:10', true);
    plan = planGroups(graph, shown, syndicates, grouping);
    expect(plan.groupOf.has('a1')).toBe(false);
    expect(plan.pathOf.get('a1')).toEqual(['s:0', 'c:10']);
    grouping = withGroupOpen(grouping, 's:0', false);
    plan = planGroups(graph, shown, syndicates, grouping);
    expect(plan.groupOf.get('a1')).toBe('s:0');
  });

  it('counts only the entities the filters show, and draws pulled-out entities themselves', () => {
    const { graph, syndicates } = smallCase();
    const shown = new Set(graph.nodes().filter((n) => n !== 'a2'));
    const plan = planGroups(graph, shown, syndicates, { mode: 'grouped', toggled: [] }, new Set(['b1']));
    expect(plan.groups.get('s:0')?.members).toBe(3);
    expect(plan.groups.get('s:1')?.members).toBe(2);
    expect(plan.groupOf.has('b1')).toBe(false);
  });
});

/** A drawing as plain data: its nodes, and its links with their ends, weights and folded figures. */
function drawingOf(display: DisplayGraph) {
  return {
    nodes: display.nodes().sort(),
    links: display
      .mapEdges((edge, a, source, target) => [edge, source, target, a.linkType, a.aggregate ?? null])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
  };
}

describe('regrouping a drawing as groups open and close', () => {
  it('gives the drawing built from every link, at each step, with what it keeps of the one before', () => {
    const { graph, syndicates } = smallCase();
    // a2 filtered out, and one link hidden by the record filters.
    const shown = new Set(graph.nodes().filter((n) => n !== 'a2'));
    const edgeShown = (a: { linkType: string }) => a.linkType !== 'BASED_IN';
    const paths = groupPaths(graph, syndicates);
    let grouping: Grouping = { mode: 'grouped', toggled: [] };
    const steps: [string, boolean, Set<string>][] = [
      ['s:0', true, new Set()],
      ['c:10', true, new Set()],
      ['c:10', true, new Set(['b1'])],
      ['s:0', false, new Set(['b1'])],
      ['s:1', true, new Set()],
      ['x:Payment', true, new Set()],
    ];
    let plan = planGroups(graph, shown, syndicates, grouping, new Set(), paths);
    let display = buildDisplayGraph(graph, shown, edgeShown, plan, new Map());
    for (const [key, open, pulledOut] of steps) {
      grouping = withGroupOpen(grouping, key, open);
      const next = planGroups(graph, shown, syndicates, grouping, pulledOut, paths);
      expect(next).toEqual(planGroups(graph, shown, syndicates, grouping, pulledOut));
      const regrouped = regroupDisplayGraph({ display, plan }, graph, shown, edgeShown, next, new Map());
      const built = buildDisplayGraph(graph, shown, edgeShown, next, new Map());
      expect(drawingOf(regrouped), `after ${open ? 'opening' : 'closing'} ${key}`).toEqual(drawingOf(built));
      // Entities drawn themselves share their attributes with the data graph, as when built.
      for (const node of regrouped.filterNodes((_n, a) => a.group === undefined))
        expect(regrouped.getNodeAttributes(node)).toBe(graph.getNodeAttributes(node));
      plan = next;
      display = regrouped;
    }
    expect(display.hasNode('b1')).toBe(true);
  });
});

describe('separateBoxes', () => {
  it('leaves no two boxes overlapping, even boxes that start on the same point', () => {
    const boxes = Array.from({ length: 30 }, (_, i) => ({
      x: i % 3,
      y: 0,
      left: 5,
      right: 60 + i,
      up: 8,
      down: 8,
    }));
    expect(separateBoxes(boxes)).toBe(true);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const apart =
          a.x + a.right <= b.x - b.left ||
          b.x + b.right <= a.x - a.left ||
          a.y + a.down <= b.y - b.up ||
          b.y + b.down <= a.y - a.up;
        expect(apart).toBe(true);
      }
  });
});
