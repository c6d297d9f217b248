/**
 * Field schemas that normalise on the way in. Each is `z.preprocess(normaliser, shape)`: the normaliser
 * turns the input into its canonical form (or reports why it cannot), and the shape describes the
 * canonical value, which is also what z.toJSONSchema publishes in the OpenAPI document.
 */
import { z } from 'zod';
import { normaliseCountry } from './normalise/country.ts';
import { normaliseCurrency } from './normalise/currency.ts';
import { normaliseDate } from './normalise/date.ts';
import {
  normaliseCommunicationIdentifier,
  normaliseDocumentNumber,
  normaliseIban,
  normaliseImo,
  normaliseMmsi,
} from './normalise/identifiers.ts';
import type { Normalised } from './normalise/result.ts';
import { normaliseIdentifier, normaliseName, normaliseText } from './normalise/text.ts';

/** An ISO 8601 calendar date or UTC timestamp, as the date normaliser writes them. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{3})?Z)?$/;

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  return typeof input === 'object' ? 'an object' : `${typeof input} ${JSON.stringify(input)}`.slice(0, 80);
}

/** A zod error function: "missing" when absent, otherwise what was expected and what came. */
export function expecting(what: string): (issue: { input?: unknown }) => string {
  return (issue) =>
    issue.input === undefined
      ? `is missing: add ${what}`
      : `must be ${what}, not ${describeInput(issue.input)}`;
}

/** Wraps a string normaliser as a zod field; non-strings reach the shape check and fail with its message. */
export function normalising<T extends z.ZodType>(
  normalise: (value: string) => Normalised<unknown>,
  shape: T,
  acceptNumbers = false,
) {
  return z.preprocess((value, context) => {
    const text = acceptNumbers && typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string') return value;
    const result = normalise(text);
    if (result.ok) return result.value;
    context.addIssue({ code: 'custom', message: result.message, input: value });
    return value;
  }, shape);
}

/** A name or short label: NFC, trimmed, whitespace collapsed, at most 1,000 characters. */
export const nameField = normalising(
  normaliseName,
  z
    .string({ error: expecting('a name (text)') })
    .min(1)
    .max(1_000),
);

/** Free text such as notes: tabs and line breaks allowed, at most 100,000 characters. */
export const textField = normalising(normaliseText, z.string({ error: expecting('text') }).max(100_000));

/** An id or reference: like a name; a whole number is accepted and stored as text. */
export const idField = normalising(
  (value) => normaliseIdentifier(value),
  z
    .string({ error: expecting('an id (text)') })
    .min(1)
    .max(1_000),
  true,
);

/** An ISO 3166-1 alpha-2 country code. */
export const countryField = normalising(
  normaliseCountry,
  z.string({ error: expecting('a country code such as "LY"') }).regex(/^[A-Z]{2}$/),
).meta({ description: 'ISO 3166-1 alpha-2 country code' });

/** An ISO 4217 currency code. */
export const currencyField = normalising(
  normaliseCurrency,
  z.string({ error: expecting('a currency code such as "EUR"') }).regex(/^[A-Z]{3}$/),
).meta({ description: 'ISO 4217 currency code' });

/** An ISO 8601 date (YYYY-MM-DD) or UTC timestamp. */
export const dateField = normalising(
  (value) => normaliseDate(value),
  z.string({ error: expecting('a date such as "2020-04-03"') }).regex(ISO_DATE_PATTERN),
).meta({ description: 'ISO 8601 date (YYYY-MM-DD) or UTC timestamp' });

/** A document number, plate or account number: upper case, letters and digits only. */
export const compactNumberField = normalising(
  normaliseDocumentNumber,
  z
    .string({ error: expecting('a number (text)') })
    .regex(/^[\p{L}\p{N}]+$/u)
    .max(1_000),
  true,
);

/** An IBAN, compact and upper case, check digits verified. */
export const ibanField = normalising(
  normaliseIban,
  z.string({ error: expecting('an IBAN') }).regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/),
).meta({ description: 'IBAN (ISO 13616), compact, upper case' });

/** An IMO ship number: seven digits with a valid check digit. */
export const imoField = normalising(
  normaliseImo,
  z.string({ error: expecting('an IMO number') }).regex(/^\d{7}$/),
  true,
);

/** An MMSI: nine digits. */
export const mmsiField = normalising(
  normaliseMmsi,
  z.string({ error: expecting('an MMSI') }).regex(/^\d{9}$/),
  true,
);

/** A phone number, e-mail address, handle or advert URL; phones compacted and e-mail lower-cased. */
export const communicationIdField = normalising(
  normaliseCommunicationIdentifier,
  z
    .string({ error: expecting('an identifier (text)') })
    .min(1)
    .max(1_000),
  true,
);

/** One value of a controlled list, matched without regard to case or extra spaces. */
export function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  const allowed = values.join(', ');
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : value),
    z.enum(values, {
      error: (issue) =>
        issue.input === undefined
          ? `is missing: add one of ${allowed}`
          : `${describeInput(issue.input)} is not allowed: use one of ${allowed}`,
    }),
  );
}

/** Like enumField, for codes written in upper case (handling codes). */
export function codeField<const T extends readonly [string, ...string[]]>(values: T, missing: string) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
    z.enum(values, {
      error: (issue) =>
        issue.input === undefined
          ? missing
          : `${describeInput(issue.input)} is not allowed: use one of ${values.join(', ')}`,
    }),
  );
}

/** Options of listField: what the list holds (for messages) and, for required lists, the message when empty or absent. */
export type ListOptions = { what?: string; required?: string };

/** A list; a single string is split on ";" (how CSV cells carry lists), and empty parts are dropped. */
export function listField<T extends z.ZodType>(item: T, options: ListOptions = {}) {
  const what = options.what ?? 'a list';
  const required = options.required;
  const list = z.array(item, {
    error: (issue) =>
      issue.input === undefined && required !== undefined ? required : expecting(what)(issue),
  });
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(';')
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : value,
    required === undefined ? list : list.min(1, required),
  );
}

/** A number; numeric text (as CSV cells carry numbers) is read as a number. */
export function numberField<T extends z.ZodType<number>>(shape: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value),
    shape,
  );
}

/** A finite number, with the zod message replaced by one that says what to give. */
export function number(what = 'a number'): z.ZodNumber {
  return z.number({ error: expecting(what) });
}
