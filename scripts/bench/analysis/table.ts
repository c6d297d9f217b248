/** Prints the benchmark rows as an aligned text table (also valid Markdown). */

/** One line of the table; times in ms and memory in MB, undefined when not measured. */
export interface Row {
  graph: string;
  step: string;
  ours?: number;
  theirs?: number;
  oursMb?: number;
  theirsMb?: number;
  notes: string;
}

const seconds = (ms?: number) => (ms === undefined ? '-' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const megabytes = (mb?: number) => (mb === undefined ? '-' : mb.toFixed(0));
const ratio = (a?: number, b?: number) =>
  a === undefined || b === undefined || b === 0 ? '-' : `${(a / b).toFixed(2)}x`;

/** Prints the rows under a header. */
export function printTable(rows: Row[]): void {
  const header = [
    'graph',
    'step',
    'ariadne s',
    'igraph s',
    'time ratio',
    'ariadne MB',
    'igraph MB',
    'mem ratio',
    'notes',
  ];
  const lines = rows.map((r) => [
    r.graph,
    r.step,
    seconds(r.ours),
    seconds(r.theirs),
    ratio(r.ours, r.theirs),
    megabytes(r.oursMb),
    megabytes(r.theirsMb),
    ratio(r.oursMb, r.theirsMb),
    r.notes,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(format(header));
  console.log(format(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(format(line));
}
