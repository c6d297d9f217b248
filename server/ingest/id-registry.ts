/**
 * The ids seen in one import, compactly: each id gets an ordinal in an IdTable (its bytes in one buffer,
 * exact whatever the hashes do), and by ordinal typed arrays hold its label (or link type), the
 * record's place (file, line) and a 53-bit hash of its values. A million records cost tens of megabytes,
 * not the records themselves.
 */
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';
import { fnv1a, IdTable } from './id-table.ts';

/** A record's place in the input. */
export interface Place {
  file: string;
  line: number;
}

/** What adding an id found: a new id, the same record again, or a different record under that id. */
export type AddOutcome = { kind: 'new' } | { kind: 'same' } | { kind: 'clash'; earlier: Place };

function grow<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(array: T, size: number): T {
  if (size < array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Hashes a record's values independently of key order, to 53 bits (cyrb53, two multiplicative 32-bit
 * lanes): enough to tell a repeated record from a different one under the same id, without the cost of
 * a cryptographic hash per record.
 */
export function hashValues(value: unknown): number {
  lanes.h1 = 0xdeadbeef;
  lanes.h2 = 0x41c6ce57;
  feedValue(value);
  let { h1, h2 } = lanes;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// The hash is fed the value as it walks it, without first writing it out as text (which cost more
// than the hashing): a type tag, then a length, then the content, so that no two values feed the same.
const lanes = { h1: 0, h2: 0 };

function feed(code: number): void {
  lanes.h1 = Math.imul(lanes.h1 ^ code, 2654435761);
  lanes.h2 = Math.imul(lanes.h2 ^ code, 1597334677);
}

function feedText(text: string): void {
  feed(text.length);
  for (let i = 0; i < text.length; i++) feed(text.charCodeAt(i));
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

/** The ids of one kind (entities, or links), with what is known of each by ordinal. */
class IdsOfKind {
  readonly table: IdTable;
  code = new Uint8Array(1024);
  fileOf = new Uint16Array(1024);
  lineOf = new Uint32Array(1024);
  hashOf = new Float64Array(1024);

  constructor(hash: (id: string) => number) {
    this.table = new IdTable(hash);
  }
}

/** Ids of entities and links seen in an import, with their label or type, place and value hash. */
export class IdRegistry {
  private readonly entities: IdsOfKind;
  private readonly links: IdsOfKind;
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();

  /** `hash` is the id hash of the tables underneath (tests force collisions with a constant one). */
  constructor(hash: (id: string) => number = fnv1a) {
    this.entities = new IdsOfKind(hash);
    this.links = new IdsOfKind(hash);
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
    const ordinal = this.entities.table.get(id);
    return ordinal < 0 ? undefined : ENTITY_LABELS[this.entities.code[ordinal] ?? 0];
  }

  /** Where an entity was first seen. */
  placeOf(id: string): Place | undefined {
    const ordinal = this.entities.table.get(id);
    return ordinal < 0 ? undefined : this.place(this.entities, ordinal);
  }

  /** How many distinct entities and links. */
  get size(): number {
    return this.entities.table.size + this.links.table.size;
  }

  private place(kind: IdsOfKind, ordinal: number): Place {
    return { file: this.files[kind.fileOf[ordinal] ?? 0] ?? '', line: kind.lineOf[ordinal] ?? 0 };
  }

  private add(kind: IdsOfKind, id: string, code: number, hash: number, place: Place): AddOutcome {
    const { ordinal, added } = kind.table.add(id);
    if (!added) {
      if (kind.code[ordinal] === code && kind.hashOf[ordinal] === hash) return { kind: 'same' };
      return { kind: 'clash', earlier: this.place(kind, ordinal) };
    }
    kind.code = grow(kind.code, ordinal);
    kind.fileOf = grow(kind.fileOf, ordinal);
    kind.lineOf = grow(kind.lineOf, ordinal);
    kind.hashOf = grow(kind.hashOf, ordinal);
    kind.code[ordinal] = code;
    kind.fileOf[ordinal] = this.indexFile(place.file);
    kind.lineOf[ordinal] = place.line;
    kind.hashOf[ordinal] = hash;
    return { kind: 'new' };
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
