/**
 * The ids seen in one import, compactly: each id maps to one number packing its ordinal and its label
 * (or link type); the record's place (file, line) and a 48-bit hash of its values sit in typed arrays by
 * ordinal. A million records cost tens of megabytes, not the records themselves.
 */
import { createHash } from 'node:crypto';
import { ENTITY_LABELS, type EntityLabel, LINK_TYPES, type LinkType } from '../schema/model.ts';

const CODES = 64;

/** A record's place in the input. */
export interface Place {
  file: string;
  line: number;
}

/** What adding an id found: a new id, the same record again, or a different record under that id. */
export type AddOutcome = { kind: 'new' } | { kind: 'same' } | { kind: 'clash'; earlier: Place };

function grow<T extends Float64Array | Uint32Array | Uint16Array>(array: T, size: number): T {
  if (size < array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Hashes a record's values independently of key order. */
export function hashValues(value: unknown): number {
  return Number.parseInt(createHash('sha1').update(stableJson(value)).digest('hex').slice(0, 12), 16);
}

/** JSON with object keys sorted, so that key order never makes two equal records differ. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const obj = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Ids of entities and links seen in an import, with their label or type, place and value hash. */
export class IdRegistry {
  private readonly entities = new Map<string, number>();
  private readonly links = new Map<string, number>();
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private fileOf = new Uint16Array(1024);
  private lineOf = new Uint32Array(1024);
  private hashOf = new Float64Array(1024);
  private count = 0;

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
    const packed = this.entities.get(id);
    return packed === undefined ? undefined : ENTITY_LABELS[packed % CODES];
  }

  /** Where an entity was first seen. */
  placeOf(id: string): Place | undefined {
    const packed = this.entities.get(id);
    return packed === undefined ? undefined : this.place(Math.floor(packed / CODES));
  }

  /** How many distinct entities and links. */
  get size(): number {
    return this.count;
  }

  private place(ordinal: number): Place {
    return { file: this.files[this.fileOf[ordinal] ?? 0] ?? '', line: this.lineOf[ordinal] ?? 0 };
  }

  private add(map: Map<string, number>, id: string, code: number, hash: number, place: Place): AddOutcome {
    const packed = map.get(id);
    if (packed !== undefined) {
      const ordinal = Math.floor(packed / CODES);
      if (packed % CODES === code && this.hashOf[ordinal] === hash) return { kind: 'same' };
      return { kind: 'clash', earlier: this.place(ordinal) };
    }
    const ordinal = this.count++;
    this.fileOf = grow(this.fileOf, ordinal);
    this.lineOf = grow(this.lineOf, ordinal);
    this.hashOf = grow(this.hashOf, ordinal);
    this.fileOf[ordinal] = this.indexFile(place.file);
    this.lineOf[ordinal] = place.line;
    this.hashOf[ordinal] = hash;
    map.set(id, ordinal * CODES + code);
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
