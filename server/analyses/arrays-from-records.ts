/**
 * Builds case arrays (analysis/case-arrays.ts) from raw records, for `analyse --file` on the
 * analyses that need no link attributes but type and weight: the same validation and normalisation
 * as GraphBuilder (graph-from-records.ts), through the remembering validator, the same entity
 * attributes, and links kept once their ends exist, in input order, whatever order they came in.
 */
import { type CaseArrays, CaseArraysBuilder } from '../../analysis/case-arrays.ts';
import type { EntityAttributes } from '../../analysis/types.ts';
import type { EntityLabel } from '../schema/model.ts';
import type { ValidateOptions } from '../schema/records.ts';
import { entityAttributes } from '../store/projection-keys.ts';
import { CachedValidator, type CheckedEntity, type KnownShape } from './cached-validation.ts';
import type { RecordProblem } from './graph-from-records.ts';

type Raw = { kind: string; type: string; fields: Record<string, unknown> };
type Pending = { position: number; source: string; target: string; at: string };
// The attributes of the entities of one shape, in entityAttributes' order; NAME stands for the name.
type Template = { keys: string[]; values: unknown[] };
const NAME = Symbol('name');

/** Case arrays under construction: entities go in at once, links whose ends are not in yet wait. */
export class ArraysBuilder {
  readonly problems: RecordProblem[] = [];
  private readonly arrays = new CaseArraysBuilder();
  /** The remembering validator, also for readers that check rows of a known shape themselves. */
  readonly validator: CachedValidator;
  private readonly pending: Pending[] = [];
  private readonly templates = new Map<KnownShape, { named: Template; unnamed: Template }>();

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
      this.addEntity(outcome);
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

  /** Keeps an entity that passed the validator. */
  addEntity(entity: CheckedEntity): void {
    const attributes = entityAttributes(entity.type, entity.properties) as EntityAttributes;
    this.arrays.addNode(entity.properties.id as string, attributes);
  }

  /**
   * Keeps an entity of a known shape from its id and name, checked by the validator: the entity
   * checkEntity would give, its attributes made from the shape's template instead of looked up.
   */
  addEntityOfShape(shape: KnownShape, id: string, name: unknown): void {
    const { keys, values } = this.templateOf(shape)[name === undefined ? 'unnamed' : 'named'];
    const attributes: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) attributes[keys[i]!] = values[i] === NAME ? name : values[i];
    this.arrays.addNode(id, attributes as EntityAttributes);
  }

  private templateOf(shape: KnownShape) {
    let found = this.templates.get(shape);
    if (found === undefined) {
      const of = (properties: Record<string, unknown>): Template => {
        const attributes = entityAttributes(shape.type as EntityLabel, properties);
        return { keys: Object.keys(attributes), values: Object.values(attributes) };
      };
      found = { named: of({ ...shape.rest, name: NAME }), unnamed: of(shape.rest) };
      this.templates.set(shape, found);
    }
    return found;
  }

  /** The ids of the entities so far, by index. */
  get ids(): readonly string[] {
    return this.arrays.nodes;
  }

  /** Keeps a link that passed the validator, between entities already in. */
  addLinkBetween(source: number, target: number, type: string, weight: number): void {
    this.arrays.addLink(source, target, this.arrays.typeCode(type), weight);
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
