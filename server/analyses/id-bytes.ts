/**
 * Entity ids by their UTF-8 bytes, for the CSV quick lane (csv-lane.ts): a link's ends are found
 * from the cells' bytes without a string made for each, in an open-addressing table of typed arrays.
 * A slot holds the hash, position, offset and length of its id side by side, so a lookup touches
 * one slot and the id's bytes: at millions of links the cost of a lookup is its cache misses. It
 * mirrors the ids of the builder's entities in their order, so an id's position is its entity's index.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const EMPTY = -1;
// A slot's fields: hash, position (EMPTY when free), offset and length of the id's bytes.
const SLOT = 4;

/** Entity ids as bytes, positions in the order they were added. */
export class IdBytes {
  private size = 0;
  private mask = 1023;
  private slots = new Int32Array(SLOT * 1024).fill(EMPTY);
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;

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
    const start = this.used;
    this.used += this.bytes.write(id, start, 'utf8');
    if (2 * (this.size + 1) > this.mask) this.rehash();
    this.place(hashBytes(this.bytes, start, this.used), this.size++, start, length);
  }

  /** The position of the id whose UTF-8 bytes are `from[start..end)`, or -1. */
  find(from: Uint8Array, start: number, end: number): number {
    const hash = hashBytes(from, start, end);
    const { slots, mask, bytes } = this;
    const length = end - start;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const at = SLOT * s;
      const position = slots[at + 1]!;
      if (position === EMPTY) return -1;
      if (slots[at] !== hash || slots[at + 3] !== length) continue;
      const offset = slots[at + 2]!;
      let i = 0;
      while (i < length && bytes[offset + i] === from[start + i]) i++;
      if (i === length) return position;
    }
  }

  private place(hash: number, position: number, offset: number, length: number): void {
    const { slots, mask } = this;
    let s = hash & mask;
    while (slots[SLOT * s + 1] !== EMPTY) s = (s + 1) & mask;
    slots.set([hash, position, offset, length], SLOT * s);
  }

  private rehash(): void {
    const old = this.slots;
    this.mask = 2 * this.mask + 1;
    this.slots = new Int32Array(SLOT * (this.mask + 1)).fill(EMPTY);
    for (let s = 0; s < old.length; s += SLOT)
      if (old[s + 1] !== EMPTY) this.place(old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
  }
}

function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
  return hash;
}
