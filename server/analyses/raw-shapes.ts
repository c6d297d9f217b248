/**
 * The raw shapes of CSV rows for the quick lane (csv-lane.ts): a row's shape cells, byte for byte,
 * its number of cells and which varying cells it fills. Found by a hash of those and confirmed
 * byte by byte, so two rows share a raw shape only when every cell but the varying ones is the same.
 */
import type { KnownShape } from './cached-validation.ts';

/** One raw shape, and the validator's shape its records have once one of them passed. */
export interface RawShape {
  known: KnownShape | undefined;
  readonly cells: number;
  readonly filled: number;
  /** The shape cells' bytes one after another; `ends[k]` is where the k-th ends. */
  readonly bytes: Uint8Array;
  readonly ends: Int32Array;
}

// Raw shapes remembered at most, as the validator's own bound; past it, rows go the usual way.
const MAX_SHAPES = 50_000;
const RECENT = 4;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Raw shapes met so far, by hash. */
export class RawShapes {
  private readonly byHash = new Map<number, RawShape[]>();
  private size = 0;
  // The last shapes found by hash: most rows have one of a few shapes, checked before any hashing.
  private readonly recent: RawShape[] = [];

  /** The raw shape of a row (cells `starts[c]..ends[c]` of `bytes`, role 0 for shape cells), added if new. */
  find(
    bytes: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    cells: number,
    roles: Uint8Array,
    filled: number,
  ): RawShape {
    for (const shape of this.recent) if (same(shape, bytes, starts, ends, cells, roles, filled)) return shape;
    const shape = this.findByHash(bytes, starts, ends, cells, roles, filled);
    if (this.recent.unshift(shape) > RECENT) this.recent.pop();
    return shape;
  }

  private findByHash(
    bytes: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    cells: number,
    roles: Uint8Array,
    filled: number,
  ): RawShape {
    let hash = Math.imul(FNV_OFFSET ^ cells, FNV_PRIME) ^ filled;
    for (let c = 0; c < cells; c++) {
      if (roles[c] !== 0) continue;
      for (let i = starts[c]!; i < ends[c]!; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
      hash = Math.imul(hash ^ 0xff, FNV_PRIME);
    }
    const candidates = this.byHash.get(hash);
    if (candidates !== undefined)
      for (const shape of candidates)
        if (same(shape, bytes, starts, ends, cells, roles, filled)) return shape;
    const shape = copy(bytes, starts, ends, cells, roles, filled);
    if (this.size >= MAX_SHAPES) return shape;
    this.size++;
    if (candidates === undefined) this.byHash.set(hash, [shape]);
    else candidates.push(shape);
    return shape;
  }
}

function same(
  shape: RawShape,
  bytes: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  cells: number,
  roles: Uint8Array,
  filled: number,
): boolean {
  if (shape.cells !== cells || shape.filled !== filled) return false;
  let k = 0;
  let at = 0;
  for (let c = 0; c < cells; c++) {
    if (roles[c] !== 0) continue;
    const end = shape.ends[k++]!;
    if (end - at !== ends[c]! - starts[c]!) return false;
    for (let i = starts[c]!; at < end; i++) if (shape.bytes[at++] !== bytes[i]) return false;
  }
  return true;
}

function copy(
  bytes: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  cells: number,
  roles: Uint8Array,
  filled: number,
): RawShape {
  const parts: Uint8Array[] = [];
  const bounds: number[] = [];
  let length = 0;
  for (let c = 0; c < cells; c++) {
    if (roles[c] !== 0) continue;
    parts.push(bytes.subarray(starts[c]!, ends[c]!));
    length += ends[c]! - starts[c]!;
    bounds.push(length);
  }
  const joined = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return { known: undefined, cells, filled, bytes: joined, ends: Int32Array.from(bounds) };
}
