/**
 * A case graph held as arrays: entities by index with their attribute objects, and links as
 * parallel typed arrays (source and target indices, a link-type code, a weight) without a key or an
 * attribute object per link. Built at millions of links per second where a graphology multi graph
 * takes an object, a key and two adjacency entries per link; the analyses that only read the
 * structure and the link types (communities, PageRank) run on it through case-arrays-projection.ts,
 * and the community profiles read it directly (case-arrays-profiles.ts).
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
  // Links go into blocks of fixed size, copied once into arrays of the exact size at the end:
  // growing one array by doubling would copy it again and again and leave up to twice the room.
  private readonly blocks: LinkBlock[] = [];
  private block: LinkBlock = newBlock();

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
    const at = this.size & (BLOCK - 1);
    if (at === 0) {
      this.block = newBlock();
      this.blocks.push(this.block);
    }
    const block = this.block;
    block.sources[at] = source;
    block.targets[at] = target;
    block.types[at] = typeCode;
    block.weights[at] = weight;
    return this.size++;
  }

  /** Sets the ends of a link added with placeholder ends. */
  setEnds(position: number, source: number, target: number): void {
    const block = this.blocks[Math.floor(position / BLOCK)] as LinkBlock;
    block.sources[position & (BLOCK - 1)] = source;
    block.targets[position & (BLOCK - 1)] = target;
  }

  /** The arrays, leaving out the links at the positions in `dropped` (ends never found). */
  finish(dropped: ReadonlySet<number> = new Set()): CaseArrays {
    const size = this.size - dropped.size;
    const sources = new Int32Array(size);
    const targets = new Int32Array(size);
    const types = new Uint8Array(size);
    const weights = new Float64Array(size);
    let write = 0;
    this.blocks.forEach((block, b) => {
      const length = Math.min(BLOCK, this.size - b * BLOCK);
      for (let at = 0; at < length; at++) {
        if (dropped.size > 0 && dropped.has(b * BLOCK + at)) continue;
        sources[write] = block.sources[at]!;
        targets[write] = block.targets[at]!;
        types[write] = block.types[at]!;
        weights[write++] = block.weights[at]!;
      }
    });
    this.blocks.length = 0;
    return {
      nodes: this.nodes,
      attributes: this.attributes,
      sources,
      targets,
      types,
      typeNames: this.typeNames,
      weights,
    };
  }
}

const BLOCK = 1 << 16;

type LinkBlock = { sources: Int32Array; targets: Int32Array; types: Uint8Array; weights: Float64Array };

function newBlock(): LinkBlock {
  return {
    sources: new Int32Array(BLOCK),
    targets: new Int32Array(BLOCK),
    types: new Uint8Array(BLOCK),
    weights: new Float64Array(BLOCK),
  };
}
