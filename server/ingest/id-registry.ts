/**
 * The ids seen in one import, compactly: each id is kept in an IdTable (exact whatever the hashes do,
 * in bounded memory, the rest in runs on disk) with its label (or link type), the record's place (file,
 * line) and a 53-bit hash of its values as its payload. Ten million records cost about what one million
 * do, not the records themselves.
 */
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';
import { IdTable, type IdTableOptions } from './id-table.ts';

/** A record's place in the input. */
export interface Place {
  file: string;
  line: number;
}

/** What adding an id found: a new id, the same record again, or a different record under that id. */
export type AddOutcome = { kind: 'new' } | { kind: 'same' } | { kind: 'clash'; earlier: Place };

/**
 * Hashes a record's values independently of key order, to 53 bits (cyrb53, two multiplicative 32-bit
 * lanes): enough to tell a repeated record from a different one under the same id, without the cost of
 * a cryptographic hash per record.
 */
export function hashValues(value: unknown): number {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  feedValue(value);
  let a = h1;
  let b = h2;
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

// The hash is fed the value as it walks it, without first writing it out as text (which cost more
// than the hashing): a type tag, then a length, then the content, so that no two values feed the same.
// The lanes are module variables, and a text's loop keeps them in locals (half the time of an object's
// fields).
let h1 = 0;
let h2 = 0;

function feed(code: number): void {
  h1 = Math.imul(h1 ^ code, 2654435761);
  h2 = Math.imul(h2 ^ code, 1597334677);
}

function feedText(text: string): void {
  const length = text.length;
  let a = Math.imul(h1 ^ length, 2654435761);
  let b = Math.imul(h2 ^ length, 1597334677);
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 2654435761);
    b = Math.imul(b ^ code, 1597334677);
  }
  h1 = a;
  h2 = b;
}

function feedValue(value: unknown): void {
  if (typeof value === 'string') {
    feed(0x73);
    feedText(value);
  } else if (Array.isArray(value)) {
    feed(0x61);
    feed(value.length);
    for (const item of value) feedValue(item);
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).sort();
    feed(0x6f);
    feed(keys.length);
    for (const key of keys) {
      feedText(key);
      feedValue(obj[key]);
    }
  } else {
    feed(0x76);
    feedText(String(value));
  }
}

// What the registry keeps with each id, in its table's payload: the label's (or link type's) code, the
// record's file and line, and the hash of its values.
const CODE = 0;
const FILE = 1;
const LINE = 3;
const VALUES = 7;
const PAYLOAD = 15;

/** Ids of entities and links seen in an import, with their label or type, place and value hash. */
export class IdRegistry {
  private readonly entities: IdTable;
  private readonly links: IdTable;
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private readonly payload = Buffer.alloc(PAYLOAD);

  /** `options` are those of the tables underneath (tests force collisions and early runs). */
  constructor(options: Omit<IdTableOptions, 'payload'> = {}) {
    this.entities = new IdTable({ ...options, payload: PAYLOAD });
    this.links = new IdTable({ ...options, payload: PAYLOAD });
  }

  /** Adds an entity id; says whether it is new, a repeat of the same record, or a clash. */
  addEntity(id: string, label: EntityLabel, hash: number, place: Place): AddOutcome {
    return this.add(this.entities, id, ENTITY_LABELS.indexOf(label), hash, place);
  }

  /** Adds a link id, likewise. */
  addLink(id: string, type: LinkType, hash: number, place: Place): AddOutcome {
    return this.add(this.links, id, LINK_TYPES.indexOf(type), hash, place);
  }

  /** The label of an entity seen in the import. */
  labelOf(id: string): EntityLabel | undefined {
    return this.entities.get(id) ? ENTITY_LABELS[this.entities.found[CODE] ?? 0] : undefined;
  }

  /** Where an entity was first seen. */
  placeOf(id: string): Place | undefined {
    return this.entities.get(id) ? this.place(this.entities.found) : undefined;
  }

  /** How many distinct entities and links. */
  get size(): number {
    return this.entities.size + this.links.size;
  }

  /** Frees the tables' files. */
  close(): void {
    this.entities.close();
    this.links.close();
  }

  private place(payload: Buffer): Place {
    return { file: this.files[payload.readUInt16LE(FILE)] ?? '', line: payload.readUInt32LE(LINE) };
  }

  private add(table: IdTable, id: string, code: number, hash: number, place: Place): AddOutcome {
    const payload = this.payload;
    payload[CODE] = code;
    payload.writeUInt16LE(this.indexFile(place.file), FILE);
    payload.writeUInt32LE(place.line, LINE);
    payload.writeDoubleLE(hash, VALUES);
    if (table.add(id, payload)) return { kind: 'new' };
    const earlier = table.found;
    if (earlier[CODE] === code && earlier.readDoubleLE(VALUES) === hash) return { kind: 'same' };
    return { kind: 'clash', earlier: this.place(earlier) };
  }

  private indexFile(file: string): number {
    let index = this.fileIndex.get(file);
    if (index === undefined) {
      index = this.files.length;
      this.files.push(file);
      this.fileIndex.set(file, index);
    }
    return index;
  }
}
