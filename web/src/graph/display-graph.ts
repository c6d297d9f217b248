/**
 * The graph sigma draws while groups are closed or payments are drawn as links: each closed group as
 * one node, the entities drawn themselves (sharing their attribute objects with the data graph, so
 * positions a layout writes stay with the entity), and the links between them; the links into or
 * between closed groups are folded into one link per pair, carrying how many links, of which kinds,
 * and the money they move. With payments as links (payment-links.ts), a payment between two drawn
 * entities becomes part of one link payer -> payee, and one into or out of a group part of the
 * group's folded link.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeData, GraphRecords, NodeData } from './data-graph.ts';
import type { GroupNode, GroupPlan } from './grouping.ts';
import {
  addAmount,
  addPayment,
  emptyPaymentLink,
  foldablePayments,
  moneyText,
  type PaymentLink,
  scaleShares,
} from './payment-links.ts';

/** A folded link between two drawn nodes, one of them a group at least. */
export interface Aggregate {
  count: number;
  kinds: string[];
  /** Amounts of the payments whose PAID or RECEIVED links are folded, by currency. */
  money: Record<string, number>;
}

/** A drawn node: an entity, or a group. */
export type DisplayNode = NodeData & { group?: GroupNode };
/** A drawn link: an entity's link, a folded one, or payments folded into one link. */
export type DisplayEdge = EdgeData & { aggregate?: Aggregate; payments?: PaymentLink };
export type DisplayGraph = MultiDirectedGraph<DisplayNode, DisplayEdge>;

/** No group closed: the plan of a drawing that only folds payments. */
export const NO_GROUPS: GroupPlan = { groupOf: new Map(), groups: new Map(), pathOf: new Map() };

/** The link type of payments folded into a link. */
export const PAYMENTS_LINK: string = 'PAYMENTS';

/** How many payments were folded into links, into how many, and how many stayed nodes. */
export interface FoldCount {
  payments: number;
  links: number;
  /** Payments shown whose payer or payee is not shown: drawn as nodes. */
  kept: number;
}

/** Adds a payment's amount to a folded link, once per payment and link kind. */
function addMoney(
  aggregate: Aggregate,
  graph: GraphRecords,
  linkType: string,
  source: string,
  target: string,
) {
  const payment = linkType === 'PAID' ? target : linkType === 'RECEIVED' ? source : null;
  if (payment !== null) addAmount(aggregate.money, graph, payment);
}

/**
 * The folded links between groups, filled in as links are met: each runs from the lesser key to the
 * greater and lists its kinds in order, so it is the same whatever order the links come in.
 */
class Folds {
  readonly entries = new Map<string, { source: string; target: string; aggregate: Aggregate }>();

  add(from: string, to: string, kind: string): Aggregate {
    const [source, target] = from < to ? [from, to] : [to, from];
    const key = `g|${source}|${target}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { source, target, aggregate: { count: 0, kinds: [], money: {} } };
      this.entries.set(key, entry);
    }
    const { kinds } = entry.aggregate;
    entry.aggregate.count++;
    if (!kinds.includes(kind)) {
      kinds.push(kind);
      kinds.sort();
    }
    return entry.aggregate;
  }
}

/** Adds the drawn nodes: the entities drawn themselves, then each closed group. */
function addNodes(
  display: DisplayGraph,
  graph: GraphRecords,
  shownNodes: ReadonlySet<string>,
  plan: GroupPlan,
  placed: ReadonlyMap<string, { x: number; y: number }>,
  folding: ReadonlyMap<string, unknown>,
): void {
  for (const node of shownNodes)
    if (!plan.groupOf.has(node) && !folding.has(node))
      display.addNode(node, graph.getNodeAttributes(node) as DisplayNode);
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
}

/** What folding a data link needs: the graph, what is shown, the plan, the payments folded. */
interface FoldContext {
  graph: GraphRecords;
  shownNodes: ReadonlySet<string>;
  isEdgeShown: (attributes: EdgeData) => boolean;
  plan: GroupPlan;
  folding: ReadonlyMap<string, unknown>;
}

/** Draws one data link: itself between two entities drawn, else folded into its groups' link. */
function foldLink(
  display: DisplayGraph,
  folds: Folds,
  context: FoldContext,
  edge: string,
  attributes: EdgeData,
  source: string,
  target: string,
): void {
  const { graph, shownNodes, plan, folding } = context;
  if (!shownNodes.has(source) || !shownNodes.has(target) || !context.isEdgeShown(attributes)) return;
  if (folding.has(source) || folding.has(target)) return;
  const a = plan.groupOf.get(source);
  const b = plan.groupOf.get(target);
  if (a === undefined && b === undefined) {
    display.addDirectedEdgeWithKey(edge, source, target, attributes);
    return;
  }
  const from = a ?? source;
  const to = b ?? target;
  if (from === to) return;
  addMoney(folds.add(from, to, attributes.linkType), graph, attributes.linkType, source, target);
}

/** Adds the folded links. */
function addFolds(display: DisplayGraph, folds: Folds): void {
  for (const [key, { source, target, aggregate }] of folds.entries)
    display.addDirectedEdgeWithKey(key, source, target, {
      linkType: aggregate.kinds.join(', '),
      weight: aggregate.count,
      aggregate,
    } as DisplayEdge);
}

/**
 * Builds the drawn graph from the data graph, the shown entities and links, and the plan. `placed`
 * gives groups the position they had before (else they start at their members' centre);
 * `foldPayments` draws payments as links. `counted` hears how many payments were folded.
 */
export function buildDisplayGraph(
  graph: GraphRecords,
  shownNodes: ReadonlySet<string>,
  isEdgeShown: (attributes: EdgeData) => boolean,
  plan: GroupPlan,
  placed: ReadonlyMap<string, { x: number; y: number }>,
  foldPayments = false,
  counted?: (count: FoldCount) => void,
): DisplayGraph {
  const display: DisplayGraph = new MultiDirectedGraph();
  const folding = foldPayments ? foldablePayments(graph, shownNodes, isEdgeShown) : new Map();
  addNodes(display, graph, shownNodes, plan, placed, folding);
  const folds = new Folds();
  const context: FoldContext = { graph, shownNodes, isEdgeShown, plan, folding };
  graph.forEachEdge((edge, attributes, source, target) =>
    foldLink(display, folds, context, edge, attributes, source, target),
  );
  const links = new Map<string, { source: string; target: string; link: PaymentLink }>();
  for (const [payment, { payers, payees }] of folding) {
    for (const payer of payers)
      for (const payee of payees) {
        const from = plan.groupOf.get(payer) ?? payer;
        const to = plan.groupOf.get(payee) ?? payee;
        if (from === to) continue;
        if (plan.groups.has(from) || plan.groups.has(to)) {
          addAmount(folds.add(from, to, 'payment').money, graph, payment);
          continue;
        }
        const key = `m|${from}|${to}`;
        let entry = links.get(key);
        if (!entry) {
          entry = { source: from, target: to, link: emptyPaymentLink() };
          links.set(key, entry);
        }
        addPayment(entry.link, graph, payment);
      }
  }
  addFolds(display, folds);
  for (const { link } of links.values()) link.payments.sort();
  scaleShares([...links.values()].map((entry) => entry.link));
  for (const [key, { source, target, link }] of links)
    display.addDirectedEdgeWithKey(key, source, target, {
      linkType: PAYMENTS_LINK,
      weight: link.payments.length,
      payments: link,
    } as DisplayEdge);
  let kept = 0;
  if (foldPayments)
    for (const node of shownNodes)
      if (!folding.has(node) && graph.getNodeAttributes(node).entityType === 'Payment') kept++;
  counted?.({ payments: folding.size, links: links.size, kept });
  return display;
}

/**
 * The drawn graph after groups opened or closed, from the one drawn before: the same entities and
 * links shown, payments drawn as nodes in both. Only what changed is worked out again: the links
 * that touch no node whose drawing changed (an entity now in a group or out of one, a group opened,
 * closed or holding other members) are kept; the others are folded again from the data links of
 * the entities drawn as, or inside, a changed node. So opening a group costs its members' links,
 * not a pass over every link of the case.
 */
export function regroupDisplayGraph(
  before: { display: DisplayGraph; plan: GroupPlan },
  graph: GraphRecords,
  shownNodes: ReadonlySet<string>,
  isEdgeShown: (attributes: EdgeData) => boolean,
  plan: GroupPlan,
  placed: ReadonlyMap<string, { x: number; y: number }>,
): DisplayGraph {
  const changed = new Set<string>();
  for (const node of shownNodes) {
    const was = before.plan.groupOf.get(node) ?? node;
    const now = plan.groupOf.get(node) ?? node;
    if (was !== now) changed.add(was).add(now);
  }
  const display: DisplayGraph = new MultiDirectedGraph();
  const folding = new Map<string, never>();
  addNodes(display, graph, shownNodes, plan, placed, folding);
  before.display.forEachEdge((edge, attributes, source, target) => {
    if (!changed.has(source) && !changed.has(target))
      display.addDirectedEdgeWithKey(edge, source, target, attributes);
  });
  const folds = new Folds();
  const context: FoldContext = { graph, shownNodes, isEdgeShown, plan, folding };
  const seen = new Set<string>();
  for (const node of shownNodes) {
    if (!changed.has(plan.groupOf.get(node) ?? node)) continue;
    graph.forEachEdge(node, (edge, attributes, source, target) => {
      if (seen.has(edge)) return;
      seen.add(edge);
      foldLink(display, folds, context, edge, attributes, source, target);
    });
  }
  addFolds(display, folds);
  return display;
}

/** What a folded link says, for its title and the test handle. */
export function describeAggregate(aggregate: Aggregate): string {
  const money = moneyText(aggregate.money);
  return `${aggregate.count} links (${aggregate.kinds.join(', ')})${money ? `; money moved ${money}` : ''}`;
}
