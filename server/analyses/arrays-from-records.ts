/**
 * Builds case arrays (analysis/case-arrays.ts) from raw records, for `analyse --file` on the
 * analyses that need no link attributes but type and weight: the same validation and normalisation
 * as GraphBuilder (graph-from-records.ts), through the remembering validator, the same entity
 * attributes, and links kept once their ends exist, in input order, whatever order they came in.
 */
import { type CaseArrays, CaseArraysBuilder } from '../../analysis/case-arrays.ts';
import type { EntityAttributes } from '../../analysis/types.ts';
import type { ValidateOptions } from '../schema/records.ts';
import { entityAttributes } from '../store/projection-keys.ts';
import { CachedValidator } from './cached-validation.ts';
import type { RecordProblem } from './graph-from-records.ts';

type Raw = { kind: string; type: string; fields: Record<string, unknown> };
type Pending = { position: number; source: string; target: string; at: string };

/** Case arrays under construction: entities go in at once, links whose ends are not in yet wait. */
export class ArraysBuilder {
  readonly problems: RecordProblem[] = [];
  private readonly arrays = new CaseArraysBuilder();
  private readonly validator: CachedValidator;
  private readonly pending: Pending[] = [];

  constructor(options: ValidateOptions = {}) {
    this.validator = new CachedValidator(options, (id) => this.arrays.index.has(id));
  }

  /** The number of entities so far. */
  get order(): number {
    return this.arrays.nodes.length;
  }

  /** Validates one raw record as the readers give it (`{kind, type, fields}`) and keeps it. */
  add(raw: Raw, at: string): void {
    const outcome = this.validator.check(raw);
    if (outcome.kind === 'invalid') {
      for (const issue of outcome.issues) this.problems.push({ at, ...issue });
      return;
    }
    if (outcome.kind === 'entity') {
      const attributes = entityAttributes(outcome.type, outcome.properties) as EntityAttributes;
      this.arrays.addNode(outcome.properties.id as string, attributes);
      return;
    }
    const { index } = this.arrays;
    const s = index.get(outcome.source);
    const t = index.get(outcome.target);
    const position = this.arrays.addLink(
      s ?? -1,
      t ?? -1,
      this.arrays.typeCode(outcome.type),
      outcome.weight,
    );
    if (s === undefined || t === undefined)
      this.pending.push({ position, source: outcome.source, target: outcome.target, at });
  }

  /** Resolves the links that waited for their ends and returns the arrays. */
  finish(): CaseArrays {
    const dropped = new Set<number>();
    const { index } = this.arrays;
    for (const { position, source, target, at } of this.pending) {
      const s = index.get(source);
      const t = index.get(target);
      if (s !== undefined && t !== undefined) {
        this.arrays.setEnds(position, s, t);
        continue;
      }
      const missing = s === undefined ? source : target;
      this.problems.push({
        at,
        field: s === undefined ? 'source' : 'target',
        message: `no entity has id ${JSON.stringify(missing)}`,
      });
      dropped.add(position);
    }
    this.pending.length = 0;
    return this.arrays.finish(dropped);
  }
}
