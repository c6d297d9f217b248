/**
 * Analysis benchmark: Ariadne's edge-list loader, PageRank and betweenness against python-igraph on
 * the same edge lists, and community detection against igraph (multilevel, Leiden) and NetworKit
 * (PLM with refinement on 1 and 2 threads), with modularity and NMI against the planted partition
 * scored alike for all; the real `ariadne analyse --file --only communities` on the same links
 * written as a CSV pair is the step cli. Each run in its own process so that peak memory is its
 * own. Prints two tables and the load average: timings vary with the machine's load; not a test.
 *
 * Usage: node --import tsx scripts/bench/analysis.ts [--only planted-500k,...] [--repeat 3]
 *   [--exact-limit 10000] [--steps communities,pagerank,betweenness,graphology,cli]
 *   [--work /tmp/ariadne-bench-analysis]   (load always runs)
 *   [--vary-seeds]   (community detection seeded 1, 2, ... in the repeats; else 1 in all)
 */
import { mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { printCommunityTable } from './analysis/community-table.ts';
import type { CommunityRow } from './analysis/community-tools.ts';
import { prepareDatasets } from './analysis/datasets.ts';
import { benchDataset, type Row } from './analysis/measure.ts';
import { preparePython } from './analysis/python-tools.ts';
import { printTable } from './analysis/table.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    repeat: { type: 'string', default: '3' },
    'exact-limit': { type: 'string', default: '10000' },
    steps: { type: 'string', default: 'communities,pagerank,betweenness,graphology,cli' },
    work: { type: 'string', default: join(tmpdir(), 'ariadne-bench-analysis') },
    'vary-seeds': { type: 'boolean', default: false },
  },
});
mkdirSync(values.work, { recursive: true });
const python = preparePython(values.work);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
const loadAtStart = load();
const datasets = prepareDatasets(
  values.work,
  values.only ? values.only.split(',') : [],
  python.networkit?.python,
);
const rows: Row[] = [];
const communities: CommunityRow[] = [];
for (const dataset of datasets) {
  console.log(`bench: ${dataset.name} ...`);
  const measured = benchDataset(dataset, {
    repeat: Number(values.repeat),
    exactLimit: Number(values['exact-limit']),
    python,
    work: values.work,
    steps: new Set(values.steps.split(',')),
    varySeeds: values['vary-seeds'],
  });
  rows.push(...measured.rows);
  communities.push(...measured.communities);
}
const versions = Object.entries(python).map(([tool, t]) => `${tool} ${t.version} (${t.python})`);
console.log(`\nTools: ${['node ' + process.versions.node, ...versions].join('; ')}`);
console.log(
  `Load average (1, 5, 15 min): ${loadAtStart} at the start, ${load()} at the end; ${values.repeat} run(s) each${values['vary-seeds'] ? ', community detection seeded 1 to ' + values.repeat : ''}.\n`,
);
printTable(rows);
if (communities.length > 0) {
  console.log('');
  printCommunityTable(communities);
}
