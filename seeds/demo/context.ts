/**
 * The state shared by the builders while one demo case streams out: the random stream, the id
 * counters, provenance drawing and the ground truth being collected.
 */
import type { EntityLabel, LinkType } from '../../server/schema/model.ts';
import { type SourceKey, SOURCES } from './data/sources.ts';
import type { TruthBuilder } from './ground-truth.ts';
import type { Rng } from './prng.ts';
import type { EntityRecord, LinkRecord, PropertyValue, Provenance } from './types.ts';

/** Extra properties of a record; undefined values are dropped. */
export type Properties = Record<string, PropertyValue | undefined>;

/** Pads a counter to a fixed width, for ids that sort. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function clean(properties: Properties): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(properties)) if (value !== undefined) out[key] = value;
  return out;
}

/** Builders' access to the random stream, ids, provenance and the ground truth. */
export class CaseContext {
  private linkSeq = 0;
  private paymentSeq = 0;
  private documentSeq = 0;

  constructor(
    readonly rng: Rng,
    readonly truth: TruthBuilder,
  ) {}

  /** Draws a provenance block from one of the given reports: its scheme, one of its grades, a handling code. */
  provenance(sourceKeys: readonly SourceKey[], extra: Partial<Provenance> = {}): Provenance {
    const source = SOURCES[this.rng.pick(sourceKeys)];
    const roll = this.rng.next();
    return {
      sources: [source.id],
      grade: this.rng.pick(source.grades),
      gradeScheme: source.gradeScheme,
      handling: roll < 0.72 ? 'H0' : roll < 0.92 ? 'H1' : 'H2',
      ...extra,
    };
  }

  /** Makes an entity record and counts it. */
  entity(
    type: EntityLabel,
    id: string,
    name: string,
    properties: Properties,
    provenance: Provenance,
  ): EntityRecord {
    // An own `kind` (an Organisation's, a Document's...) takes the place of "entity", as the reader expects.
    const record: EntityRecord = { kind: 'entity', type, id, name, ...clean(properties), ...provenance };
    this.truth.countEntity(type);
    return record;
  }

  /** Makes a link record with the next link id and counts it. */
  link(
    type: LinkType,
    source: string,
    target: string,
    properties: Properties,
    provenance: Provenance,
  ): LinkRecord {
    this.linkSeq += 1;
    const record: LinkRecord = {
      kind: 'link',
      type,
      id: `link:${pad(this.linkSeq, 7)}`,
      source,
      target,
      ...clean(properties),
      ...provenance,
    };
    this.truth.countLink(type);
    return record;
  }

  /** The next Payment id (`pay:000123`). */
  nextPaymentId(): string {
    this.paymentSeq += 1;
    return `pay:${pad(this.paymentSeq, 6)}`;
  }

  /** The next Document id (`doc:000123`). */
  nextDocumentId(): string {
    this.documentSeq += 1;
    return `doc:${pad(this.documentSeq, 6)}`;
  }
}
