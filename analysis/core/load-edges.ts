/**
 * Edge-list loader: reads `source target [weight]` lines straight into typed arrays, without a
 * graphology graph, attribute objects or edge keys, so that a file of millions of links loads in
 * seconds and a few bytes per link.
 *
 * Accepted: one link per line, fields separated by spaces, tabs, commas or semicolons; lines
 * starting with `#` or `%` are comments; a first line naming its columns (source/target, from/to)
 * is skipped. A third field that is a positive number is the weight; anything else there (the
 * `{}` of NetworkX edge lists, a date) is ignored and the link weighs 1.
 */
import { readFileSync } from 'node:fs';

/** Links as parallel typed arrays over node indices; `nodes[i]` is the id of node i. */
export interface EdgeList {
  nodes: string[];
  sources: Int32Array;
  targets: Int32Array;
  /** Link weights, or null when no line gave one (every link weighs 1). */
  weights: Float64Array | null;
}

const HEADER_NAMES = new Set(['source', 'target', 'from', 'to', 'src', 'dst', 'node1', 'node2']);
// Pure-digit ids up to this length are interned by value through a typed array, not a string map.
const MAX_NUMERIC_DIGITS = 9;

/** Reads an edge-list file (see the banner for the accepted format). */
export function readEdgeList(path: string): EdgeList {
  return parseEdgeList(readFileSync(path));
}

/** Parses edge-list text or bytes (UTF-8) into typed arrays. */
export function parseEdgeList(data: Uint8Array | string): EdgeList {
  const bytes =
    typeof data === 'string'
      ? Buffer.from(data, 'utf8')
      : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const reader = new LineReader(bytes);
  const ids = new NodeIds(bytes);
  const links = new LinkBuffer(Math.max(16, bytes.length >> 4));
  const fields = new Int32Array(6);
  let first = true;
  while (reader.next(fields)) {
    const count = fields[0]!;
    if (count === 0) continue;
    if (count < 2)
      throw new Error(
        `ariadne/analysis/load-edges: line ${reader.line} has one field; expected "source target [weight]".`,
      );
    if (first && isHeader(bytes, fields)) {
      first = false;
      continue;
    }
    first = false;
    const a = ids.intern(fields[1]!, fields[2]!);
    const b = ids.intern(fields[3]!, fields[4]!);
    links.push(a, b, count > 2 ? readWeight(bytes, fields[5]!, reader.fieldEnd) : Number.NaN);
  }
  return { nodes: ids.nodes, ...links.finish() };
}

function isHeader(bytes: Buffer, fields: Int32Array): boolean {
  const a = bytes.toString('utf8', fields[1]!, fields[2]!).toLowerCase();
  const b = bytes.toString('utf8', fields[3]!, fields[4]!).toLowerCase();
  return HEADER_NAMES.has(a) && HEADER_NAMES.has(b);
}

function readWeight(bytes: Buffer, start: number, end: number): number {
  const value = Number(bytes.toString('latin1', start, end));
  return Number.isFinite(value) && value > 0 ? value : Number.NaN;
}

const isSeparator = (c: number) => c === 32 || c === 9 || c === 44 || c === 59 || c === 13;

/** Splits lines into fields by byte offsets: [count, start1, end1, start2, end2, start3]. */
class LineReader {
  position = 0;
  line = 0;
  fieldEnd = 0;
  constructor(private readonly bytes: Buffer) {}

  next(fields: Int32Array): boolean {
    const { bytes } = this;
    if (this.position >= bytes.length) return false;
    this.line++;
    let end = bytes.indexOf(10, this.position);
    if (end < 0) end = bytes.length;
    let i = this.position;
    this.position = end + 1;
    fields[0] = 0;
    while (i < end && isSeparator(bytes[i]!)) i++;
    if (i === end || bytes[i] === 35 || bytes[i] === 37) return true;
    let count = 0;
    while (i < end && count < 3) {
      const start = i;
      while (i < end && !isSeparator(bytes[i]!)) i++;
      if (count < 2) {
        fields[1 + 2 * count] = start;
        fields[2 + 2 * count] = i;
      } else {
        fields[5] = start;
        this.fieldEnd = i;
      }
      count++;
      while (i < end && isSeparator(bytes[i]!)) i++;
    }
    fields[0] = count;
    return true;
  }
}

/** Maps id tokens to dense node indices in order of first appearance. */
class NodeIds {
  readonly nodes: string[] = [];
  private byName = new Map<string, number>();
  // byValue[v] = index + 1 of the node whose id is the canonical decimal v (0 = not seen).
  private byValue = new Int32Array(1024);
  constructor(private readonly bytes: Buffer) {}

  intern(start: number, end: number): number {
    const value = this.numericValue(start, end);
    if (value < 0) return this.internName(this.bytes.toString('utf8', start, end));
    if (value >= this.byValue.length) this.grow(value);
    const known = this.byValue[value]!;
    if (known > 0) return known - 1;
    this.byValue[value] = this.nodes.push(String(value));
    return this.nodes.length - 1;
  }

  private internName(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    this.byName.set(name, this.nodes.length);
    return this.nodes.push(name) - 1;
  }

  // A canonical decimal (no sign, no leading zero) of at most 9 digits, else -1.
  private numericValue(start: number, end: number): number {
    const length = end - start;
    if (length > MAX_NUMERIC_DIGITS || (length > 1 && this.bytes[start] === 48)) return -1;
    let value = 0;
    for (let i = start; i < end; i++) {
      const digit = this.bytes[i]! - 48;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
    }
    return value;
  }

  private grow(value: number): void {
    let size = this.byValue.length;
    while (size <= value) size *= 2;
    const larger = new Int32Array(size);
    larger.set(this.byValue);
    this.byValue = larger;
  }
}

/** Growable typed arrays for the links; weights are only kept once some line gives one. */
class LinkBuffer {
  size = 0;
  private sources: Int32Array;
  private targets: Int32Array;
  private weights: Float64Array | null = null;
  constructor(private capacity: number) {
    this.sources = new Int32Array(capacity);
    this.targets = new Int32Array(capacity);
  }

  push(a: number, b: number, weight: number): void {
    if (this.size === this.capacity) this.grow();
    if (!Number.isNaN(weight) && this.weights === null)
      this.weights = new Float64Array(this.capacity).fill(1, 0, this.size);
    this.sources[this.size] = a;
    this.targets[this.size] = b;
    if (this.weights !== null) this.weights[this.size] = Number.isNaN(weight) ? 1 : weight;
    this.size++;
  }

  finish(): Omit<EdgeList, 'nodes'> {
    return {
      sources: this.sources.slice(0, this.size),
      targets: this.targets.slice(0, this.size),
      weights: this.weights === null ? null : this.weights.slice(0, this.size),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const copy = <T extends Int32Array | Float64Array>(from: T, into: T): T => {
      into.set(from);
      return into;
    };
    this.sources = copy(this.sources, new Int32Array(this.capacity));
    this.targets = copy(this.targets, new Int32Array(this.capacity));
    if (this.weights !== null) this.weights = copy(this.weights, new Float64Array(this.capacity));
  }
}
