/**
 * Extra properties: fields a source carries beyond the model (a CSV's other columns, an FtM property).
 * They are kept when they are plain values under a safe name, because the store writes property keys
 * into Cypher and must never take one it could not whitelist.
 */
import { z } from 'zod';
import { normaliseText } from './normalise/text.ts';

/** The property names the store accepts: a lower-case letter, then letters, digits or "_", 64 at most. */
export const SAFE_KEY = /^[a-z][A-Za-z0-9_]{0,63}$/;

function suggestKey(key: string): string {
  const words = key.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const camel = words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('')
    .replace(/^[^a-z]+/, '')
    .slice(0, 64);
  return camel === '' ? 'extraValue' : camel;
}

/** Checks a property name; returns a message naming the key and a safe alternative, or undefined. */
export function checkPropertyKey(key: string): string | undefined {
  if (SAFE_KEY.test(key)) return undefined;
  return `property name ${JSON.stringify(key)} is not allowed: names start with a lower-case letter and hold only letters, digits and "_" (64 at most); rename it, e.g. ${JSON.stringify(suggestKey(key))}`;
}

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** An extra property's value: text (free-text rules), a number, true/false, or a flat list of those. */
export const ExtraValueSchema = z.preprocess(
  (value, context) => {
    const clean = (text: string, path: number[]): string => {
      const result = normaliseText(text);
      if (result.ok) return result.value;
      context.addIssue({ code: 'custom', message: result.message, input: text, path });
      return text;
    };
    if (typeof value === 'string') return clean(value, []);
    if (Array.isArray(value))
      return value.map((item, index) => (typeof item === 'string' ? clean(item, [index]) : item));
    return value;
  },
  z.union([scalar, z.array(scalar)], {
    error:
      'extra properties hold text, a number, true/false or a list of those: flatten nested objects into separate properties',
  }),
);

/** Finds the unsafe keys of a record, with messages, before any parsing (it sees "__proto__" too). */
export function findUnsafeKeys(record: Record<string, unknown>): { key: string; message: string }[] {
  return Object.keys(record).flatMap((key) => {
    const message = checkPropertyKey(key);
    return message === undefined ? [] : [{ key, message }];
  });
}
