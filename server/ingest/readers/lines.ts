/**
 * Streams a file as numbered lines without ever holding more than one line (plus one read chunk) in
 * memory. Lines longer than the limit are skipped and reported, so a huge or binary file cannot
 * exhaust memory.
 */
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

/** A line's text without its terminator; `eol` is `''` only for a last line that has no newline. */
export type TextLine = { type: 'text'; line: number; text: string; eol: '' | '\n' | '\r\n' };

/** A line that could not be turned into text; `fatal` means reading stopped here. */
export type LineProblem = { type: 'problem'; line: number; message: string; fatal: boolean };

/** What `readLines` yields. */
export type LineEvent = TextLine | LineProblem;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = '\uFEFF';
// Lines a batch holds at most: a batch and the records made of it die young, within a scavenge or two.
const BATCH_LINES = 1024;

/**
 * Yields the lines of a file in order, numbered from 1; a UTF-8 byte-order mark is dropped. Adds the
 * bytes it reads to `read.bytes`, when given.
 */
export async function* readLines(
  path: string,
  maxLineBytes: number,
  read?: { bytes: number },
): AsyncGenerator<LineEvent> {
  for await (const batch of readLineBatches(path, maxLineBytes, read)) for (const event of batch) yield event;
}

/**
 * The lines of `readLines` in batches of the lines a chunk read ends (1,024 at most). The readers take
 * lines a batch at a time: a generator step per line, through each reader's layers, cost more than
 * reading the line.
 */
export async function* readLineBatches(
  path: string,
  maxLineBytes: number,
  read?: { bytes: number },
): AsyncGenerator<LineEvent[]> {
  const parts: Buffer[] = [];
  let pending = 0;
  let skipping = false;
  let line = 1;
  try {
    for await (const chunk of createReadStream(path, {
      highWaterMark: 256 * 1024,
    }) as AsyncIterable<Buffer>) {
      if (read) read.bytes += chunk.length;
      let batch: LineEvent[] = [];
      const inner = innerLines(chunk);
      let start = 0;
      while (start < chunk.length) {
        if (batch.length === BATCH_LINES) {
          yield batch;
          batch = [];
        }
        const end = chunk.indexOf(NEWLINE, start);
        if (start >= inner.start && end !== -1 && end <= inner.end && end - start <= maxLineBytes) {
          batch.push(textOf(chunk, start, end, line));
          line += 1;
          start = end + 1;
          continue;
        }
        const stop = end === -1 ? chunk.length : end;
        if (!skipping) {
          if (pending + (stop - start) > maxLineBytes) {
            skipping = true;
            parts.length = 0;
            pending = 0;
          } else {
            parts.push(chunk.subarray(start, stop));
            pending += stop - start;
          }
        }
        if (end === -1) break;
        batch.push(skipping ? tooLong(line, maxLineBytes) : decodeLine(parts, line, '\n'));
        skipping = false;
        parts.length = 0;
        pending = 0;
        line += 1;
        start = end + 1;
      }
      if (batch.length > 0) yield batch;
    }
  } catch (error) {
    const problem: LineProblem = {
      type: 'problem',
      line: line === 1 && pending === 0 ? 0 : line,
      message: describeIoError(error),
      fatal: true,
    };
    yield [problem];
    return;
  }
  if (skipping) yield [tooLong(line, maxLineBytes)];
  else if (pending > 0) yield [decodeLine(parts, line, '')];
}

/**
 * The lines a chunk holds whole (after its first newline, up to its last) when they are valid UTF-8,
 * checked at once: a newline byte is never part of a multi-byte character, so each of them is valid
 * too and is decoded straight from the chunk. Otherwise an empty range, and each line is checked.
 */
function innerLines(chunk: Buffer): { start: number; end: number } {
  const first = chunk.indexOf(NEWLINE);
  const last = chunk.lastIndexOf(NEWLINE);
  if (first === -1 || first === last || !isUtf8(chunk.subarray(first + 1, last))) return { start: 1, end: 0 };
  return { start: first + 1, end: last };
}

// A line known to be valid UTF-8, from `start` up to its newline at `end`.
function textOf(chunk: Buffer, start: number, end: number, line: number): TextLine {
  if (end > start && chunk[end - 1] === CARRIAGE_RETURN)
    return { type: 'text', line, text: chunk.toString('utf8', start, end - 1), eol: '\r\n' };
  return { type: 'text', line, text: chunk.toString('utf8', start, end), eol: '\n' };
}

function decodeLine(parts: Buffer[], line: number, newline: '' | '\n'): LineEvent {
  let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  let eol: TextLine['eol'] = newline;
  if (newline && bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) {
    bytes = bytes.subarray(0, bytes.length - 1);
    eol = '\r\n';
  }
  if (!isUtf8(bytes)) {
    return {
      type: 'problem',
      line,
      message: 'line is not valid UTF-8: save the file as UTF-8 (e.g. "CSV UTF-8" in a spreadsheet)',
      fatal: false,
    };
  }
  let text = bytes.toString('utf8');
  if (line === 1 && text.startsWith(BOM)) text = text.slice(1);
  return { type: 'text', line, text, eol };
}

function tooLong(line: number, maxLineBytes: number): LineProblem {
  return {
    type: 'problem',
    line,
    message: `line is longer than the limit of ${formatBytes(maxLineBytes)}: split the record, or raise maxLineBytes if it is genuine`,
    fatal: false,
  };
}

/** Formats a byte count the way the limits are usually written (16 MiB). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** A file-system error in words, with what to do. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'file not found: check the path';
  if (code === 'EISDIR')
    return 'this is a folder, not a file: name a file, or a folder holding entities.csv and links.csv';
  if (code === 'EACCES') return 'permission denied: make the file readable';
  return `cannot read the file: ${error instanceof Error ? error.message : String(error)}`;
}
