/**
 * What the analyst sees, as one immutable value: which loads are open, what is hidden, pinned,
 * selected, grouped or highlighted, the filters, and how nodes and edges are coloured and sized.
 * The data graph never holds any of it; sigma's reducers read it. Every change makes a new value,
 * which is what makes undo, redo and the link in the address bar simple.
 */

/** A piece of data the view asked the server for; replaying loads rebuilds the data graph. */
export type Load =
  | { kind: 'neighbourhood'; id: string; depth: number; limit: number; types?: string[] }
  | { kind: 'paths'; from: string; to: string; all: boolean }
  | { kind: 'case'; caseId?: string };

export type ColourBy = 'type' | 'community' | 'crime';
export type SizeBy = 'degree' | 'pagerank' | 'betweenness' | 'none';
export type EdgeWidthBy = 'weight' | 'amount' | 'none';

/**
 * Grouping by syndicate and cell. A group key is `s:<syndicate id>`, `c:<cell id>` or `x:<entity
 * type>` (entities kept apart from the syndicates: places, routes, sources...). With mode "grouped"
 * every group is closed (drawn as one node) except the `toggled` ones; with mode "open" every group
 * is open except the `toggled` ones. Plain data, so links, undo and saved views carry it.
 */
export interface Grouping {
  mode: 'grouped' | 'open';
  toggled: string[];
}

/** Whether a group is open (its cells or members drawn) under a grouping. */
export function isGroupOpen(grouping: Grouping, key: string): boolean {
  return (grouping.mode === 'open') !== grouping.toggled.includes(key);
}

/** The grouping with a group opened or closed. */
export function withGroupOpen(grouping: Grouping, key: string, open: boolean): Grouping {
  if (isGroupOpen(grouping, key) === open) return grouping;
  const toggled = grouping.toggled.includes(key)
    ? grouping.toggled.filter((k) => k !== key)
    : [...grouping.toggled, key];
  return { ...grouping, toggled };
}

/** Whether a grouping draws any group closed. */
export function groupsAnything(grouping: Grouping): boolean {
  return grouping.mode === 'grouped' || grouping.toggled.length > 0;
}

/** Filters; an empty list means "no restriction". */
export interface Filters {
  /** Entity types left out. */
  hiddenTypes: string[];
  /** Only nodes linked to one of these crime categories. */
  categories: string[];
  /** Only records whose source value (A, B, 1, ...) is listed. */
  sources: string[];
  /** Only records with one of these handling codes. */
  handling: string[];
  /** Only records whose date (else first to last seen) overlaps [from, to], ISO dates; undated ones stay. */
  time: { from: string; to: string } | null;
}

/**
 * How the canvas is laid out: the force layout (the default), the organigram, rings around one
 * entity, or by time. Kept in the state, so undo, links and saved views reopen a layout.
 */
export type LayoutChoice =
  | { kind: 'force' }
  | { kind: 'organigram' }
  | { kind: 'radial'; centre: string }
  | { kind: 'time' };

/** Whether two layout choices are the same. */
export function sameLayout(a: LayoutChoice, b: LayoutChoice): boolean {
  return a.kind === b.kind && (a.kind !== 'radial' || a.centre === (b as { centre: string }).centre);
}

export interface ViewState {
  loads: Load[];
  hidden: string[];
  pinned: string[];
  selected: string[];
  /** Syndicates and cells drawn as one group node each (grouping.ts). */
  grouping: Grouping;
  /** A community in focus: the rest fades. */
  focus: number | null;
  /** Nodes and edges highlighted (paths, typology payments). */
  highlight: { nodes: string[]; edges: string[] } | null;
  /** Nodes removed in a disruption "what if". */
  removed: string[];
  filters: Filters;
  colourBy: ColourBy;
  sizeBy: SizeBy;
  edgeWidthBy: EdgeWidthBy;
  /** Payments drawn as links payer -> payee instead of as nodes (payment-links.ts). */
  paymentsAsLinks: boolean;
  /** The layout chosen in the toolbar. */
  layout: LayoutChoice;
  /** The table's columns the analyst hid, by table (keys of table-rows.ts's columns). */
  hiddenColumns: HiddenColumns;
}

/** Columns hidden in each table; new columns show until hidden. */
export interface HiddenColumns {
  entities: string[];
  links: string[];
}

/** An empty view. */
export const EMPTY_VIEW: ViewState = {
  loads: [],
  hidden: [],
  pinned: [],
  selected: [],
  grouping: { mode: 'open', toggled: [] },
  focus: null,
  highlight: null,
  removed: [],
  filters: { hiddenTypes: [], categories: [], sources: [], handling: [], time: null },
  colourBy: 'type',
  sizeBy: 'degree',
  edgeWidthBy: 'weight',
  paymentsAsLinks: false,
  layout: { kind: 'force' },
  hiddenColumns: { entities: [], links: [] },
};

/** A stable key for a load, so the same load is never made twice. */
export function loadKey(load: Load): string {
  switch (load.kind) {
    case 'neighbourhood':
      return `n|${load.id}|${load.depth}|${load.limit}|${(load.types ?? []).join(',')}`;
    case 'paths':
      return `p|${load.from}|${load.to}|${load.all ? 'all' : 'shortest'}`;
    case 'case':
      return `c|${load.caseId ?? ''}`;
  }
}

/** Adds items to a list, keeping it free of duplicates. */
export function withItems<T>(list: readonly T[], items: readonly T[]): T[] {
  const out = [...list];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out;
}

/** Removes items from a list. */
export function withoutItems<T>(list: readonly T[], items: readonly T[]): T[] {
  const drop = new Set(items);
  return list.filter((item) => !drop.has(item));
}
