/**
 * An RFC 4180 tokenizer fed one line at a time: quoted fields may hold the delimiter, doubled quotes
 * and newlines, and a record keeps the line number where it starts. Records are capped in size so a
 * stray quote cannot swallow the file into memory.
 */

/** A record's cells, or why the record could not be read; `line` is where the record starts. */
export type CsvRow =
  | { ok: true; line: number; cells: string[] }
  | { ok: false; line: number; message: string };

const QUOTE = '"';

/** Picks `,`, `;` or tab, whichever occurs most often outside quotes in the header line (ties: comma). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let inQuotes = false;
  for (const char of headerLine) {
    if (char === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** Turns lines into CSV records; call `pushLine` for every line in order, then `end`. */
export class CsvTokenizer {
  private cells: string[] = [];
  private cell = '';
  private inQuotes = false;
  private afterClose = false;
  private recordLine: number | undefined;
  private fieldLine = 0;
  private size = 0;
  private problem: string | undefined;

  constructor(
    private readonly delimiter: string,
    private readonly maxRecordBytes: number,
  ) {}

  /** Feeds one line (without its terminator); returns the record it completes, if any. */
  pushLine(text: string, line: number, eol: string): CsvRow | undefined {
    if (this.recordLine === undefined) this.recordLine = line;
    this.size += text.length + eol.length;
    if (this.size > this.maxRecordBytes && this.problem === undefined) {
      this.problem = `record is longer than the limit of ${this.maxRecordBytes} bytes: look for a quote that is never closed`;
    }
    if (!this.inQuotes && this.cells.length === 0 && !text.includes(QUOTE)) {
      this.cells = text.split(this.delimiter);
      return this.finishRecord();
    }
    this.scan(text, line);
    if (this.inQuotes) {
      if (this.problem === undefined) this.cell += eol;
      return undefined;
    }
    this.cells.push(this.cell);
    return this.finishRecord();
  }

  /** Drops a record in progress after a line that could not be read; returns an error for it, if any. */
  abandon(line: number, reason: string): { line: number; message: string } {
    const start = this.recordLine ?? line;
    this.reset();
    const where = start === line ? '' : ` (the record starts at line ${start})`;
    return { line, message: reason + where };
  }

  /** Ends the input: an open quote here is an unterminated field, reported at the line it began. */
  end(): { line: number; message: string } | undefined {
    if (!this.inQuotes) return undefined;
    const line = this.fieldLine;
    this.reset();
    return {
      line,
      message: `unterminated quoted field: it begins at line ${line} and runs to the end of the file; close the quote, and double any quote inside the field ("")`,
    };
  }

  private scan(text: string, line: number): void {
    let i = 0;
    while (i <= text.length) {
      if (this.inQuotes) {
        const close = text.indexOf(QUOTE, i);
        if (close === -1) {
          this.append(text.slice(i));
          return;
        }
        this.append(text.slice(i, close));
        if (text[close + 1] === QUOTE) {
          this.append(QUOTE);
          i = close + 2;
        } else {
          this.inQuotes = false;
          this.afterClose = true;
          i = close + 1;
        }
        continue;
      }
      if (i === text.length) return;
      i = this.scanUnquoted(text, i, line);
    }
  }

  /** Reads from `i` outside quotes up to the next delimiter or opening quote; returns where it stopped. */
  private scanUnquoted(text: string, i: number, line: number): number {
    if (text[i] === QUOTE && this.cell === '' && !this.afterClose) {
      this.inQuotes = true;
      this.fieldLine = line;
      return i + 1;
    }
    const next = text.indexOf(this.delimiter, i);
    const stop = next === -1 ? text.length : next;
    if (this.afterClose && stop > i && this.problem === undefined) {
      this.problem = `text after a closing quote at line ${line}: a quote inside a quoted field must be doubled ("")`;
    }
    this.append(text.slice(i, stop));
    if (next === -1) return text.length + 1;
    this.cells.push(this.cell);
    this.cell = '';
    this.afterClose = false;
    return next + 1;
  }

  private append(text: string): void {
    // Past the size limit the record is already lost; keep scanning for its end without storing it.
    if (this.problem === undefined) this.cell += text;
  }

  private finishRecord(): CsvRow {
    const row: CsvRow =
      this.problem === undefined
        ? { ok: true, line: this.recordLine ?? 0, cells: this.cells }
        : { ok: false, line: this.recordLine ?? 0, message: this.problem };
    this.reset();
    return row;
  }

  private reset(): void {
    this.cells = [];
    this.cell = '';
    this.inQuotes = false;
    this.afterClose = false;
    this.recordLine = undefined;
    this.size = 0;
    this.problem = undefined;
  }
}
