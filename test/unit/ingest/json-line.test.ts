import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKey, parseJsonLine } from '../../../server/ingest/readers/json-line.ts';

// Keys and values chosen to collide often, with quotes, colons and escapes inside strings.
const key = fc.constantFrom('a', 'b', 'name', 'a:', '"a', 'n\\"', 'é', ' ');
const text = fc.constantFrom('x', '":', 'he said "hi": ok', '12:30', '\\', '"a": 1', '{"b":2}');
const space = fc.constantFrom('', ' ', '\t', ' \n ');

/** A JSON object written by hand, so that it may repeat a key at any depth. */
const objectText: fc.Memo<string> = fc.memo((depth) =>
  fc
    .array(
      fc.tuple(
        key,
        space,
        space,
        depth > 1 ? fc.oneof(valueText(depth - 1), valueText(depth - 1)) : valueText(0),
      ),
      { maxLength: 5 },
    )
    .map(
      (entries) =>
        `{${entries.map(([k, s1, s2, v]) => `${s1}${JSON.stringify(k)}${s1}:${s2}${v}`).join(',')}}`,
    ),
);

function valueText(depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    text.map((t) => JSON.stringify(t)),
    fc.integer().map(String),
    fc.constant('null'),
  );
  if (depth === 0) return leaf;
  return fc.oneof(
    leaf,
    objectText(depth),
    fc.array(fc.oneof(leaf, objectText(depth)), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  );
}

describe('parseJsonLine', () => {
  it('reports a repeated key exactly when the full scan finds one, at any depth', () => {
    fc.assert(
      fc.property(objectText(3), (line) => {
        JSON.parse(line);
        const parsed = parseJsonLine(line, false);
        const duplicate = findDuplicateKey(line);
        expect(parsed.ok).toBe(duplicate === undefined);
        if (!parsed.ok) expect(parsed.field).toBe(duplicate);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('accepts a record whose string values hold quotes followed by colons', () => {
    const line = '{"id":"p1","note":"he said \\"yes\\": then left","at" : "12:30","tags":["a\\":b"]}';
    expect(parseJsonLine(line, false)).toEqual({ ok: true, value: JSON.parse(line) });
  });

  it('reports a key repeated inside a nested object or after an escaped twin', () => {
    expect(parseJsonLine('{"a":1,"x":{"b":2,"b":3}}', false)).toMatchObject({ ok: false, field: 'b' });
    expect(parseJsonLine('{"\\u0061":1,"a":2}', false)).toMatchObject({ ok: false, field: 'a' });
  });
});
