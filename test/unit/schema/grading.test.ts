import { describe, expect, it } from 'vitest';
import { checkGrade, describeGrade, meetsMinimumSource, parseGrade } from '../../../server/schema/grading.ts';
import type { GradingScheme } from '../../../server/schema/model.ts';

describe('parseGrade', () => {
  it.each([
    ['B2', 'europol', { scheme: 'europol', source: 'B', information: '2' }],
    ['X4', 'europol', { scheme: 'europol', source: 'X', information: '4' }],
    ['2BP', 'uk', { scheme: 'uk', source: '2', information: 'B', handling: 'P' }],
    ['1AC', 'uk', { scheme: 'uk', source: '1', information: 'A', handling: 'C' }],
    ['C3', 'admiralty', { scheme: 'admiralty', source: 'C', information: '3' }],
    ['F6', 'admiralty', { scheme: 'admiralty', source: 'F', information: '6' }],
  ] as const)('takes %s (%s) apart', (grade, scheme, parsed) => {
    expect(parseGrade(grade, scheme)).toEqual(parsed);
  });

  it.each([
    ['D2', 'europol', /not a grade in the europol scheme.*there is no D.*fit the admiralty scheme/],
    ['B5', 'europol', /not a grade in the europol scheme/],
    ['4AP', 'uk', /not a grade in the uk scheme: use source 1-3/],
    ['2FP', 'uk', /not a grade in the uk scheme/],
    ['2BX', 'uk', /not a grade in the uk scheme/],
    ['G1', 'admiralty', /not a grade in the admiralty scheme/],
    ['A7', 'admiralty', /not a grade in the admiralty scheme/],
    ['2BP', 'europol', /fit the uk scheme: set "gradeScheme"/],
  ] as const)('refuses %s in the %s scheme instead of converting it', (grade, scheme, message) => {
    expect(() => parseGrade(grade, scheme)).toThrow(message);
    expect(checkGrade(grade, scheme)).toMatch(message);
  });
});

describe('describeGrade', () => {
  it('puts a Europol grade into words', () => {
    expect(describeGrade('B2', 'europol')).toBe(
      'B2 (Europol 4x4): source B: reliable in most instances; information 2: known personally to the source but not to the official passing it on',
    );
  });

  it('names the UK handling code', () => {
    expect(describeGrade('2BP', 'uk')).toMatch(
      /source 2: untested; intelligence B: known indirectly and corroborated; handling P/,
    );
  });

  it('describes an Admiralty grade in Admiralty terms', () => {
    expect(describeGrade('C3', 'admiralty')).toMatch(
      /source C: fairly reliable; information 3: possibly true/,
    );
  });
});

describe('meetsMinimumSource', () => {
  it.each<[string | undefined, GradingScheme, string, boolean]>([
    ['A1', 'europol', 'B', true],
    ['B4', 'europol', 'B', true],
    ['C1', 'europol', 'B', false],
    ['X1', 'europol', 'C', false],
    ['1CP', 'uk', '2', true],
    ['2EC', 'uk', '2', true],
    ['3AP', 'uk', '2', false],
    ['B6', 'admiralty', 'B', true],
    ['E1', 'admiralty', 'D', false],
    [undefined, 'europol', 'X', false],
    ['2BP', 'europol', 'C', false],
  ])('%s in %s against minimum %s is %s', (grade, scheme, minimum, meets) => {
    expect(meetsMinimumSource(grade, scheme, minimum)).toBe(meets);
  });

  it('refuses a minimum that does not belong to the scheme', () => {
    expect(() => meetsMinimumSource('B2', 'europol', 'D')).toThrow(
      /"D" is not a europol source value: use one of A, B, C, X/,
    );
    expect(() => meetsMinimumSource('2BP', 'uk', 'B')).toThrow(/use one of 1, 2, 3/);
  });
});
