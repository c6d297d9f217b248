/**
 * Prints the community detection comparison as a Markdown table: per graph and tool, load and
 * detection time, peak memory, modularity, NMI against the planted partition, and how Ariadne's
 * Leiden (and the whole CLI command) compare in time with NetworKit's PLM on 1 and 2 threads and
 * with igraph's Leiden and multilevel (the README's aim for the command: 1.5x igraph's load +
 * multilevel). The CLI's CPU time (user + system) is given beside its wall time.
 */
import { type CommunityRow, TOOL } from './community-tools.ts';

const seconds = (ms?: number) => (ms === undefined ? '-' : (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
const fixed = (x?: number) => (x === undefined ? '-' : x.toFixed(3));
const ratio = (a?: CommunityRow, b?: CommunityRow) =>
  a && b ? `${(a.totalMs / b.totalMs).toFixed(2)}x` : '-';
const COMPARED = [TOOL.plm1, TOOL.plm2, TOOL.igraphLeiden, TOOL.multilevel];

/** Prints the rows; ratios are given on the rows of Ariadne Leiden and of the CLI. */
export function printCommunityTable(rows: CommunityRow[]): void {
  const header = ['graph', 'tool', 'load s', 'detect s', 'total s', 'CPU s', 'peak MB', 'Q', 'NMI', 'groups'];
  header.push('vs PLM 1t', 'vs PLM 2t', 'vs igraph Leiden', 'vs igraph multilevel');
  const lines = rows.map((r) => {
    const compared = r.tool === TOOL.leiden || r.tool === TOOL.cli;
    const other = (tool: string) => rows.find((o) => o.graph === r.graph && o.tool === tool);
    return [
      r.graph,
      r.tool,
      seconds(r.loadMs),
      seconds(r.detectMs),
      seconds(r.totalMs),
      seconds(r.cpuMs),
      r.peakMb.toFixed(0),
      fixed(r.score.modularity),
      fixed(r.score.nmi),
      String(r.score.communities),
      ...COMPARED.map((tool) => (compared ? ratio(r, other(tool)) : '')),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(format(header));
  console.log(format(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(format(line));
}
