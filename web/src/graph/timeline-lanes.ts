/**
 * The timeline's lanes, from what the view holds: one lane per person, vessel or account with dated
 * events, payments, journeys, communications or document uses, grouped under its syndicate (the
 * communities run's names; the rest under "Outside syndicates"). An item is one dated record: an
 * Event, Payment or Communication entity (on the lanes of those linked to it), or a dated journey
 * (TRAVELLED, SMUGGLED, USED of a vessel or vehicle), contact (CONTACTED, USED of a phone or account)
 * or document use (USED or HOLDS of a document) link (on the lanes of its ends). Pure: nothing is
 * drawn here.
 */
import type { EdgeData, NodeData } from './data-graph.ts';
import { overlapsWindow, spanOf } from './data-graph.ts';
import type { TimeWindow } from './time-axis.ts';
import { byKey } from '../lib/order.ts';

/** The kinds of mark, in legend order. */
export const MARK_KINDS = ['event', 'payment', 'journey', 'communication', 'document'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** Entity types that get a lane. */
export const LANE_TYPES: ReadonlySet<string> = new Set(['Person', 'Vessel', 'Account']);

/** The group of lanes outside every syndicate. */
export const OUTSIDE = { key: 'outside', name: 'Outside syndicates' } as const;

/** One dated record on the timeline. */
export interface TimelineItem {
  id: string;
  kind: MarkKind;
  start: string;
  end: string;
  label: string;
  /** What a click on its mark selects: the entity, or a link's two ends. */
  select: string[];
}

export interface Lane {
  id: string;
  name: string;
  type: string;
  /** Its items, by start. */
  items: TimelineItem[];
}

export interface LaneGroup {
  key: string;
  name: string;
  /** Its lanes, those with most items first. */
  lanes: Lane[];
}

export interface Lanes {
  groups: LaneGroup[];
  /** Every item once, by start. */
  items: TimelineItem[];
  first: string | null;
  last: string | null;
}

/** The graph as the lanes read it (the data graph, or a test's small graph). */
export interface LaneGraph {
  forEachNode(callback: (node: string, attributes: NodeData) => void): void;
  forEachEdge(callback: (edge: string, attributes: EdgeData, source: string, target: string) => void): void;
  forEachEdge(
    node: string,
    callback: (edge: string, attributes: EdgeData, source: string, target: string) => void,
  ): void;
  getNodeAttributes(node: string): NodeData;
  hasNode(node: string): boolean;
}

/** What the lanes are built from: the graph and the view's filters (all but time). */
export interface LaneInput {
  graph: LaneGraph;
  nodeShown(node: string): boolean;
  edgeShown(attributes: EdgeData): boolean;
  /** The syndicate an entity is in, if any. */
  syndicateOf(id: string): { key: string; name: string } | undefined;
}

const NODE_KINDS: Record<string, MarkKind> = {
  Event: 'event',
  Payment: 'payment',
  Communication: 'communication',
};

/** Link types the timeline may show (linkKind says as what). */
const LINK_TYPES: ReadonlySet<string> = new Set(['TRAVELLED', 'SMUGGLED', 'CONTACTED', 'USED', 'HOLDS']);

/** The kind of a dated link between two entity types, or null when the timeline does not show it. */
export function linkKind(linkType: string, sourceType: string, targetType: string): MarkKind | null {
  const has = (type: string) => sourceType === type || targetType === type;
  if (linkType === 'TRAVELLED' || linkType === 'SMUGGLED') return 'journey';
  if (linkType === 'CONTACTED') return 'communication';
  if (linkType === 'USED' || linkType === 'HOLDS') {
    if (has('Document')) return 'document';
    if (linkType === 'USED' && (has('Communication') || has('Account'))) return 'communication';
    if (linkType === 'USED' && (has('Vessel') || has('Vehicle'))) return 'journey';
  }
  return null;
}

const nameOf = (attributes: NodeData, id: string) =>
  typeof attributes.name === 'string' && attributes.name !== '' ? attributes.name : id;

/** Builds the lanes of what the view shows (time aside), grouped by syndicate. */
export function buildLanes(input: LaneInput): Lanes {
  const { graph } = input;
  // Each node is asked about once: a busy person is the end of hundreds of dated records.
  const known = new Map<string, boolean>();
  const nodeShown = (node: string) => {
    let shown = known.get(node);
    if (shown === undefined) {
      shown = input.nodeShown(node);
      known.set(node, shown);
    }
    return shown;
  };
  const isLane = (node: string, attributes: NodeData) =>
    LANE_TYPES.has(attributes.entityType) && nodeShown(node);
  const placed: { item: TimelineItem; lanes: string[] }[] = [];
  graph.forEachNode((node, attributes) => {
    const kind = NODE_KINDS[attributes.entityType];
    const span = kind ? spanOf(attributes) : null;
    if (!kind || !span || !nodeShown(node)) return;
    const lanes: string[] = [];
    graph.forEachEdge(node, (_edge, link, source, target) => {
      const other = source === node ? target : source;
      if (other !== node && !lanes.includes(other) && input.edgeShown(link))
        if (isLane(other, graph.getNodeAttributes(other))) lanes.push(other);
    });
    const item = {
      id: node,
      kind,
      start: span.start,
      end: span.end,
      label: nameOf(attributes, node),
      select: [node],
    };
    if (lanes.length > 0) placed.push({ item, lanes });
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!LINK_TYPES.has(attributes.linkType)) return;
    const span = spanOf(attributes);
    if (!span) return;
    const from = graph.getNodeAttributes(source);
    const to = graph.getNodeAttributes(target);
    const kind = linkKind(attributes.linkType, from.entityType, to.entityType);
    if (!kind || !input.edgeShown(attributes) || !nodeShown(source) || !nodeShown(target)) return;
    const lanes: string[] = [];
    if (LANE_TYPES.has(from.entityType)) lanes.push(source);
    if (LANE_TYPES.has(to.entityType) && target !== source) lanes.push(target);
    if (lanes.length === 0) return;
    const label = `${attributes.linkType}: ${nameOf(from, source)} → ${nameOf(to, target)}`;
    placed.push({ item: { id: edge, kind, ...span, label, select: [source, target] }, lanes });
  });
  // Sorted once, then dealt out: every lane's items come in date order.
  placed.sort((a, b) => byStart(a.item, b.item));
  const laneItems = new Map<string, TimelineItem[]>();
  for (const { item, lanes } of placed)
    for (const lane of lanes) {
      const list = laneItems.get(lane);
      if (list) list.push(item);
      else laneItems.set(lane, [item]);
    }
  const items = placed.map((entry) => entry.item);
  return { groups: groupLanes(input, laneItems), items, ...extent(items) };
}

const byName = new Intl.Collator('en');

const byStart = (a: TimelineItem, b: TimelineItem) => byKey(a.start, b.start) || byKey(a.id, b.id);

function extent(items: TimelineItem[]): { first: string | null; last: string | null } {
  let first: string | null = null;
  let last: string | null = null;
  for (const item of items) {
    if (first === null || item.start < first) first = item.start;
    if (last === null || item.end > last) last = item.end;
  }
  return { first, last };
}

/** Lanes under their syndicates (by name), "Outside syndicates" last; busiest lanes first. */
function groupLanes(input: LaneInput, laneItems: Map<string, TimelineItem[]>): LaneGroup[] {
  const groups = new Map<string, LaneGroup>();
  for (const [id, list] of laneItems) {
    const attributes = input.graph.getNodeAttributes(id);
    const { key, name } = input.syndicateOf(id) ?? OUTSIDE;
    let group = groups.get(key);
    if (!group) {
      group = { key, name, lanes: [] };
      groups.set(key, group);
    }
    group.lanes.push({ id, name: nameOf(attributes, id), type: attributes.entityType, items: list });
  }
  for (const group of groups.values())
    group.lanes.sort((a, b) => b.items.length - a.items.length || byName.compare(a.name, b.name));
  return [...groups.values()].sort((a, b) =>
    a.key === OUTSIDE.key ? 1 : b.key === OUTSIDE.key ? -1 : byName.compare(a.name, b.name),
  );
}

/** Whether an item falls in a window (its days overlap it), the rule the time filter applies. */
export function itemInWindow(item: TimelineItem, window: TimeWindow | null): boolean {
  return window === null || overlapsWindow(item, window);
}

/** One row of the lane list: a syndicate's header (all its lanes' items), or one lane. */
export type LaneRow =
  | { kind: 'group'; group: LaneGroup; open: boolean; items: TimelineItem[] }
  | { kind: 'lane'; lane: Lane };

/** The rows of the lane list: each group's header, then its lanes if it is open. */
export function laneRows(lanes: Lanes, open: ReadonlySet<string>): LaneRow[] {
  const rows: LaneRow[] = [];
  for (const group of lanes.groups) {
    const seen = new Map<string, TimelineItem>();
    for (const lane of group.lanes) for (const item of lane.items) seen.set(item.id, item);
    const isOpen = open.has(group.key);
    rows.push({ kind: 'group', group, open: isOpen, items: [...seen.values()] });
    if (isOpen) for (const lane of group.lanes) rows.push({ kind: 'lane', lane });
  }
  return rows;
}

/** Items of one kind drawn on the same pixel: one mark, from x (its first day) to x2 (its last). */
export interface MarkGroup {
  x: number;
  x2: number;
  items: TimelineItem[];
}

/** Groups a row's items by kind and pixel (x of their first day, rounded), in the items' order. */
export function coalesceMarks(items: readonly TimelineItem[], xOf: (day: string) => number): MarkGroup[] {
  const at = new Map<string, MarkGroup>();
  for (const item of items) {
    const x = Math.round(xOf(item.start));
    const x2 = Math.round(xOf(item.end));
    const key = `${item.kind}|${x}`;
    const found = at.get(key);
    if (!found) at.set(key, { x, x2, items: [item] });
    else {
      found.items.push(item);
      found.x2 = Math.max(found.x2, x2);
    }
  }
  return [...at.values()];
}
