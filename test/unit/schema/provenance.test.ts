import { describe, expect, it } from 'vitest';
import { ProvenanceSchema } from '../../../server/schema/provenance.ts';

function issuesOf(input: unknown): [string, string][] {
  return (
    ProvenanceSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ??
    []
  );
}

describe('ProvenanceSchema', () => {
  it('accepts a full provenance block and normalises it', () => {
    const block = ProvenanceSchema.parse({
      sources: 'src-1; src-2',
      grade: '2bp',
      gradeScheme: 'UK',
      handling: 'h3',
      handlingCondition: 'Not to be shared with third countries',
      restrictedTo: ['Europol', ' Guardia  di Finanza '],
      firstSeen: '1 March 2020',
      lastSeen: '2020-04-03T10:00:00Z',
    });
    expect(block).toEqual({
      sources: ['src-1', 'src-2'],
      grade: '2BP',
      gradeScheme: 'uk',
      handling: 'H3',
      handlingCondition: 'Not to be shared with third countries',
      restrictedTo: ['Europol', 'Guardia di Finanza'],
      firstSeen: '2020-03-01',
      lastSeen: '2020-04-03T10:00:00.000Z',
    });
  });

  it.each([
    [{ sources: [], handling: 'H0' }, 'sources', /at least one source/],
    [{ sources: ['s'], handling: 'H4' }, 'handling', /not allowed: use one of H0, H1, H2, H3/],
    [{ sources: ['s'], handling: 'H3' }, 'handlingCondition', /H3 needs its condition/],
    [{ sources: ['s'], handling: 'H0', grade: 'Z9' }, 'grade', /not a grade in any scheme/],
    [
      { sources: ['s'], handling: 'H0', grade: 'C3', gradeScheme: 'uk' },
      'grade',
      /not a grade in the uk scheme/,
    ],
    [
      { sources: ['s'], handling: 'H0', firstSeen: '2021-01-01', lastSeen: '2020-01-01' },
      'lastSeen',
      /before firstSeen/,
    ],
    [{ sources: ['s'], handling: 'H0', restrictedTo: [{ agency: 'x' }] }, 'restrictedTo.0', /must be a name/],
  ])('rejects %j on %s', (input, path, message) => {
    expect(issuesOf(input)).toEqual([[path, expect.stringMatching(message)]]);
  });
});
