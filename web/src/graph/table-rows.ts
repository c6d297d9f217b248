/**
 * The rows of the table beside the canvas, from what the canvas draws: one row per entity drawn, one
 * per closed group (kind "group", with its member count, as the canvas draws it), one per link
 * drawn, one per folded link (kind "folded", with how many links it holds). Columns come from a fixed
 * list (the only keys the table sorts, filters and exports by); a column whose values no row has,
 * such as scores before a centrality run, is left out. Pure: nothing is drawn here.
 */
import type { EntityScores } from '../api/analyses.ts';
import type { DisplayGraph } from './display-graph.ts';

type Cell = string | number | undefined;

/** One row of the entities table. */
export interface EntityRow {
  id: string;
  kind: 'entity' | 'group';
  type: string;
  name: string;
  grade?: string;
  handling?: string;
  firstSeen?: string;
  lastSeen?: string;
  /** Links drawn touching it. */
  degree: number;
  syndicate?: string;
  members?: number;
  pagerank?: number;
  betweenness?: number;
  eigenvector?: number;
  closeness?: number;
}

/** One row of the links table. */
export interface LinkRow {
  id: string;
  kind: 'link' | 'folded';
  /** Ends as drawn (entity ids or group keys). */
  source: string;
  target: string;
  type: string;
  sourceName: string;
  targetName: string;
  date?: string;
  amount?: number;
  grade?: string;
  handling?: string;
  /** Links a folded link holds (1 for a link). */
  count: number;
}

/** A column: its key (whitelisted: only these), title, and whether it holds numbers. */
export interface TableColumn<R> {
  key: keyof R & string;
  title: string;
  numeric: boolean;
}

/** Every column the entities table may show, in order. */
export const ENTITY_COLUMNS: readonly TableColumn<EntityRow>[] = [
  { key: 'type', title: 'Type', numeric: false },
  { key: 'name', title: 'Name', numeric: false },
  { key: 'grade', title: 'Grade', numeric: false },
  { key: 'handling', title: 'Handling', numeric: false },
  { key: 'firstSeen', title: 'First seen', numeric: false },
  { key: 'lastSeen', title: 'Last seen', numeric: false },
  { key: 'degree', title: 'Links', numeric: true },
  { key: 'syndicate', title: 'Syndicate', numeric: false },
  { key: 'members', title: 'Members', numeric: true },
  { key: 'pagerank', title: 'PageRank', numeric: true },
  { key: 'betweenness', title: 'Betweenness', numeric: true },
  { key: 'eigenvector', title: 'Eigenvector', numeric: true },
  { key: 'closeness', title: 'Closeness', numeric: true },
];

/** Every column the links table may show, in order. */
export const LINK_COLUMNS: readonly TableColumn<LinkRow>[] = [
  { key: 'type', title: 'Type', numeric: false },
  { key: 'sourceName', title: 'From', numeric: false },
  { key: 'targetName', title: 'To', numeric: false },
  { key: 'date', title: 'Date', numeric: false },
  { key: 'amount', title: 'Amount', numeric: true },
  { key: 'grade', title: 'Grade', numeric: false },
  { key: 'handling', title: 'Handling', numeric: false },
  { key: 'count', title: 'Links held', numeric: true },
];

/** What the rows are built from: the drawn graph, the items drawn, syndicates and scores. */
export interface TableInput {
  /** The graph sigma draws (the grouped drawing, or the data graph). */
  drawn: DisplayGraph;
  /** The nodes and links drawn now (closed groups and folded links included). */
  items: { nodes: readonly string[]; edges: readonly string[] };
  /** Entity -> its syndicate's name, where a communities run placed it. */
  syndicateOf(entity: string): string | undefined;
  /** Scores of the server's centrality run, by entity; null before one ran. */
  scores: ReadonlyMap<string, EntityScores> | null;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const number = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** The name a drawn node shows (its name, else its id). */
function nameOf(drawn: DisplayGraph, node: string): string {
  return text(drawn.getNodeAttribute(node, 'name')) ?? node;
}

/** The rows of the entities table. */
export function entityRows(input: TableInput): EntityRow[] {
  const { drawn, items, scores } = input;
  const degree = new Map<string, number>();
  for (const edge of items.edges) {
    const [source, target] = drawn.extremities(edge);
    degree.set(source, (degree.get(source) ?? 0) + 1);
    if (target !== source) degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  return items.nodes.map((id): EntityRow => {
    const a = drawn.getNodeAttributes(id);
    if (a.group)
      return {
        id,
        kind: 'group',
        type: 'Group',
        name: a.group.name,
        degree: degree.get(id) ?? 0,
        members: a.group.members,
      };
    const score = scores?.get(id);
    return {
      id,
      kind: 'entity',
      type: String(a.entityType),
      name: nameOf(drawn, id),
      grade: text(a.grade),
      handling: text(a.handling),
      firstSeen: text(a.firstSeen)?.slice(0, 10),
      lastSeen: text(a.lastSeen)?.slice(0, 10),
      degree: degree.get(id) ?? 0,
      syndicate: input.syndicateOf(id),
      pagerank: number(score?.pagerank),
      betweenness: number(score?.betweenness),
      eigenvector: number(score?.eigenvector),
      closeness: number(score?.closeness),
    };
  });
}

/** The rows of the links table. */
export function linkRows(input: TableInput): LinkRow[] {
  const { drawn, items } = input;
  return items.edges.map((id): LinkRow => {
    const a = drawn.getEdgeAttributes(id);
    const [source, target] = drawn.extremities(id);
    const ends = { source, target, sourceName: nameOf(drawn, source), targetName: nameOf(drawn, target) };
    if (a.aggregate)
      return { id, kind: 'folded', ...ends, type: a.aggregate.kinds.join(', '), count: a.aggregate.count };
    return {
      id,
      kind: 'link',
      ...ends,
      type: String(a.linkType),
      date: text(a.date)?.slice(0, 10),
      amount: number(a.amount),
      grade: text(a.grade),
      handling: text(a.handling),
      count: 1,
    };
  });
}

/** The columns that some row has a value for, in the list's order. */
export function presentColumns<R extends object>(
  columns: readonly TableColumn<R>[],
  rows: readonly R[],
): TableColumn<R>[] {
  return columns.filter((column) => rows.some((row) => row[column.key] !== undefined));
}

/** A cell's value as the table and the CSV show it. */
export function cellOf<R extends object>(row: R, column: TableColumn<R>): Cell {
  const value = row[column.key] as unknown;
  if (typeof value === 'number') return column.numeric && !Number.isInteger(value) ? round(value) : value;
  return typeof value === 'string' ? value : undefined;
}

/** Four significant digits: scores are read, not recomputed. */
const round = (value: number) => Number(value.toPrecision(4));
