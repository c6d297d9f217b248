/**
 * sigma's reducers: how each node and edge is drawn from the data and the compiled view. Colour by
 * type, community or crime category; a ring in the type's colour; size by the chosen centrality;
 * edges curved apart when parallel, with arrows, sized by weight or amount; focus, selection and
 * highlighted paths on top. Nothing here writes to the graph.
 */
import type { Attributes } from 'graphology-types';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { DataGraph, EdgeData, NodeData, Origins } from './data-graph.ts';
import { type Aggregate, type DisplayEdge, describeAggregate } from './display-graph.ts';
import { entityRadius, groupRadius } from './group-units.ts';
import { describePaymentLink, type PaymentLink } from './payment-links.ts';
import type { GroupNode } from './grouping.ts';
import type { Insights } from './derived.ts';
import { iconOf, iconTint } from './icons.ts';
import {
  CATEGORY_COLOUR,
  communityColour,
  EDGE_COLOUR,
  FADED,
  HIGHLIGHT,
  MONEY_COLOUR,
  NO_CATEGORY_COLOUR,
  typeColour,
  typeGlyph,
} from './palette.ts';
import { type CompiledView, isEdgeShown, isNodeShown } from './visibility.ts';

/** Everything the reducers read. */
export interface DrawContext {
  graph: DataGraph;
  origins: Origins;
  insights: Insights;
  view: CompiledView;
  /** Whether sigma draws the grouped graph (sizes in graph units, closed groups as nodes). */
  grouped: boolean;
  /** Whether edges draw arrowheads (left off on very large graphs, where they cannot be read). */
  arrows: boolean;
  /** A closed group's label as drawn: cut to the room the grouped layout kept for it. */
  groupLabel(group: GroupNode): string;
}

type NodeOut = Partial<NodeDisplayData> & Attributes;
type EdgeOut = Partial<EdgeDisplayData> & Attributes;

/** The fill colour of a node for the chosen colouring. */
export function fillOf(context: DrawContext, node: string, attributes: NodeData): string {
  const { insights, view } = context;
  switch (view.state.colourBy) {
    case 'community': {
      const id = insights.community.get(node);
      return id === undefined ? NO_CATEGORY_COLOUR : communityColour(insights.communityRank.get(id) ?? 99);
    }
    case 'crime': {
      const first = insights.categories.get(node)?.[0];
      return first === undefined ? NO_CATEGORY_COLOUR : (CATEGORY_COLOUR[first] ?? NO_CATEGORY_COLOUR);
    }
    default:
      return typeColour(attributes.entityType);
  }
}

function isFaded(context: DrawContext, node: string): boolean {
  const { view, insights } = context;
  if (view.highlightNodes.size > 0) return !view.highlightNodes.has(node);
  const focus = view.state.focus;
  return focus !== null && insights.community.get(node) !== focus;
}

/** A closed group: a disc sized by its members, in its syndicate's colour, always labelled. */
function reduceGroup(context: DrawContext, node: string, attributes: NodeData, group: GroupNode): NodeOut {
  const { insights, view } = context;
  const colour =
    group.syndicate === null
      ? NO_CATEGORY_COLOUR
      : communityColour(insights.communityRank.get(group.syndicate) ?? 99);
  return {
    x: attributes.x,
    y: attributes.y,
    size: groupRadius(group.members),
    label: context.groupLabel(group),
    color: colour,
    borderColor: group.kind === 'cell' ? '#5b6472' : '#2f3a4a',
    forceLabel: true,
    highlighted: view.selected.has(node),
    zIndex: 1,
    // No icon: the icon program still reads a colour for every node it draws.
    image: null,
    iconColor: colour,
  };
}

/** The node reducer. */
export function reduceNode(context: DrawContext, node: string, attributes: NodeData): NodeOut {
  const { view, insights } = context;
  const group = (attributes as NodeData & { group?: GroupNode }).group;
  if (group) return reduceGroup(context, node, attributes, group);
  if (!isNodeShown(view, context.origins, insights, node, attributes)) {
    // sigma needs a position even for a hidden node: what a reducer returns replaces the attributes.
    return { x: attributes.x, y: attributes.y, size: 1, hidden: true, iconColor: FADED };
  }
  const centrality = insights.centrality.get(node) ?? 0;
  const plain = view.state.sizeBy === 'none' ? 5 : 3 + 14 * Math.sqrt(centrality);
  const out: NodeOut = {
    x: attributes.x,
    y: attributes.y,
    size: context.grouped ? entityRadius(view.state.sizeBy === 'none' ? 0 : centrality) : plain,
    label: `${typeGlyph(attributes.entityType)} ${attributes.name ?? node}`,
    color: fillOf(context, node, attributes),
    borderColor: typeColour(attributes.entityType),
    image: iconOf(attributes.entityType),
  };
  if (isFaded(context, node)) {
    out.color = FADED;
    out.borderColor = FADED;
    out.label = '';
    out.zIndex = 0;
  } else out.zIndex = 1;
  out.iconColor = iconTint(out.color as string);
  if (view.highlightNodes.has(node)) {
    out.borderColor = HIGHLIGHT;
    out.forceLabel = true;
    out.zIndex = 2;
  }
  if (view.selected.has(node)) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 3;
  }
  return out;
}

function widthOf(context: DrawContext, edge: string, attributes: EdgeData): number {
  const by = context.view.state.edgeWidthBy;
  if (by === 'none') return 1;
  if (by === 'weight') {
    const weight = typeof attributes.weight === 'number' ? attributes.weight : 1;
    return 1 + Math.log2(Math.max(weight, 1));
  }
  let amount = typeof attributes.amount === 'number' ? attributes.amount : undefined;
  if (amount === undefined) {
    // Payments are nodes: a PAID or RECEIVED link takes the amount of its payment.
    const { graph } = context;
    for (const end of graph.extremities(edge)) {
      const value = graph.getNodeAttribute(end, 'amount');
      if (typeof value === 'number') amount = value;
    }
  }
  return amount === undefined ? 1 : 1 + Math.log10(Math.max(amount, 1)) / 1.5;
}

/**
 * Payments folded into a link payer -> payee: wide by amount (a payment link's weight is its amount),
 * labelled with the count, the amounts by currency and the dates.
 */
function reducePaymentLink(context: DrawContext, link: PaymentLink): EdgeOut {
  const size = context.view.state.edgeWidthBy === 'none' ? 1 : 1 + 4 * Math.sqrt(link.share);
  const lit = link.payments.some((payment) => context.view.highlightNodes.has(payment));
  return {
    size: lit ? size + 2 : size,
    color: lit ? HIGHLIGHT : MONEY_COLOUR,
    label: describePaymentLink(link),
    type: context.arrows ? 'arrow' : 'line',
    zIndex: lit ? 2 : 1,
  };
}

/** The edge reducer. */
export function reduceEdge(context: DrawContext, edge: string, attributes: EdgeData): EdgeOut {
  const { view, graph } = context;
  const payments = (attributes as DisplayEdge).payments;
  if (payments) return reducePaymentLink(context, payments);
  const aggregate = (attributes as EdgeData & { aggregate?: Aggregate }).aggregate;
  if (aggregate)
    return {
      size: 1 + Math.log2(aggregate.count),
      color: EDGE_COLOUR,
      label: describeAggregate(aggregate),
      type: 'line',
      zIndex: 0,
    };
  if (!isEdgeShown(view, attributes)) return { hidden: true };
  // The ends matter only when nodes are faded: looking them up for every edge on every redraw is
  // a cost bare sigma does not have.
  const endsMatter = view.highlightNodes.size > 0 || view.state.focus !== null;
  const [source, target] = endsMatter ? graph.extremities(edge) : ['', ''];
  const parallel = context.insights.parallel.get(edge);
  const out: EdgeOut = {
    size: widthOf(context, edge, attributes),
    color: EDGE_COLOUR,
    // Edge labels are drawn for payment links only: other links' types would bury them.
    label: view.state.paymentsAsLinks ? null : attributes.linkType,
    type: parallel ? 'curvedArrow' : context.arrows ? 'arrow' : 'line',
    zIndex: 0,
  };
  if (parallel) {
    // Spread from -0.5 to 0.5 around the straight line, one curve per parallel link.
    const spread = parallel.count > 1 ? parallel.index / (parallel.count - 1) - 0.5 : 0;
    out.curvature = 0.15 + spread * 0.6;
  }
  if (view.highlightEdges.has(edge)) {
    out.color = HIGHLIGHT;
    out.size = (out.size ?? 1) + 2;
    out.zIndex = 2;
  } else if (endsMatter && (isFaded(context, source) || isFaded(context, target))) {
    out.color = FADED;
  }
  return out;
}
