/**
 * A served subgraph read as a graph of records (GraphRecords) before it is merged into the data
 * graph: nodes and links in the served order, a node served twice merged into its first place (as
 * the merge does), links with an end not served left out. Each node's neighbours and links come in
 * the served order of its links; grouping and folding do not depend on that order, so a case's
 * groups drawn from the answer are those drawn once its records are merged. Each node's links are
 * indexed once, at the first question about one node's links.
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
    const found = new Set<string>();
    this.forEachEdge(node, (_edge, _attributes, source, target) => {
      found.add(source === node ? target : source);
    });
    return [...found];
  }

  forEachEdge(callback: EdgeCallback): void;
  forEachEdge(node: string, callback: EdgeCallback): void;
  forEachEdge(first: string | EdgeCallback, second?: EdgeCallback): void {
    if (typeof first === 'function') {
      for (const { key, source, target, attributes } of this.edges) first(key, attributes, source, target);
      return;
    }
    const callback = second as EdgeCallback;
    this.forEachInEdge(first, callback);
    // A self-loop is among both: met once, with the links in.
    this.forEachOutEdge(first, (edge, attributes, source, target) => {
      if (target !== source) callback(edge, attributes, source, target);
    });
  }

  forEachInEdge(node: string, callback: EdgeCallback): void {
    const { inStart, inEdges } = this.index();
    this.each(inStart, inEdges, this.at(node), callback);
  }

  forEachOutEdge(node: string, callback: EdgeCallback): void {
    const { outStart, outEdges } = this.index();
    this.each(outStart, outEdges, this.at(node), callback);
  }

  private at(node: string): number {
    const at = this.position.get(node);
    if (at === undefined) throw new Error(`ServedGraph: the node "${node}" was not served`);
    return at;
  }

  private each(start: Int32Array, list: Int32Array, at: number, callback: EdgeCallback): void {
    for (let i = start[at] as number; i < (start[at + 1] as number); i++) {
      const { key, source, target, attributes } = this.edges[list[i] as number] as ServedEdge;
      callback(key, attributes, source, target);
    }
  }

  /** Each node's links in and out, by counting sort over the links in the served order. */
  private index(): Incidence {
    if (this.incidence) return this.incidence;
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
    this.incidence = { inStart: into.start, inEdges: into.edges, outStart: out.start, outEdges: out.edges };
    return this.incidence;
  }
}
