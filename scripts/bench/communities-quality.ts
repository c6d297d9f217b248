/**
 * Community quality benchmark (no timings): how well the syndicate -> cell hierarchy recovers the
 * demo case's planted cells over a sweep of the cell level's objective and resolution, which parts
 * of the view (link types, call counts, payments, grades, dates) help, and Ariadne's Leiden against
 * python-igraph's Leiden on the benchmark graphs (medians over the seeds). Prints Markdown tables
 * and the load average. Speed is scripts/bench/analysis.ts's job.
 *
 * Usage: node --import tsx scripts/bench/communities-quality.ts [--seeds 10] [--parts cells,view,igraph]
 *   [--work /tmp/ariadne-bench-analysis]   (igraph from that folder's venv, as analysis.ts makes it)
 */
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { buildCsr, csrFromEdgeList } from '../../analysis/core/csr.ts';
import { parseEdgeList } from '../../analysis/core/load-edges.ts';
import { projectToCsr } from '../../analysis/core/undirected.ts';
import { readCaviar } from '../../test/helpers/caviar.ts';
import { demoGraph } from '../../test/helpers/demo-graph.ts';
import { readGml } from '../../test/helpers/gml.ts';
import { type CellScore, SWEEP, scoreSetting, viewVariants } from './communities-quality/demo-cells.ts';
import { compareWithIgraph, type QualityGraph } from './communities-quality/versus-igraph.ts';
import { preparePython } from './analysis/python-tools.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' },
    parts: { type: 'string', default: 'cells,view,igraph' },
    work: { type: 'string', default: join(tmpdir(), 'ariadne-bench-analysis') },
  },
});
const seeds = Number(values.seeds);
const parts = new Set(values.parts.split(','));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
const loadAtStart = load();
const f3 = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));
const { graph, truth } = demoGraph();
const working = truth.cells.filter((c) => c.kind !== 'leadership').length;

function cellTable(title: string, rows: CellScore[]): void {
  console.log(
    `\n${title} (medians over ${seeds} seeds; ${truth.cells.length} planted cells, ${working} of them working cells)\n`,
  );
  console.log('| setting | syndicate NMI | cell NMI | planted cells found whole | exactly | cells found |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(
      `| ${r.setting} | ${f3(r.syndicateNmi)} | ${f3(r.cellNmi)} | ${r.whole} | ${r.exact} | ${r.found} |`,
    );
}

if (parts.has('cells')) {
  const rows = SWEEP.flatMap(({ objective, resolutions }) =>
    resolutions.map((resolution) =>
      scoreSetting(`${objective} ${resolution}`, graph, truth, seeds, { objective, resolution }),
    ),
  );
  cellTable('Cells of the demo case by the cell level objective and resolution', rows);
}

if (parts.has('view')) {
  const rows = viewVariants(graph).map((v) => scoreSetting(v.name, v.graph, truth, seeds, {}, v.projection));
  cellTable('Cells of the demo case by what the view uses (default cell settings)', rows);
}

function gmlGraph(name: string): QualityGraph {
  const g = readGml(join(import.meta.dirname, '../../test/fixtures/communities', `${name}.gml`));
  const csr = buildCsr(g);
  const planted = csr.nodes.map((node) => g.getNodeAttribute(node, 'gt') as string | undefined);
  return { name, csr, ...(planted.every((p) => p !== undefined) ? { planted: planted as string[] } : {}) };
}

function lfrGraph(mu: string): QualityGraph {
  const file = join(import.meta.dirname, 'data/lfr', `LFR_N10000_ad5_mc50_mu${mu}`);
  const csr = csrFromEdgeList(parseEdgeList(gunzipSync(readFileSync(`${file}.csv.gz`))));
  const { communities } = JSON.parse(gunzipSync(readFileSync(`${file}.json.gz`)).toString('utf8')) as {
    communities: number[][];
  };
  const community = new Map<string, number>();
  communities.forEach((members, c) => {
    for (const node of members) community.set(String(node), c);
  });
  return { name: `LFR 10k mu ${mu}`, csr, planted: csr.nodes.map((node) => community.get(node) ?? -1) };
}

if (parts.has('igraph')) {
  const python = preparePython(values.work).igraph;
  const demoCsr = projectToCsr(graph);
  const graphs: QualityGraph[] = [
    ...['karate', 'dolphins', 'polbooks', 'football'].map(gmlGraph),
    ...['0.1', '0.2', '0.3', '0.4', '0.5', '0.6'].map(lfrGraph),
    // The demo's planted syndicates are known for facilitators only; NMI is over them.
    { name: 'demo case', csr: demoCsr, planted: demoCsr.nodes.map((n) => truth.facilitators[n] ?? '') },
    { name: 'CAVIAR', csr: projectToCsr(readCaviar()) },
  ];
  console.log(
    `\nLeiden against python-igraph ${python?.version ?? '(not available)'} Leiden (modularity), medians over ${seeds} seeds\n`,
  );
  console.log(
    '| graph | nodes | ties | ours (default) | igraph, 2 iterations | igraph, until stable | ours (default) - igraph until stable | ours, until stable | ours until stable - igraph | NMI ours (default) | NMI igraph (until stable) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const diff = (a: number, b?: number) =>
    b === undefined ? '-' : `${a >= b ? '+' : ''}${(a - b).toFixed(4)}`;
  for (const g of graphs) {
    const r = compareWithIgraph(g, seeds, values.work, python?.python);
    const { ours, igraph } = r;
    console.log(
      `| ${r.name} | ${r.nodes} | ${r.ties} | ${f3(ours.modularity)} | ${f3(igraph?.quick)} | ${f3(igraph?.modularity)} | ${diff(ours.modularity, igraph?.modularity)} | ${f3(ours.stable)} | ${diff(ours.stable, igraph?.modularity)} | ${f3(ours.nmi)} | ${f3(igraph?.nmi)} |`,
    );
  }
}
console.log(`\nLoad average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end.`);
