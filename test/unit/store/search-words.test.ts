/**
 * The typo-tolerant clause of a search matches exactly the texts within one edit of a word (Damerau:
 * a letter changed, added, dropped, or two neighbours swapped), however many there are in the index.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLuceneQuery, queryNameKeys, oneEditPattern } from '../../../server/store/search.ts';

/** Optimal string alignment distance, the reference. */
function distance(a: string[], b: string[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  return (d[a.length] as number[])[b.length] as number;
}

const asRegExp = (pattern: string) => new RegExp(`^(?:${pattern.slice(1, -1)})$`, 'u');

describe('the one-edit pattern', () => {
  it('matches a text exactly when it is within one edit of the word', () => {
    const letters = fc.constantFrom('a', 'b', 'k', 'r', 'ı', 'م');
    fc.assert(
      fc.property(
        fc.array(letters, { minLength: 1, maxLength: 7 }),
        fc.array(letters, { minLength: 0, maxLength: 8 }),
        (word, text) => {
          const matches = asRegExp(oneEditPattern(word.join(''))).test(text.join(''));
          expect(matches).toBe(distance(word, text) <= 1);
        },
      ),
      { seed: 20261205, numRuns: 3_000 },
    );
  });

  it('is used for words of five letters or more, never as Lucene fuzzy terms', () => {
    expect(buildLuceneQuery('karim')).toContain('/.karim|');
    expect(buildLuceneQuery('karim')).not.toContain('~');
    expect(buildLuceneQuery('ab')).toBe('(ab^3 OR ab*)');
    expect(buildLuceneQuery('karim', { fuzzy: false })).toBe('(karim^3 OR karim*) OR (nameKeys:krm)');
  });

  it('also matches the name keys of the words, but not of identifiers', () => {
    expect(buildLuceneQuery('Anouar Benali', { fuzzy: false })).toBe(
      '((anouar^3 OR anouar*) AND (benali^3 OR benali*)) OR anouarbenali* OR (nameKeys:anr AND nameKeys:pnl)',
    );
    expect(queryNameKeys('Anwar')).toEqual(queryNameKeys('anouar'));
    expect(queryNameKeys('AB 1234')).toEqual([]);
    expect(buildLuceneQuery('AB1234')).not.toContain('nameKeys');
  });
});
