/**
 * Analysis benchmark: Ariadne's edge-list loader, Louvain, PageRank and betweenness against
 * python-igraph (multilevel, Leiden, PageRank, betweenness) on the same edge lists, each step in
 * its own process so that peak memory is per step; and the real `ariadne analyse --file --only
 * communities` on the same links written as a CSV pair (step cli). Prints a table of times, peak
 * RSS, ratios and agreement figures. Not a test: timings vary with the machine's load.
 *
 * Usage: node --import tsx scripts/bench/analysis.ts [--only planted-500k,...] [--repeat 3]
 *   [--exact-limit 10000] [--steps communities,pagerank,betweenness,graphology,cli]
 *   [--work /tmp/ariadne-bench-analysis]   (load always runs)
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureIgraph } from './analysis/children.ts';
import { prepareDatasets } from './analysis/datasets.ts';
import { benchDataset, type Row } from './analysis/measure.ts';
import { printTable } from './analysis/table.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    repeat: { type: 'string', default: '3' },
    'exact-limit': { type: 'string', default: '10000' },
    steps: { type: 'string', default: 'communities,pagerank,betweenness,graphology,cli' },
    work: { type: 'string', default: join(tmpdir(), 'ariadne-bench-analysis') },
  },
});
mkdirSync(values.work, { recursive: true });
const igraph = ensureIgraph();
if (!igraph) console.log('bench: python3-igraph is not available; only Ariadne figures are shown.');
const datasets = prepareDatasets(values.work, values.only ? values.only.split(',') : []);
const rows: Row[] = [];
for (const dataset of datasets) {
  console.log(`bench: ${dataset.name} ...`);
  rows.push(
    ...benchDataset(dataset, {
      repeat: Number(values.repeat),
      exactLimit: Number(values['exact-limit']),
      igraph,
      work: values.work,
      steps: new Set(values.steps.split(',')),
    }),
  );
}
printTable(rows);
