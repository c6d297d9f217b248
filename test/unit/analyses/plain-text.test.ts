import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isPlainText, takesPlainText } from '../../../server/analyses/plain-text.ts';
import { idField, nameField, textField } from '../../../server/schema/fields.ts';

const SAMPLES = [
  'p:1',
  'Person 12',
  'a b c',
  'x',
  '',
  ' lead',
  'trail ',
  'two  spaces',
  'tab\there',
  'new\nline',
  'del\u007f',
  'caf\u00e9',
  'cafe\u0301',
  '\u202eevil',
  'nbsp\u00a0x',
  '~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./',
  'a'.repeat(1_000),
  'a'.repeat(1_001),
];

// Random strings of ASCII and a few troublesome characters, seeded.
function randomStrings(count: number): string[] {
  const alphabet = [
    'a',
    'Z',
    '0',
    ' ',
    ' ',
    '\t',
    '\u0000',
    '\u007f',
    '\u00e9',
    '\u00a0',
    '"',
    ':',
    '\u2066',
  ];
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  return Array.from({ length: count }, () => {
    let text = '';
    for (let i = next() % 8; i > 0; i--) text += alphabet[next() % alphabet.length];
    return text;
  });
}

describe('the plain-text check that stands in for idField and nameField', () => {
  it('accepts only strings that both schemas pass unchanged', () => {
    for (const value of [...SAMPLES, ...randomStrings(5_000)]) {
      if (!isPlainText(value)) continue;
      expect(idField.safeParse(value)).toEqual({ success: true, data: value });
      expect(nameField.safeParse(value)).toEqual({ success: true, data: value });
    }
  });

  it('accepts the common ids and names, and leaves anything to normalise or refuse to the schemas', () => {
    expect(['p:1', 'Person 12', 'a b c', 'a'.repeat(1_000)].every(isPlainText)).toBe(true);
    const others = SAMPLES.filter((value) => !['p:1', 'Person 12', 'a b c', 'x'].includes(value));
    expect(others.filter(isPlainText)).toEqual(['~!@#$%^&*()_+{}|:"<>?`-=[]\\;\',./', 'a'.repeat(1_000)]);
  });

  it('stands in only for idField and nameField, optional or not', () => {
    expect(takesPlainText(idField)).toBe(true);
    expect(takesPlainText(nameField.optional())).toBe(true);
    expect(takesPlainText(textField)).toBe(false);
    expect(takesPlainText(z.string())).toBe(false);
    expect(takesPlainText(nameField.meta({ description: 'x' }))).toBe(false);
  });
});
