/**
 * Entity ids by their UTF-8 bytes, for the CSV quick lane (csv-lane.ts): a link's ends are found
 * from the cells' bytes without a string made for each, in an open-addressing table of typed arrays
 * (hash and position side by side, so a probe touches one cache line). It mirrors the ids of the
 * builder's entities in their order, so an id's position here is its entity's index.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const EMPTY = -1;

/** Entity ids as bytes, positions in the order they were added. */
export class IdBytes {
  private size = 0;
  private mask = 1023;
  // Slot s holds a hash at 2s and a position (or EMPTY) at 2s + 1.
  private slots = new Int32Array(2 * 1024).fill(EMPTY);
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private starts = new Int32Array(1024);

  /** How many ids are in. */
  get length(): number {
    return this.size;
  }

  /** Adds the next id (its position is the number of ids before it). */
  push(id: string): void {
    const length = Buffer.byteLength(id, 'utf8');
    if (this.used + length > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.used + length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.size + 1 >= this.starts.length) {
      const grown = new Int32Array(2 * this.starts.length);
      grown.set(this.starts);
      this.starts = grown;
    }
    const start = this.used;
    this.used += this.bytes.write(id, start, 'utf8');
    this.starts[this.size] = start;
    this.starts[this.size + 1] = this.used;
    if (2 * (this.size + 1) > this.mask) this.rehash();
    this.place(hashBytes(this.bytes, start, this.used), this.size++);
  }

  /** The position of the id whose UTF-8 bytes are `from[start..end)`, or -1. */
  find(from: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(from, start, end);
    const { slots, mask, starts, bytes } = this;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = slots[2 * s + 1]!;
      if (at === EMPTY) return -1;
      if (slots[2 * s] !== hash) continue;
      const a = starts[at]!;
      if (starts[at + 1]! - a !== length) continue;
      let i = 0;
      while (i < length && bytes[a + i] === from[start + i]) i++;
      if (i === length) return at;
    }
  }

  private place(hash: number, at: number): void {
    const { slots, mask } = this;
    let s = hash & mask;
    while (slots[2 * s + 1] !== EMPTY) s = (s + 1) & mask;
    slots[2 * s] = hash;
    slots[2 * s + 1] = at;
  }

  private rehash(): void {
    const old = this.slots;
    this.mask = 2 * this.mask + 1;
    this.slots = new Int32Array(2 * (this.mask + 1)).fill(EMPTY);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== EMPTY) this.place(old[s]!, old[s + 1]!);
  }
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}
