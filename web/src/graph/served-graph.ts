/**
 * A served subgraph read as the data graph will read once it is merged into an empty one
 * (data-graph.ts): nodes and links in the served order, each node's neighbours and links in
 * graphology's order. graphology keeps a node's links in a plain object by neighbour, so neighbours
 * come in the order of a plain object's keys (integer-like keys first, ascending, then the others in
 * the order each was first linked), and parallel links newest first. Grouping and folding read it
 * (GraphRecords), so a case's groups are drawn from the answer and its records merged after that
 * first frame. Each node's links are indexed once, at the first question about one node's links.
 */
import type { SerializedGraph } from '../api/types.ts';
import type { EdgeCallback, GraphRecords, NodeData } from './data-graph.ts';

type ServedEdge = SerializedGraph['edges'][number];

/** Each node's links in and out, in the served order: offsets into a list of link positions. */
interface Incidence {
  inStart: Int32Array;
  inEdges: Int32Array;
  outStart: Int32Array;
  outEdges: Int32Array;
}

/** A served subgraph, read as a graph of records. */
export class ServedGraph implements GraphRecords {
  /** Node -> its position in the served order (duplicates merged into the first). */
  private readonly position = new Map<string, number>();
  private readonly attributes: NodeData[] = [];
  /** The links a merge keeps (both ends served) and their ends' positions. */
  private readonly edges: ServedEdge[] = [];
  private readonly sources: number[] = [];
  private readonly targets: number[] = [];
  private incidence: Incidence | null = null;

  /** Reads a served subgraph whose nodes all have positions (placeServed). */
  constructor(served: SerializedGraph) {
    for (const { key, attributes } of served.nodes) {
      const known = this.position.get(key);
      if (known === undefined) {
        this.position.set(key, this.attributes.length);
        this.attributes.push(attributes as NodeData);
      } else {
        // A node served twice: merged as the data graph merges it.
        const { depth: _depth, ...rest } = attributes;
        Object.assign(this.attributes[known] as NodeData, rest);
      }
    }
    // Links are taken as served: an answer of the API is a graph's serialisation, whose keys are
    // never repeated (the merge would keep a repeated key's first link only).
    for (const edge of served.edges) {
      const source = this.position.get(edge.source);
      const target = this.position.get(edge.target);
      if (source === undefined || target === undefined) continue;
      this.edges.push(edge);
      this.sources.push(source);
      this.targets.push(target);
    }
  }

  forEachNode(callback: (node: string, attributes: NodeData) => void): void {
    for (const [node, at] of this.position) callback(node, this.attributes[at] as NodeData);
  }

  getNodeAttributes(node: string): NodeData {
    return this.attributes[this.at(node)] as NodeData;
  }

  mergeNodeAttributes(node: string, attributes: Partial<NodeData>): void {
    Object.assign(this.getNodeAttributes(node), attributes);
  }

  neighbors(node: string): string[] {
    const into = this.byNeighbour(node, 'in');
    const out = this.byNeighbour(node, 'out');
    return [...into.keys(), ...[...out.keys()].filter((key) => !into.has(key))];
  }

  forEachEdge(callback: EdgeCallback): void;
  forEachEdge(node: string, callback: EdgeCallback): void;
  forEachEdge(first: string | EdgeCallback, second?: EdgeCallback): void {
    if (typeof first === 'function') {
      for (const { key, source, target, attributes } of this.edges) first(key, attributes, source, target);
      return;
    }
    const callback = second as EdgeCallback;
    this.each(this.byNeighbour(first, 'in'), callback);
    // A self-loop is among both: met once, with the links in.
    this.each(this.byNeighbour(first, 'out'), callback, first);
  }

  forEachInEdge(node: string, callback: EdgeCallback): void {
    this.each(this.byNeighbour(node, 'in'), callback);
  }

  forEachOutEdge(node: string, callback: EdgeCallback): void {
    this.each(this.byNeighbour(node, 'out'), callback);
  }

  private at(node: string): number {
    const at = this.position.get(node);
    if (at === undefined) throw new Error(`ServedGraph: the node "${node}" was not served`);
    return at;
  }

  /** A node's links in or out by neighbour, in graphology's order (see the banner). */
  private byNeighbour(node: string, direction: 'in' | 'out'): Map<string, number[]> {
    const at = this.at(node);
    this.incidence ??= this.index();
    const { inStart, inEdges, outStart, outEdges } = this.incidence;
    const [start, list] = direction === 'in' ? [inStart, inEdges] : [outStart, outEdges];
    const found = new Map<string, number[]>();
    for (let i = start[at] as number; i < (start[at + 1] as number); i++) {
      const edge = this.edges[list[i] as number] as ServedEdge;
      const other = direction === 'in' ? edge.source : edge.target;
      const links = found.get(other);
      // Newest first.
      if (links) links.unshift(list[i] as number);
      else found.set(other, [list[i] as number]);
    }
    const integers = [...found.keys()].filter(isIndexKey);
    if (integers.length === 0) return found;
    integers.sort((a, b) => Number(a) - Number(b));
    const ordered = new Map<string, number[]>();
    for (const key of integers) ordered.set(key, found.get(key) as number[]);
    for (const [key, links] of found) if (!ordered.has(key)) ordered.set(key, links);
    return ordered;
  }

  private each(slots: Map<string, number[]>, callback: EdgeCallback, avoid?: string): void {
    for (const [neighbour, links] of slots) {
      if (neighbour === avoid) continue;
      for (const i of links) {
        const { key, source, target, attributes } = this.edges[i] as ServedEdge;
        callback(key, attributes, source, target);
      }
    }
  }

  /** Each node's links in and out, by counting sort over the links in the served order. */
  private index(): Incidence {
    const n = this.attributes.length;
    const sorted = (ends: number[]) => {
      const start = new Int32Array(n + 1);
      for (const end of ends) start[end + 1] = (start[end + 1] ?? 0) + 1;
      for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
      const fill = start.slice(0, n);
      const edges = new Int32Array(ends.length);
      for (let e = 0; e < ends.length; e++) {
        const end = ends[e] as number;
        edges[fill[end] as number] = e;
        fill[end] = (fill[end] as number) + 1;
      }
      return { start, edges };
    };
    const into = sorted(this.targets);
    const out = sorted(this.sources);
    return { inStart: into.start, inEdges: into.edges, outStart: out.start, outEdges: out.edges };
  }
}

/** Whether a plain object orders this key first, as an array index (`0`, `17`, not `017`). */
function isIndexKey(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}
