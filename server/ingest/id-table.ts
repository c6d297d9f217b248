/**
 * A set of string ids numbered in the order they were added, held compactly: the ids' UTF-8 bytes in one
 * growing buffer, their offsets and 32-bit hashes in typed arrays, and an open-addressing table of
 * ordinals (linear probing). A million ids of twenty characters take about 40 MB, against three times
 * that as JavaScript strings in a Map. Exact: two ids whose hashes are equal are told apart by comparing
 * their bytes, so a collision costs a comparison and never merges, drops or rejects anything.
 */

/** A 32-bit hash of a string (FNV-1a over its UTF-16 code units). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const EMPTY = 0;
const START = 1 << 12;

function grown<T extends Uint32Array | Float64Array>(array: T, size: number): T {
  if (size < array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(array.length * 2, size + 1));
  bigger.set(array);
  return bigger;
}

/** Ids numbered 0, 1, 2... in the order they were first added. */
export class IdTable {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  // offsets[i] .. offsets[i + 1] are the bytes of id i.
  private offsets = new Float64Array(START + 1);
  private hashes = new Uint32Array(START);
  // Slots hold ordinal + 1; EMPTY marks a free slot. Kept at most half full.
  private slots = new Uint32Array(START * 2);
  private scratch = Buffer.allocUnsafe(256);
  private count = 0;

  /** `hash` may be replaced (tests force collisions with a constant one). */
  constructor(private readonly hash: (id: string) => number = fnv1a) {}

  /** How many ids. */
  get size(): number {
    return this.count;
  }

  /** The ordinal of an id, or -1 when it was never added. */
  get(id: string): number {
    const hash = this.hash(id) >>> 0;
    const length = this.encode(id);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? EMPTY;
      if (entry === EMPTY) return -1;
      if (this.hashes[entry - 1] === hash && this.equals(entry - 1, length)) return entry - 1;
    }
  }

  /** Adds an id; returns its ordinal and whether it was new. */
  add(id: string): { ordinal: number; added: boolean } {
    const hash = this.hash(id) >>> 0;
    const length = this.encode(id);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? EMPTY;
      if (entry === EMPTY) break;
      if (this.hashes[entry - 1] === hash && this.equals(entry - 1, length))
        return { ordinal: entry - 1, added: false };
    }
    const ordinal = this.count++;
    this.store(ordinal, hash, length);
    this.slots[slot] = ordinal + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return { ordinal, added: true };
  }

  /** The id of an ordinal. */
  idOf(ordinal: number): string {
    const start = this.offsets[ordinal] ?? 0;
    return this.bytes.toString('utf8', start, this.offsets[ordinal + 1] ?? start);
  }

  private encode(id: string): number {
    const need = Buffer.byteLength(id, 'utf8');
    if (need > this.scratch.length) this.scratch = Buffer.allocUnsafe(need * 2);
    return this.scratch.write(id, 0, 'utf8');
  }

  private equals(ordinal: number, length: number): boolean {
    const start = this.offsets[ordinal] ?? 0;
    const end = this.offsets[ordinal + 1] ?? 0;
    return end - start === length && this.bytes.compare(this.scratch, 0, length, start, end) === 0;
  }

  private store(ordinal: number, hash: number, length: number): void {
    if (this.used + length > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(bigger, 0, 0, this.used);
      this.bytes = bigger;
    }
    this.scratch.copy(this.bytes, this.used, 0, length);
    this.used += length;
    this.hashes = grown(this.hashes, ordinal);
    this.offsets = grown(this.offsets, ordinal + 1);
    this.hashes[ordinal] = hash;
    this.offsets[ordinal + 1] = this.used;
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let ordinal = 0; ordinal < this.count; ordinal++) {
      let slot = (this.hashes[ordinal] ?? 0) & mask;
      while ((slots[slot] ?? EMPTY) !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = ordinal + 1;
    }
    this.slots = slots;
  }
}
