import { describe, expect, it } from 'vitest';
import { csvRow, csvSafe } from '../../../server/api/middleware/csv.ts';
import { checkJsonShape, parseJsonStrict } from '../../../server/api/middleware/json-body.ts';
import { TokenBuckets } from '../../../server/api/middleware/rate-limit.ts';
import { HttpError } from '../../../server/api/problem.ts';

describe('strict JSON bodies', () => {
  it('accepts ordinary documents, with the same key in different objects', () => {
    expect(parseJsonStrict('{"a":{"id":1},"b":{"id":2},"c":[{"id":3},{"id":4}]}')).toEqual({
      a: { id: 1 },
      b: { id: 2 },
      c: [{ id: 3 }, { id: 4 }],
    });
  });

  it('refuses a key twice in one object, even spelled with escapes', () => {
    expect(checkJsonShape('{"role":"viewer","role":"admin"}', 32)).toMatch(/"role" appears twice/);
    expect(checkJsonShape('{"role":"x","r\\u006fle":"y"}', 32)).toMatch(/appears twice/);
    expect(checkJsonShape('{"a":{"k":1},"b":{"k":1,"k":2}}', 32)).toMatch(/"k" appears twice/);
  });

  it('does not take strings that look like keys inside values for keys', () => {
    expect(checkJsonShape('{"a":"b","c":["a","a"],"d":"{\\"a\\":1}"}', 32)).toBeNull();
  });

  it('refuses 10,000 levels of nesting with a 400, without recursion', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(() => parseJsonStrict(deep)).toThrow(HttpError);
    expect(checkJsonShape(`${'{"a":'.repeat(33)}1${'}'.repeat(33)}`, 32)).toMatch(/deeper than 32/);
    expect(checkJsonShape(`${'{"a":'.repeat(32)}1${'}'.repeat(32)}`, 32)).toBeNull();
  });

  it('reports a syntax error as a 400', () => {
    try {
      parseJsonStrict('{"a":');
      expect.unreachable();
    } catch (error) {
      expect((error as HttpError).status).toBe(400);
    }
  });
});

describe('token buckets', () => {
  it('grant a burst, then refuse with the seconds to wait, then refill', () => {
    const buckets = new TokenBuckets({ capacity: 2, perSecond: 0.5 });
    expect([buckets.take('a', 0), buckets.take('a', 0), buckets.take('a', 0)]).toEqual([0, 0, 2]);
    expect(buckets.take('b', 0)).toBe(0);
    expect(buckets.take('a', 2_000)).toBe(0);
  });

  it('forget the least recently seen keys beyond their bound', () => {
    const buckets = new TokenBuckets({ capacity: 1, perSecond: 0.001, maxKeys: 2 });
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 0);
    expect(buckets.take('a', 0)).toBe(0);
  });
});

describe('csvSafe', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvSafe)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      `"'\rx"`,
    ]);
  });

  it('quotes separators, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvSafe('Tripoli, Libya')).toBe('"Tripoli, Libya"');
    expect(csvSafe('say "hi"')).toBe('"say ""hi"""');
    expect(csvSafe('plain')).toBe('plain');
    expect(csvSafe(null)).toBe('');
    expect(csvRow(['=cmd', 2, ['H0', 'H1']])).toBe("'=cmd,2,H0;H1\r\n");
  });
});
