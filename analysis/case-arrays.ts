/**
 * A case graph held as arrays: entities by index with their attribute objects, and links as
 * parallel typed arrays (source and target indices, a link-type code, a weight) without a key or an
 * attribute object per link. Built at millions of links per second where a graphology multi graph
 * takes an object, a key and two adjacency entries per link; the analyses that only read the
 * structure and the link types (communities, PageRank) run on it through case-arrays-projection.ts,
 * and those that read entity attributes through the view of case-arrays-view.ts.
 */
import type { EntityAttributes } from './types.ts';

/** Entities and links of a case graph; link e joins `sources[e]` to `targets[e]`. */
export interface CaseArrays {
  nodes: string[];
  attributes: EntityAttributes[];
  sources: Int32Array;
  targets: Int32Array;
  /** Index into `typeNames` of each link's type. */
  types: Uint8Array;
  typeNames: string[];
  weights: Float64Array;
}

/** Collects entities and links in the order they come; links are appended as indices. */
export class CaseArraysBuilder {
  readonly nodes: string[] = [];
  readonly attributes: EntityAttributes[] = [];
  readonly index = new Map<string, number>();
  private readonly typeCodes = new Map<string, number>();
  private readonly typeNames: string[] = [];
  private size = 0;
  private sources = new Int32Array(1024);
  private targets = new Int32Array(1024);
  private types = new Uint8Array(1024);
  private weights = new Float64Array(1024);

  /** Adds an entity, or merges attributes into the one already there; returns its index. */
  addNode(id: string, attributes: EntityAttributes): number {
    const known = this.index.get(id);
    if (known !== undefined) {
      Object.assign(this.attributes[known] as EntityAttributes, attributes);
      return known;
    }
    this.index.set(id, this.nodes.length);
    this.attributes.push(attributes);
    return this.nodes.push(id) - 1;
  }

  /** The code of a link type (at most 256 types: the model has about 25). */
  typeCode(type: string): number {
    let code = this.typeCodes.get(type);
    if (code === undefined) {
      code = this.typeNames.push(type) - 1;
      if (code > 255) throw new Error('ariadne/analysis/case-arrays: more than 256 link types.');
      this.typeCodes.set(type, code);
    }
    return code;
  }

  /** Appends a link by indices; returns its position. */
  addLink(source: number, target: number, typeCode: number, weight: number): number {
    if (this.size === this.sources.length) this.grow();
    this.sources[this.size] = source;
    this.targets[this.size] = target;
    this.types[this.size] = typeCode;
    this.weights[this.size] = weight;
    return this.size++;
  }

  /** Sets the ends of a link added with placeholder ends. */
  setEnds(position: number, source: number, target: number): void {
    this.sources[position] = source;
    this.targets[position] = target;
  }

  /** The arrays, leaving out the links at the positions in `dropped` (ends never found). */
  finish(dropped: ReadonlySet<number> = new Set()): CaseArrays {
    let write = 0;
    for (let e = 0; e < this.size; e++) {
      if (dropped.has(e)) continue;
      this.sources[write] = this.sources[e]!;
      this.targets[write] = this.targets[e]!;
      this.types[write] = this.types[e]!;
      this.weights[write++] = this.weights[e]!;
    }
    return {
      nodes: this.nodes,
      attributes: this.attributes,
      sources: this.sources.slice(0, write),
      targets: this.targets.slice(0, write),
      types: this.types.slice(0, write),
      typeNames: this.typeNames,
      weights: this.weights.slice(0, write),
    };
  }

  private grow(): void {
    const size = this.sources.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(from: T, into: T): T => {
      into.set(from);
      return into;
    };
    this.sources = grown(this.sources, new Int32Array(size));
    this.targets = grown(this.targets, new Int32Array(size));
    this.types = grown(this.types, new Uint8Array(size));
    this.weights = grown(this.weights, new Float64Array(size));
  }
}
