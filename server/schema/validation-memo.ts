/**
 * Validating many records of a few shapes (a file's rows) without parsing the same value twice. A
 * record schema is an object of field schemas, a catchall for extra properties and record-level
 * checks; each field schema is a pure function of its value. So a value is parsed by its own field
 * schema once and its output remembered, and a record whose every field passes is the object of those
 * outputs, checked by the schema's own record-level checks. Anything else (a field that fails, a
 * missing required field, a check that objects, a schema of another shape) goes to the schema's full
 * parse, which gives the issues: the schemas stay the one source of truth, the memo only remembers
 * their answers. It follows zod's object parsing through the schema's internals (`_zod.def`), so a zod
 * upgrade that changes them is caught by the property test that holds the outcome equal with and
 * without the memo (test/unit/schema/validation-memo.test.ts). Scoped to one load.
 */
import type { z } from 'zod';

/** A field value the memo has no answer for, or whose field failed. */
export const UNANSWERED: unique symbol = Symbol('unanswered');
const FAILED = Symbol('failed');
const UNDEFINED = Symbol('undefined');

/**
 * How much each field's table may hold. A table that answers less than one lookup in 8 when it reaches
 * `firstReview` answers (unique ids, free text), or at each doubling after, stops growing; none grows
 * past `maxEntries`.
 */
export interface MemoBounds {
  firstReview: number;
  maxEntries: number;
}

/** For a load held in memory anyway (`analyse --file`): tables as large as they are useful. */
export const IN_MEMORY_BOUNDS: MemoBounds = { firstReview: 1 << 16, maxEntries: Number.POSITIVE_INFINITY };

/**
 * For a stream of any length (an import): a table of unique values stops early, and none grows with
 * the input beyond a few MB, so that the import's memory stays flat.
 */
export const STREAM_BOUNDS: MemoBounds = { firstReview: 1 << 12, maxEntries: 1 << 14 };

type Check = {
  _zod: { def: { when?: (payload: Payload) => boolean }; check: (payload: Payload) => unknown };
};
type Payload = { value: unknown; issues: unknown[] };
type Internals = {
  _zod: {
    def: { type: string; shape?: Record<string, z.ZodType>; catchall?: z.ZodType; checks?: Check[] };
    optin?: string;
    optout?: string;
  };
};

// The parts of an object schema the fast path follows, in the order zod builds its output.
interface Plan {
  keys: string[];
  fields: z.ZodType[];
  tables: FieldTable[];
  optional: boolean[];
  keySet: Set<string>;
  /** The schema of extra properties and its table, when the record schema takes any. */
  catchall: { field: z.ZodType; table: FieldTable } | undefined;
  checks: Check[];
}

// One field schema's answers: by value for plain values, by the one item or the JSON text for lists of strings.
class FieldTable {
  readonly values = new Map<unknown, unknown>();
  readonly singles = new Map<unknown, unknown>();
  readonly lists = new Map<unknown, unknown>();
  hits = 0;
  private growing = true;
  private size = 0;
  private nextReview: number;

  constructor(private readonly bounds: MemoBounds) {
    this.nextReview = bounds.firstReview;
  }

  remember(table: Map<unknown, unknown>, key: unknown, answer: unknown): void {
    if (!this.growing) return;
    table.set(key, answer);
    if (++this.size >= this.bounds.maxEntries) this.growing = false;
    if (this.size < this.nextReview) return;
    this.nextReview *= 2;
    if (this.hits * 8 < this.size) this.growing = false;
  }
}

function isPrimitive(value: unknown): boolean {
  const t = typeof value;
  return t === 'string' || t === 'boolean' || (t === 'number' && !Object.is(value, -0));
}

function isStringList(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function planOf(schema: z.ZodType, tableOf: (field: z.ZodType) => FieldTable): Plan | null {
  const def = (schema as unknown as Internals)._zod.def;
  if (def.type !== 'object' || def.shape === undefined) return null;
  const checks = def.checks ?? [];
  if (!checks.every((check) => typeof check._zod?.check === 'function')) return null;
  const keys = Object.keys(def.shape);
  const fields = keys.map((key) => def.shape?.[key] as z.ZodType);
  const optional = fields.map((field) => {
    const internals = (field as unknown as Internals)._zod;
    return internals.optin === 'optional' && internals.optout === 'optional';
  });
  const catchall = def.catchall;
  const open = catchall !== undefined && (catchall as unknown as Internals)._zod.def.type !== 'never';
  return {
    keys,
    fields,
    tables: fields.map(tableOf),
    optional,
    keySet: new Set(keys),
    catchall: open ? { field: catchall, table: tableOf(catchall) } : undefined,
    checks,
  };
}

/** Remembered answers of field schemas, for one load of records. */
export class ValidationMemo {
  private readonly tables = new Map<z.ZodType, FieldTable>();
  private readonly plans = new Map<z.ZodType, Plan | null>();
  private readonly safeKeys = new Set<string>();

  constructor(private readonly bounds: MemoBounds = IN_MEMORY_BOUNDS) {}

  /** Whether a property name was found safe before (see extras.ts). */
  knowsSafeKey(key: string): boolean {
    return this.safeKeys.has(key);
  }

  /** Records that a property name is safe. */
  rememberSafeKey(key: string): void {
    if (this.safeKeys.size < 4096) this.safeKeys.add(key);
  }

  /** The output of `field` for `value`, or UNANSWERED when the field rejects it. */
  parseField(field: z.ZodType, value: unknown): unknown {
    return answerOf(this.tableOf(field), field, value);
  }

  /**
   * The output of an object schema for `fields` when every field value is answered and the schema's
   * record-level checks pass; otherwise undefined, and the caller runs the schema's full parse. What
   * `known` holds is taken as the output of its field for the value in `fields` (the caller parsed it
   * with the same field schema, or made it in its output form).
   */
  parseRecord(
    schema: z.ZodType,
    fields: Record<string, unknown>,
    known?: Readonly<Record<string, unknown>>,
  ): Record<string, unknown> | undefined {
    const plan = this.planOf(schema);
    if (plan === null) return undefined;
    const out: Record<string, unknown> = {};
    const { keys, optional, tables } = plan;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const value = fields[key];
      if (value === undefined) {
        if (optional[i] && !(key in fields)) continue;
        return undefined;
      }
      if (known !== undefined && key in known) {
        out[key] = known[key];
        continue;
      }
      const parsed = answerOf(tables[i] as FieldTable, plan.fields[i] as z.ZodType, value);
      if (parsed === UNANSWERED) return undefined;
      out[key] = parsed;
    }
    for (const key in fields) {
      if (plan.keySet.has(key)) continue;
      if (plan.catchall === undefined || key === '__proto__') return undefined;
      const parsed = answerOf(plan.catchall.table, plan.catchall.field, fields[key]);
      if (parsed === UNANSWERED || parsed === undefined) return undefined;
      out[key] = parsed;
    }
    return passesChecks(plan.checks, out) ? out : undefined;
  }

  private tableOf(field: z.ZodType): FieldTable {
    let table = this.tables.get(field);
    if (table === undefined) {
      table = new FieldTable(this.bounds);
      this.tables.set(field, table);
    }
    return table;
  }

  // A field shared by several schemas (or asked for alone, as the id's key fields are) has one table.
  private planOf(schema: z.ZodType): Plan | null {
    let plan = this.plans.get(schema);
    if (plan === undefined) {
      plan = planOf(schema, (field) => this.tableOf(field));
      this.plans.set(schema, plan);
    }
    return plan;
  }
}

// A value is remembered by itself when plain, by its one item or its JSON text when a list of strings.
function answerOf(table: FieldTable, field: z.ZodType, value: unknown): unknown {
  let place: Map<unknown, unknown> | undefined;
  let key: unknown = value;
  if (isPrimitive(value)) place = table.values;
  else if (isStringList(value)) {
    place = value.length === 1 ? table.singles : table.lists;
    key = value.length === 1 ? value[0] : JSON.stringify(value);
  }
  if (place !== undefined) {
    const known = place.get(key);
    if (known !== undefined) {
      table.hits++;
      return answer(known);
    }
  }
  const result = field.safeParse(value);
  const output: unknown = result.success ? result.data : FAILED;
  if (place !== undefined && isShareable(output))
    table.remember(place, key, output === undefined ? UNDEFINED : output);
  return answer(output);
}

// Only plain values and lists of them are remembered, so no record shares an object with another.
function isShareable(output: unknown): boolean {
  if (output === undefined || output === FAILED || isPrimitive(output)) return true;
  return Array.isArray(output) && output.every(isPrimitive);
}

function answer(known: unknown): unknown {
  if (known === FAILED) return UNANSWERED;
  if (known === UNDEFINED) return undefined;
  return Array.isArray(known) ? known.slice() : known;
}

// The schema's own record-level checks (superRefine), run as zod runs them on a parse without issues.
function passesChecks(checks: readonly Check[], value: Record<string, unknown>): boolean {
  if (checks.length === 0) return true;
  const payload: Payload = { value, issues: [] };
  for (const check of checks) {
    const when = check._zod.def.when;
    if (when !== undefined && !when(payload)) continue;
    if (check._zod.check(payload) instanceof Promise) return false;
    if (payload.issues.length > 0) return false;
  }
  return true;
}
