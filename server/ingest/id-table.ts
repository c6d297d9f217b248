/**
 * A set of string ids, each with a small fixed-size payload, held in bounded memory. The newest ids sit
 * in memory: their UTF-8 bytes in one buffer, their offsets, 32-bit hashes and payloads in typed
 * arrays, and an open-addressing table of ordinals (linear probing). When that part holds `memoryIds`
 * ids it is written to a temporary file as a run sorted by hash, and only a split-block Bloom filter
 * (about 1.5 bytes an id) and the first hash and offset of each block of 32 entries stay in memory; a
 * look-up reads one block of a run only when that run's filter lets the hash through. So an import of
 * ten million ids holds about what one of a million does.
 *
 * Exact: two ids whose hashes are equal are told apart by comparing their bytes, in memory and in the
 * runs alike, so a collision costs a comparison (or a block read) and never merges, drops or rejects
 * anything. The runs' file is unlinked as soon as it is opened: the system frees it when the table is
 * closed or the process ends, however it ends.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A 32-bit hash of a string (FNV-1a over its UTF-16 code units). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** How the table is built. */
export interface IdTableOptions {
  /** Bytes of payload kept with each id (0 for a plain set). */
  payload?: number;
  /** Ids held in memory before they are written out as a run (at most 2^21). */
  memoryIds?: number;
  /** The id hash; tests force collisions with a constant one. */
  hash?: (id: string) => number;
}

/** Ids held in memory before a run is written: about 40 MB of memory at twenty-byte ids. */
export const MEMORY_IDS = 1 << 19;
const MAX_MEMORY_IDS = 1 << 21;
const EMPTY = 0;
const START = 1 << 12;
const BLOCK_ENTRIES = 32;
// Entry header in a run: hash (4 bytes), id length (4 bytes).
const HEADER = 8;
// Split-block Bloom filter (the layout and salts of Apache Parquet's): blocks of eight 32-bit words,
// one bit set in each word per id.
const WORDS = 8;
const SALTS = [
  0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31,
];
const BLOOM_BITS_PER_ID = 12;

function grown<T extends Uint32Array | Float64Array>(array: T, size: number): T {
  if (size < array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(array.length * 2, size + 1));
  bigger.set(array);
  return bigger;
}

// Copies a few bytes: for ids and payloads a loop is cheaper than Buffer.copy's call into C++.
function copyBytes(from: Uint8Array, start: number, to: Uint8Array, at: number, length: number): void {
  for (let i = 0; i < length; i++) to[at + i] = from[start + i] ?? 0;
}

function mix(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One run written out: where its blocks are, what their first hashes are, and its filter. */
interface Run {
  firstHash: Uint32Array;
  // offsets[b] .. offsets[b + 1] are the bytes of block b in the file.
  offsets: Float64Array;
  bloom: Uint32Array;
}

function bloomBlock(bloom: Uint32Array, hash: number): number {
  return Math.floor((mix(hash) / 4294967296) * (bloom.length / WORDS)) * WORDS;
}

function bloomAdd(bloom: Uint32Array, hash: number): void {
  const base = bloomBlock(bloom, hash);
  for (let w = 0; w < WORDS; w++)
    bloom[base + w] = (bloom[base + w] ?? 0) | (1 << (Math.imul(hash, SALTS[w] ?? 0) >>> 27));
}

function bloomHas(bloom: Uint32Array, hash: number): boolean {
  const base = bloomBlock(bloom, hash);
  for (let w = 0; w < WORDS; w++)
    if (((bloom[base + w] ?? 0) & (1 << (Math.imul(hash, SALTS[w] ?? 0) >>> 27))) === 0) return false;
  return true;
}

/** Ids with payloads; `found` holds the payload of the id that `get` or `add` last found. */
export class IdTable {
  /** The payload of the id last found by `get`, or by `add` when the id was there already. */
  readonly found: Buffer;
  private readonly payloadSize: number;
  private readonly memoryIds: number;
  private readonly hash: (id: string) => number;
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  // offsets[i] .. offsets[i + 1] are the bytes of id i in memory.
  private offsets = new Float64Array(START + 1);
  private hashes = new Uint32Array(START);
  private payloads: Buffer;
  // Slots hold ordinal + 1; EMPTY marks a free slot. Kept at most half full.
  private slots = new Uint32Array(START * 2);
  private scratch = Buffer.allocUnsafe(256);
  private block = Buffer.allocUnsafe(1 << 14);
  private count = 0;
  private spilled = 0;
  private readonly runs: Run[] = [];
  private fd: number | undefined;
  private fileSize = 0;

  constructor(options: IdTableOptions = {}) {
    this.payloadSize = options.payload ?? 0;
    this.memoryIds = Math.min(options.memoryIds ?? MEMORY_IDS, MAX_MEMORY_IDS);
    this.hash = options.hash ?? fnv1a;
    this.found = Buffer.alloc(this.payloadSize);
    this.payloads = Buffer.alloc(START * this.payloadSize);
  }

  /** How many ids. */
  get size(): number {
    return this.count + this.spilled;
  }

  /** Whether an id was added; when it was, `found` holds its payload. */
  get(id: string): boolean {
    const hash = this.hash(id) >>> 0;
    const length = this.encode(id);
    return this.inMemory(hash, length) >= 0 || this.inRuns(hash, length);
  }

  /**
   * Adds an id with its payload (zeros when none is given); returns false, leaving the id as it was and
   * its payload in `found`, when the id was added before.
   */
  add(id: string, payload?: Uint8Array): boolean {
    const hash = this.hash(id) >>> 0;
    const length = this.encode(id);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? EMPTY;
      if (entry === EMPTY) break;
      if (this.hashes[entry - 1] === hash && this.equals(entry - 1, length)) {
        this.copyFound(entry - 1);
        return false;
      }
    }
    if (this.inRuns(hash, length)) return false;
    const ordinal = this.count++;
    this.store(ordinal, hash, length, payload);
    this.slots[slot] = ordinal + 1;
    if (this.count >= this.memoryIds) this.spill();
    else if (this.count * 2 > this.slots.length) this.rehash();
    return true;
  }

  /** Frees the runs' file; the table is empty afterwards. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.runs.length = 0;
    this.spilled = 0;
    this.clearMemory();
  }

  private inMemory(hash: number, length: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? EMPTY;
      if (entry === EMPTY) return -1;
      if (this.hashes[entry - 1] === hash && this.equals(entry - 1, length)) {
        this.copyFound(entry - 1);
        return entry - 1;
      }
    }
  }

  private inRuns(hash: number, length: number): boolean {
    for (const run of this.runs) if (bloomHas(run.bloom, hash) && this.inRun(run, hash, length)) return true;
    return false;
  }

  // Reads the blocks of a run that may hold the hash: from the last block starting below it, while
  // blocks start at or below it (equal hashes may straddle a block boundary).
  private inRun(run: Run, hash: number, length: number): boolean {
    const blocks = run.firstHash.length;
    let lo = 0;
    let hi = blocks;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((run.firstHash[mid] ?? 0) < hash) lo = mid + 1;
      else hi = mid;
    }
    for (let b = Math.max(0, lo - 1); b < blocks && (run.firstHash[b] ?? 0) <= hash; b++) {
      const start = run.offsets[b] ?? 0;
      const size = (run.offsets[b + 1] ?? start) - start;
      if (size > this.block.length) this.block = Buffer.allocUnsafe(size * 2);
      readSync(this.fd ?? -1, this.block, 0, size, start);
      for (let at = 0; at < size; ) {
        const entryHash = this.block.readUInt32LE(at);
        const idLength = this.block.readUInt32LE(at + 4);
        const idAt = at + HEADER + this.payloadSize;
        if (entryHash > hash) return false;
        if (
          entryHash === hash &&
          idLength === length &&
          this.block.compare(this.scratch, 0, length, idAt, idAt + length) === 0
        ) {
          copyBytes(this.block, at + HEADER, this.found, 0, this.payloadSize);
          return true;
        }
        at = idAt + idLength;
      }
    }
    return false;
  }

  // Writes the ids in memory to the file as one run sorted by hash, then empties the memory part.
  private spill(): void {
    if (this.fd === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'ariadne-ids-'));
      const path = join(dir, 'runs');
      this.fd = openSync(path, 'w+');
      unlinkSync(path);
      rmSync(dir, { recursive: true, force: true });
    }
    // Sorted by hash, then by ordinal: hash * 2^21 + ordinal stays below 2^53.
    const order = new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) order[i] = (this.hashes[i] ?? 0) * MAX_MEMORY_IDS + i;
    order.sort();
    const blocks = Math.ceil(this.count / BLOCK_ENTRIES);
    const run: Run = {
      firstHash: new Uint32Array(blocks),
      offsets: new Float64Array(blocks + 1),
      bloom: new Uint32Array(Math.ceil((this.count * BLOOM_BITS_PER_ID) / 256) * WORDS),
    };
    let out = Buffer.allocUnsafe(1 << 20);
    let filled = 0;
    const flush = () => {
      let written = 0;
      while (written < filled)
        written += writeSync(this.fd ?? -1, out, written, filled - written, this.fileSize + written);
      this.fileSize += filled;
      filled = 0;
    };
    for (let i = 0; i < this.count; i++) {
      const ordinal = (order[i] ?? 0) % MAX_MEMORY_IDS;
      const hash = this.hashes[ordinal] ?? 0;
      const start = this.offsets[ordinal] ?? 0;
      const idLength = (this.offsets[ordinal + 1] ?? start) - start;
      const need = HEADER + this.payloadSize + idLength;
      if (i % BLOCK_ENTRIES === 0) {
        run.firstHash[i / BLOCK_ENTRIES] = hash;
        run.offsets[i / BLOCK_ENTRIES] = this.fileSize + filled;
      }
      if (filled + need > out.length) {
        flush();
        if (need > out.length) out = Buffer.allocUnsafe(need);
      }
      out.writeUInt32LE(hash, filled);
      out.writeUInt32LE(idLength, filled + 4);
      copyBytes(this.payloads, ordinal * this.payloadSize, out, filled + HEADER, this.payloadSize);
      copyBytes(this.bytes, start, out, filled + HEADER + this.payloadSize, idLength);
      filled += need;
      bloomAdd(run.bloom, hash);
    }
    flush();
    run.offsets[blocks] = this.fileSize;
    this.runs.push(run);
    this.spilled += this.count;
    this.clearMemory();
  }

  // Empties the memory part, keeping its buffers for the next ids.
  private clearMemory(): void {
    this.count = 0;
    this.used = 0;
    this.slots.fill(EMPTY);
  }

  private copyFound(ordinal: number): void {
    copyBytes(this.payloads, ordinal * this.payloadSize, this.found, 0, this.payloadSize);
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

  private store(ordinal: number, hash: number, length: number, payload: Uint8Array | undefined): void {
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
    this.offsets[ordinal] = this.used - length;
    this.offsets[ordinal + 1] = this.used;
    const at = ordinal * this.payloadSize;
    if (at + this.payloadSize > this.payloads.length) {
      const bigger = Buffer.alloc(Math.max(this.payloads.length * 2, at + this.payloadSize));
      this.payloads.copy(bigger);
      this.payloads = bigger;
    }
    for (let i = 0; i < this.payloadSize; i++) this.payloads[at + i] = payload?.[i] ?? 0;
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
