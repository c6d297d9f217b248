/**
 * Parses one JSON line strictly: the parser's own message on a syntax error, and duplicate keys
 * reported (JSON.parse silently keeps the last one, which would hide conflicting values).
 */

import type { LineEvent } from './lines.ts';
import type { ReadItem } from './types.ts';

/** The parsed object, or why the line is not a usable JSON object. */
export type JsonLineResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; message: string; field?: string };

/** Parses a line that must hold one JSON object; `truncated` marks a last line without a newline. */
export function parseJsonLine(text: string, truncated: boolean): JsonLineResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fix = truncated
      ? 'the file ends in the middle of this record (truncated?): export it again in full'
      : 'fix the JSON on this line (one complete object per line)';
    return { ok: false, message: `malformed JSON: ${reason}; ${fix}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, message: `expected one JSON object per line, found ${what}` };
  }
  const duplicate = mayRepeatKeys(text, value) ? findDuplicateKey(text) : undefined;
  if (duplicate !== undefined) {
    return {
      ok: false,
      field: duplicate,
      message: `key "${duplicate}" appears twice in one object: keep one value (use a list for several)`,
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/**
 * The JSON object one line of a JSON-lines file holds, or null: a blank line, or a line whose problem
 * (unreadable, not a JSON object) was pushed to `items` with its file, line and field.
 */
export function jsonObjectOf(
  path: string,
  event: LineEvent,
  items: ReadItem[],
): Record<string, unknown> | null {
  if (event.type === 'problem') {
    items.push({ file: path, line: event.line, message: event.message });
    return null;
  }
  if (event.text.trim() === '') return null;
  const parsed = parseJsonLine(event.text, event.eol === '');
  if (parsed.ok) return parsed.value;
  const { message, field } = parsed;
  items.push({ file: path, line: event.line, message, ...(field === undefined ? {} : { field }) });
  return null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;

/**
 * Whether a valid JSON text may hold a key twice: each key of the text ends in a quote followed by a
 * colon, so the text has at least as many such colons as keys, and a repeated key leaves the parsed
 * value with fewer keys than the text. With as many colons as parsed keys, no key repeats; otherwise
 * (a repeat, or a colon after a quote inside a string value) findDuplicateKey decides.
 */
function mayRepeatKeys(text: string, value: unknown): boolean {
  let colons = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    while (isSpace(text.charCodeAt(before))) before -= 1;
    if (text.charCodeAt(before) === QUOTE) colons += 1;
  }
  return colons !== keysIn(value);
}

/** The keys of every object in a parsed JSON value. */
function keysIn(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let keys = 0;
  if (Array.isArray(value)) for (const item of value) keys += keysIn(item);
  else
    for (const key in value) {
      keys += 1;
      keys += keysIn((value as Record<string, unknown>)[key]);
    }
  return keys;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Returns the first key that occurs twice in the same object of an already valid JSON text. Because
 * the text parsed, a scan of strings and brackets is enough: a string directly followed by `:` is a key.
 */
export function findDuplicateKey(text: string): string | undefined {
  // One key set per open container; arrays get null so nesting stays aligned.
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = findStringEnd(text, i + 1);
      const keys = stack[stack.length - 1];
      if (keys && isFollowedByColon(text, end + 1)) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (keys.has(key)) return key;
        keys.add(key);
      }
      i = end + 1;
      continue;
    }
    if (code === OPEN_BRACE) stack.push(new Set());
    else if (code === OPEN_BRACKET) stack.push(null);
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) stack.pop();
    i += 1;
  }
  return undefined;
}

function findStringEnd(text: string, from: number): number {
  let at = text.indexOf('"', from);
  while (at !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
}

function isFollowedByColon(text: string, from: number): boolean {
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === COLON) return true;
    if (!isSpace(code)) return false;
  }
  return false;
}
