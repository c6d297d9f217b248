/**
 * A compiled check for the commonest id and name: printable ASCII, single spaces inside, 1 to 1,000
 * characters. Such a string passes idField and nameField (schema/fields.ts) unchanged: their
 * normaliser (normaliseName) refuses only longer strings and control or bidi characters, NFC and
 * whitespace collapsing leave it as it is, and the shape wants 1 to 1,000 characters. So the check
 * can stand in for those schemas on a string it accepts; any other string goes to the schema itself,
 * which normalises it or says what is wrong. test/unit/analyses/plain-text.test.ts holds the two to it.
 */
import { z } from 'zod';
import { idField, nameField } from '../schema/fields.ts';

const MAX = 1_000;

/** Whether a string passes idField and nameField as it is (see the banner). */
export function isPlainText(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > MAX) return false;
  if (value.charCodeAt(0) === 32 || value.charCodeAt(length - 1) === 32) return false;
  let space = false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code === 32) {
      if (space) return false;
      space = true;
    } else if (code > 32 && code < 127) space = false;
    else return false;
  }
  return true;
}

/** Whether a field schema is idField or nameField, optional or not: one isPlainText may stand in for. */
export function takesPlainText(schema: unknown): boolean {
  if (schema === idField || schema === nameField) return true;
  return schema instanceof z.ZodOptional && takesPlainText(schema.unwrap());
}
