/**
 * Summed tie weights keyed by a pair of node indexes, on typed arrays: open addressing with linear
 * probing, ties kept in the order they first appear. It replaces a Map keyed by `lo * n + hi`, whose
 * keys pass 2^31 from about 46k nodes and became a heap number each: at 2.48M links that Map took 15 s
 * and much of the garbage collector's work. The order and the order of the sums are the Map's, so the
 * projection is the same to the last bit.
 */

/** Ties in order of first appearance: `lo[t] < hi[t]`, `weight[t]` the sum of their weights. */
export class TieTable {
  size = 0;
  lo: Int32Array;
  hi: Int32Array;
  weight: Float64Array;
  private slots: Int32Array;

  /** A table sized for about `expected` ties; it grows past that. */
  constructor(expected: number) {
    const capacity = Math.max(16, expected);
    this.lo = new Int32Array(capacity);
    this.hi = new Int32Array(capacity);
    this.weight = new Float64Array(capacity);
    this.slots = new Int32Array(slotCount(capacity));
  }

  /** Adds `weight` to the tie between a and b (a loop, a === b, is dropped). */
  add(a: number, b: number, weight: number): void {
    if (a === b) return;
    if (this.size === this.lo.length) this.grow();
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const mask = this.slots.length - 1;
    for (let s = hashPair(lo, hi) & mask; ; s = (s + 1) & mask) {
      const t = (this.slots[s] as number) - 1;
      if (t < 0) {
        this.slots[s] = this.size + 1;
        this.lo[this.size] = lo;
        this.hi[this.size] = hi;
        // 0 + weight, as the Map's first sum was (a weight of -0 becomes 0).
        this.weight[this.size++] = 0 + weight;
        return;
      }
      if (this.lo[t] === lo && this.hi[t] === hi) {
        this.weight[t] = (this.weight[t] as number) + weight;
        return;
      }
    }
  }

  private grow(): void {
    const capacity = this.lo.length * 2;
    const copy = <T extends Int32Array | Float64Array>(from: T, to: T) => {
      to.set(from);
      return to;
    };
    this.lo = copy(this.lo, new Int32Array(capacity));
    this.hi = copy(this.hi, new Int32Array(capacity));
    this.weight = copy(this.weight, new Float64Array(capacity));
    this.slots = new Int32Array(slotCount(capacity));
    const mask = this.slots.length - 1;
    for (let t = 0; t < this.size; t++) {
      let s = hashPair(this.lo[t] as number, this.hi[t] as number) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = t + 1;
    }
  }
}

// At most half full: a power of two at least twice the capacity.
function slotCount(capacity: number): number {
  let slots = 32;
  while (slots < capacity * 2) slots *= 2;
  return slots;
}

function hashPair(lo: number, hi: number): number {
  let h = Math.imul(lo, 0x9e3779b1) ^ hi;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
