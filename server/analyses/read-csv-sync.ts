/**
 * The ingest's CSV reader (ingest/readers/csv.ts) made synchronous for `analyse --file`: the same
 * lines (UTF-8 checked, BOM dropped, length capped), the same tokenizer, header rules and cell
 * conversion, so the same records and the same errors, but handed to a callback instead of through
 * three async generators, whose per-record cost dominated reading millions of links. A row lane
 * (csv-lane.ts) may take rows straight from the bytes, before any string is made of them.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { type CsvHeader, readHeader } from '../ingest/readers/csv-header.ts';
import { isCsvMarkingLine } from '../ingest/readers/marking.ts';
import { CsvTokenizer, detectDelimiter } from '../ingest/readers/csv-tokenizer.ts';
import { csvRowToItem, findPairFiles } from '../ingest/readers/csv.ts';
import { describeIoError, formatBytes } from '../ingest/readers/lines.ts';
import { DEFAULT_MAX_LINE_BYTES, type ReadItem } from '../ingest/readers/types.ts';

type OnItem = (item: ReadItem) => void;
/** Takes rows of a file as bytes; a row it declines is decoded and tokenized as usual. */
export interface RowLane {
  /** Whether the lane takes the rows of a file with this header and delimiter. */
  open(path: string, header: CsvHeader, delimiter: string): boolean;
  /** Takes the line bytes[start, end) (its line end, of `eol` bytes, cut off) as a row, or declines it. */
  row(bytes: Buffer, start: number, end: number, line: number, eol: number): boolean;
}

/** A complete line, before decoding: taken (true) or to be decoded. */
type OnBytes = (bytes: Buffer, start: number, end: number, line: number, eol: number) => boolean;

type OnLine = (
  text: string | undefined,
  line: number,
  eol: '' | '\n' | '\r\n',
  problem?: { message: string; fatal: boolean },
) => void;

const CHUNK = 1 << 20;

/** Reads a CSV file, or the entities.csv and links.csv of a folder, record by record. */
export async function readCsvSync(
  path: string,
  onItem: OnItem,
  maxBytes = DEFAULT_MAX_LINE_BYTES,
  lane?: RowLane,
) {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {}
  if (!isFolder) return readCsvFileSync(path, onItem, maxBytes, lane);
  const files = await findPairFiles(path);
  if (files.length === 0)
    onItem({
      file: path,
      line: 0,
      message: 'the folder holds neither entities.csv nor links.csv: add one, or name the file',
    });
  for (const file of files) readCsvFileSync(file, onItem, maxBytes, lane);
}

/** Reads one CSV file (see readCsvFile of the ingest, which this follows step by step). */
export function readCsvFileSync(
  path: string,
  onItem: OnItem,
  maxBytes = DEFAULT_MAX_LINE_BYTES,
  lane?: RowLane,
): void {
  let tokenizer: CsvTokenizer | undefined;
  let header: CsvHeader | undefined;
  let stopped = false;
  let delimiter = ',';
  // The lane sees a line only between records: after the header, and not inside a quoted field.
  let laneOpen = false;
  let between = true;
  const onBytes: OnBytes | undefined =
    lane === undefined
      ? undefined
      : (b, s, e, line, eol) => laneOpen && between && !stopped && lane.row(b, s, e, line, eol);
  readLinesSync(path, maxBytes, onBytes, (text, line, eol, problem) => {
    if (stopped) return;
    if (text === undefined) {
      if (problem === undefined || problem.fatal || header === undefined || tokenizer === undefined) {
        onItem({ file: path, line, message: problem?.message ?? '' });
        stopped = true;
        return;
      }
      const dropped = tokenizer.abandon(line, problem.message);
      between = true;
      onItem({ file: path, line: dropped.line, message: dropped.message });
      return;
    }
    if (tokenizer === undefined) {
      if (text.trim() === '' || isCsvMarkingLine(text)) return;
      delimiter = detectDelimiter(text);
      tokenizer = new CsvTokenizer(delimiter, maxBytes);
    }
    const row = tokenizer.pushLine(text, line, eol);
    between = row !== undefined;
    if (row === undefined) return;
    if (header !== undefined) {
      const item = csvRowToItem(path, header, row);
      if (item !== undefined) onItem(item);
      return;
    }
    const read = row.ok
      ? readHeader(path, row.line, row.cells)
      : { file: path, line: row.line, message: row.message };
    if ('columns' in read) {
      header = read;
      laneOpen = lane?.open(path, read, delimiter) ?? false;
    } else {
      onItem(read);
      stopped = true;
    }
  });
  const last = stopped ? undefined : tokenizer?.end();
  if (last !== undefined) onItem({ file: path, ...last });
}

// readLines of the ingest, synchronous: a line problem comes with text undefined; a fatal one (the
// file cannot be read) with problem set and no tokenizer involved (reported, then reading stops).
// onBytes sees each complete line first (not the last one without a line end: it is rare).
function readLinesSync(
  path: string,
  maxLineBytes: number,
  onBytes: OnBytes | undefined,
  onLine: OnLine,
): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    onLine(undefined, 0, '', { message: describeIoError(error), fatal: true });
    return;
  }
  const buffer = Buffer.allocUnsafe(CHUNK);
  let carry: Buffer[] = [];
  let pending = 0;
  let skipping = false;
  let line = 1;
  try {
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        onLine(undefined, line === 1 && pending === 0 ? 0 : line, '', {
          message: describeIoError(error),
          fatal: true,
        });
        return;
      }
      if (read === 0) break;
      const chunk = buffer.subarray(0, read);
      let start = 0;
      while (start < chunk.length) {
        const end = chunk.indexOf(10, start);
        const stop = end === -1 ? chunk.length : end;
        if (end !== -1 && !skipping && carry.length === 0 && onBytes !== undefined) {
          const cr = stop > start && chunk[stop - 1] === 13 ? 1 : 0;
          if (stop - start <= maxLineBytes && onBytes(chunk, start, stop - cr, line, 1 + cr)) {
            line += 1;
            start = end + 1;
            continue;
          }
        }
        if (!skipping) {
          if (pending + (stop - start) > maxLineBytes) {
            skipping = true;
            carry = [];
            pending = 0;
          } else {
            // Kept past this read only when the line goes on in the next chunk: then copied.
            carry.push(end === -1 ? Buffer.from(chunk.subarray(start, stop)) : chunk.subarray(start, stop));
            pending += stop - start;
          }
        }
        if (end === -1) break;
        if (skipping) onLine(undefined, line, '\n', tooLong(maxLineBytes));
        else decodeLine(carry, line, '\n', onLine);
        skipping = false;
        carry = [];
        pending = 0;
        line += 1;
        start = end + 1;
      }
    }
  } finally {
    closeSync(fd);
  }
  if (skipping) onLine(undefined, line, '', tooLong(maxLineBytes));
  else if (pending > 0) decodeLine(carry, line, '', onLine);
}

function decodeLine(parts: Buffer[], line: number, newline: '' | '\n', onLine: OnLine): void {
  let bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
  let eol: '' | '\n' | '\r\n' = newline;
  if (newline && bytes.length > 0 && bytes[bytes.length - 1] === 13) {
    bytes = bytes.subarray(0, bytes.length - 1);
    eol = '\r\n';
  }
  if (!isUtf8(bytes)) {
    const message = 'line is not valid UTF-8: save the file as UTF-8 (e.g. "CSV UTF-8" in a spreadsheet)';
    onLine(undefined, line, eol, { message, fatal: false });
    return;
  }
  let text = bytes.toString('utf8');
  if (line === 1 && text.startsWith('\uFEFF')) text = text.slice(1);
  onLine(text, line, eol);
}

const tooLong = (max: number) => ({
  message: `line is longer than the limit of ${formatBytes(max)}: split the record, or raise maxLineBytes if it is genuine`,
  fatal: false,
});
