/**
 * Dates to ISO 8601: a calendar date becomes YYYY-MM-DD, a timestamp with a zone becomes UTC
 * (YYYY-MM-DDTHH:MM:SS.sssZ). Only unambiguous forms are read without help: 03/04/2020 is the 3rd of
 * April in Europe and the 4th of March in the United States, so it needs a declared dateFormat.
 */
import { accept, type Normalised, quote, reject } from './result.ts';

/** The order of day, month and year in numeric dates such as 03/04/2020. */
export const DATE_FORMATS = ['DMY', 'MDY', 'YMD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Options for normaliseDate. */
export type DateOptions = { dateFormat?: DateFormat | undefined };

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$/;
const DAY_MONTH_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4})$/;
const MONTH_NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Builds YYYY-MM-DD after checking the date exists; the message names what is impossible. */
export function composeDate(year: number, month: number, day: number, original: string): Normalised<string> {
  if (month < 1 || month > 12)
    return reject(`${quote(original)} has month ${month}: months run from 1 to 12`);
  const last = daysIn(year, month);
  if (day < 1 || day > last) {
    const monthName = MONTHS[month - 1] ?? '';
    const name = monthName.charAt(0).toUpperCase() + monthName.slice(1);
    return reject(`${quote(original)} is not a real date: ${name} ${year} has ${last} days`);
  }
  return accept(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTHS.findIndex(
    (month) => month.startsWith(word) || (word === 'sept' && month === 'september'),
  );
  return index === -1 ? undefined : index + 1;
}

function readTimestamp(text: string, match: RegExpExecArray): Normalised<string> {
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const date = composeDate(Number(y), Number(mo), Number(d), text);
  if (!date.ok) return date;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    return reject(`${quote(text)} has an impossible time of day: use hours 00-23, minutes and seconds 00-59`);
  }
  if (zone === undefined) {
    return reject(
      `${quote(text)} has a time but no time zone: add "Z" for UTC or an offset such as "+02:00", or give the date alone`,
    );
  }
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const iso = `${date.value}T${h}:${mi}:${s ?? '00'}${(fraction ?? '').slice(0, 4)}${offset}`;
  const millis = Date.parse(iso);
  if (Number.isNaN(millis))
    return reject(`${quote(text)} is not a valid timestamp: use ISO 8601, e.g. 2020-04-03T10:30:00Z`);
  return accept(new Date(millis).toISOString());
}

function readNumeric(
  text: string,
  match: RegExpExecArray,
  format: DateFormat | undefined,
): Normalised<string> {
  const [, first, second, yearText] = match;
  if ((yearText ?? '').length !== 4) {
    return reject(`${quote(text)} has a two-digit year: write the year in full, e.g. 2020`);
  }
  const a = Number(first);
  const b = Number(second);
  const year = Number(yearText);
  if (format === 'DMY') return composeDate(year, b, a, text);
  if (format === 'MDY') return composeDate(year, a, b, text);
  // Without a declared order the date is read only when one reading is impossible or both agree.
  if (a === b || a > 12) return composeDate(year, b, a, text);
  if (b > 12) return composeDate(year, a, b, text);
  return reject(
    `${quote(text)} is ambiguous (day/month or month/day): write it as YYYY-MM-DD, or declare the order with --date-format DMY or MDY`,
  );
}

function readWords(text: string, day: string, word: string, year: string): Normalised<string> | undefined {
  const month = monthNumber(word);
  return month === undefined ? undefined : composeDate(Number(year), month, Number(day), text);
}

type Reader = (text: string, options: DateOptions) => Normalised<string> | undefined;

// Tried in order; the first that recognises the shape decides, so an impossible date is reported as such.
const READERS: readonly Reader[] = [
  (text) => {
    const match = YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
    return match ? composeDate(Number(match[1]), Number(match[2]), Number(match[3]), text) : undefined;
  },
  (text) => {
    const match = TIMESTAMP.exec(text);
    return match ? readTimestamp(text, match) : undefined;
  },
  (text, options) => {
    const match = NUMERIC.exec(text);
    return match ? readNumeric(text, match, options.dateFormat) : undefined;
  },
  (text) => {
    const match = DAY_MONTH_NAME.exec(text.toLowerCase());
    return match ? readWords(text, match[1] ?? '', match[2] ?? '', match[3] ?? '') : undefined;
  },
  (text) => {
    const match = MONTH_NAME_DAY.exec(text.toLowerCase());
    return match ? readWords(text, match[2] ?? '', match[1] ?? '', match[3] ?? '') : undefined;
  },
];

/** Normalises a date or timestamp to ISO 8601, or explains why it cannot be read. */
export function normaliseDate(value: string, options: DateOptions = {}): Normalised<string> {
  const text = value.trim();
  for (const read of READERS) {
    const result = read(text, options);
    if (result !== undefined) return result;
  }
  if (/^\d{4}(-\d{2})?$/.test(text)) {
    return reject(
      `${quote(text)} is only a year or a month: give a full date YYYY-MM-DD, and say in notes if the day is unknown`,
    );
  }
  return reject(
    `${quote(text)} is not a date Ariadne can read: use YYYY-MM-DD (e.g. 2020-04-03), "3 April 2020", or an ISO 8601 timestamp with a zone`,
  );
}
