/**
 * Text hygiene for every string the model stores: length limits, forbidden characters, Unicode NFC and
 * whitespace. Control characters corrupt exports and logs; bidirectional overrides can make a name or an
 * identifier display as something it is not, so both are refused rather than silently stripped.
 */
import { accept, type Normalised, reject } from './result.ts';

/** Default length limits, in UTF-16 code units: free text such as notes, and names or identifiers. */
export const TEXT_LIMITS = { text: 100_000, name: 1_000 } as const;

// C0 controls (tab and newline are allowed only in free text), DEL and C1 controls, and the bidi
// embedding, override and isolate characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose
const FORBIDDEN_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/** Options for the text normalisers. */
export type TextOptions = { limit?: number };

/** Describes the first forbidden character, or returns undefined when there is none. */
export function findForbiddenCharacter(value: string, allowTabAndNewline: boolean): string | undefined {
  const match = (allowTabAndNewline ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_NAMES).exec(value);
  if (match === null) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const isBidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  const position = match.index + 1;
  if (isBidi) {
    return `contains a bidirectional override character (${hex}) at position ${position}, which can disguise how the text reads: remove it`;
  }
  const isLayout = code === 0x09 || code === 0x0a || code === 0x0d;
  const hint =
    isLayout && !allowTabAndNewline ? ' (tabs and line breaks are allowed only in notes and free text)' : '';
  return `contains a control character (${hex}) at position ${position}: remove it${hint}`;
}

function checkLength(value: string, limit: number): string | undefined {
  if (value.length <= limit) return undefined;
  return `is ${value.length} characters long, over the limit of ${limit}: shorten it, or keep the full text in a document and record its reference`;
}

/** Names and short labels: length-checked, forbidden characters refused, NFC, trimmed, inner whitespace collapsed. */
export function normaliseName(value: string, options: TextOptions = {}): Normalised<string> {
  const tooLong = checkLength(value, options.limit ?? TEXT_LIMITS.name);
  if (tooLong !== undefined) return reject(tooLong);
  const forbidden = findForbiddenCharacter(value, false);
  if (forbidden !== undefined) return reject(forbidden);
  const name = value.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') return reject('is empty: give a value, or leave the field out');
  return accept(name);
}

/** Identifiers (ids, references): the same rules as names; a number is accepted and written as text. */
export function normaliseIdentifier(value: string | number, options: TextOptions = {}): Normalised<string> {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      return reject(`${value} is not a whole number: give the identifier as text`);
    return accept(String(value));
  }
  return normaliseName(value, options);
}

/** Free text (notes, purposes, conditions): tabs and line breaks kept, CRLF made LF, NFC, trimmed; otherwise verbatim. */
export function normaliseText(value: string, options: TextOptions = {}): Normalised<string> {
  const tooLong = checkLength(value, options.limit ?? TEXT_LIMITS.text);
  if (tooLong !== undefined) return reject(tooLong);
  const text = value.replace(/\r\n/g, '\n');
  const forbidden = findForbiddenCharacter(text, true);
  if (forbidden !== undefined) return reject(forbidden);
  return accept(text.normalize('NFC').trim());
}

/** Folds a name for comparison and natural keys: lower case, accents removed, whitespace collapsed. */
export function foldName(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim();
}
