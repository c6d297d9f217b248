/**
 * The graph sigma draws while groups are closed: each closed group as one node, the entities drawn
 * themselves (sharing their attribute objects with the data graph, so positions a layout writes
 * stay with the entity), and the links between them; the links into or between closed groups are
 * folded into one link per pair, carrying how many links, of which kinds, and the money they move.
 */
import { MultiDirectedGraph } from 'graphology';
import type { DataGraph, EdgeData, NodeData } from './data-graph.ts';
import type { GroupNode, GroupPlan } from './grouping.ts';

/** A folded link between two drawn nodes, one of them a group at least. */
export interface Aggregate {
  count: number;
  kinds: string[];
  /** Amounts of the payments whose PAID or RECEIVED links are folded, by currency. */
  money: Record<string, number>;
}

/** A drawn node: an entity, or a group. */
export type DisplayNode = NodeData & { group?: GroupNode };
/** A drawn link: an entity's link, or a folded one. */
export type DisplayEdge = EdgeData & { aggregate?: Aggregate };
export type DisplayGraph = MultiDirectedGraph<DisplayNode, DisplayEdge>;

/** Adds a payment's amount to a folded link, once per payment and link kind. */
function addMoney(aggregate: Aggregate, graph: DataGraph, linkType: string, source: string, target: string) {
  const payment = linkType === 'PAID' ? target : linkType === 'RECEIVED' ? source : null;
  if (payment === null) return;
  const { amount, currency } = graph.getNodeAttributes(payment);
  if (typeof amount !== 'number') return;
  const key = typeof currency === 'string' ? currency : 'unknown';
  aggregate.money[key] = (aggregate.money[key] ?? 0) + amount;
}

/**
 * Builds the drawn graph from the data graph, the shown entities and links, and the plan. `placed`
 * gives groups the position they had before (else they start at their members' centre).
 */
export function buildDisplayGraph(
  graph: DataGraph,
  shownNodes: ReadonlySet<string>,
  isEdgeShown: (attributes: EdgeData) => boolean,
  plan: GroupPlan,
  placed: ReadonlyMap<string, { x: number; y: number }>,
): DisplayGraph {
  const display: DisplayGraph = new MultiDirectedGraph();
  for (const node of shownNodes)
    if (!plan.groupOf.has(node)) display.addNode(node, graph.getNodeAttributes(node) as DisplayNode);
  for (const [key, group] of plan.groups) {
    const at = placed.get(key) ?? group;
    display.addNode(key, {
      entityType: 'Group',
      name: group.name,
      x: at.x,
      y: at.y,
      group,
    } as unknown as DisplayNode);
  }
  const folded = new Map<string, { source: string; target: string; aggregate: Aggregate }>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!shownNodes.has(source) || !shownNodes.has(target) || !isEdgeShown(attributes)) return;
    const a = plan.groupOf.get(source);
    const b = plan.groupOf.get(target);
    if (a === undefined && b === undefined) {
      display.addDirectedEdgeWithKey(edge, source, target, attributes);
      return;
    }
    const from = a ?? source;
    const to = b ?? target;
    if (from === to) return;
    const key = from < to ? `g|${from}|${to}` : `g|${to}|${from}`;
    let entry = folded.get(key);
    if (!entry) {
      entry = { source: from, target: to, aggregate: { count: 0, kinds: [], money: {} } };
      folded.set(key, entry);
    }
    entry.aggregate.count++;
    if (!entry.aggregate.kinds.includes(attributes.linkType)) entry.aggregate.kinds.push(attributes.linkType);
    addMoney(entry.aggregate, graph, attributes.linkType, source, target);
  });
  for (const [key, { source, target, aggregate }] of folded)
    display.addDirectedEdgeWithKey(key, source, target, {
      linkType: aggregate.kinds.join(', '),
      weight: aggregate.count,
      aggregate,
    } as DisplayEdge);
  return display;
}

/** What a folded link says, for its title and the test handle. */
export function describeAggregate(aggregate: Aggregate): string {
  const money = Object.entries(aggregate.money)
    .map(([currency, amount]) => `${Math.round(amount).toLocaleString('en')} ${currency}`)
    .join(', ');
  return `${aggregate.count} links (${aggregate.kinds.join(', ')})${money ? `; money moved ${money}` : ''}`;
}
