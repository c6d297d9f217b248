/**
 * Agreement between two score vectors indexed alike: largest relative error, overlap of the top k,
 * and Spearman's rank correlation (average ranks for ties, then Pearson on the ranks).
 */
import { readFileSync } from 'node:fs';

/** Reads scores written by run-step.ts (raw Float64). */
export function readFloat64(path: string): Float64Array {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

/** Reads scores written by igraph_step.py (one value a line). */
export function readLines(path: string): Float64Array {
  return Float64Array.from(readFileSync(path, 'utf8').trim().split('\n'), Number);
}

/** Largest |a - b| / |b| over entries where b is not zero. */
export function largestRelativeError(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++)
    if (b[i] !== 0) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.abs(b[i]!));
  return worst;
}

/** How many of b's top k are in a's top k. */
export function topOverlap(a: Float64Array, b: Float64Array, k: number): number {
  const top = (x: Float64Array) => new Set([...x.keys()].sort((i, j) => x[j]! - x[i]! || i - j).slice(0, k));
  const inA = top(a);
  return [...top(b)].filter((i) => inA.has(i)).length;
}

/** Spearman's rank correlation. */
export function spearman(a: Float64Array, b: Float64Array): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  const mean = (n + 1) / 2;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (ra[i]! - mean) * (rb[i]! - mean);
    va += (ra[i]! - mean) ** 2;
    vb += (rb[i]! - mean) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

function ranks(x: Float64Array): Float64Array {
  const order = [...x.keys()].sort((i, j) => x[i]! - x[j]!);
  const rank = new Float64Array(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && x[order[j + 1]!] === x[order[i]!]) j++;
    for (let k = i; k <= j; k++) rank[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return rank;
}
