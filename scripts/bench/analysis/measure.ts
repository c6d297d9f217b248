/**
 * The measurements for one graph: load, communities (community-tools.ts), PageRank, betweenness
 * (exact where feasible, sampled always) and, for reference, building a graphology graph link by
 * link.
 */
import { join } from 'node:path';
import { runAriadne, runIgraph, type StepReport } from './children.ts';
import { type CommunityRow, communityRows } from './community-tools.ts';
import { largestRelativeError, readFloat64, readLines, spearman, topOverlap } from './compare-scores.ts';
import type { Dataset } from './datasets.ts';
import type { PythonTools } from './python-tools.ts';
import type { Row } from './table.ts';

export type { Row } from './table.ts';

/** How to run the steps of one graph. */
export interface MeasureOptions {
  repeat: number;
  /** Exact betweenness only up to this many nodes. */
  exactLimit: number;
  python: PythonTools;
  work: string;
  /** Steps to run: load, communities, pagerank, betweenness, graphology, cli. */
  steps: Set<string>;
  /** Seed community detection with 1, 2, ... in the repeats, rather than 1 in all. */
  varySeeds?: boolean;
}

/** Runs every step on one graph and returns its rows: the general table's and the communities'. */
export function benchDataset(
  dataset: Dataset,
  o: MeasureOptions,
): { rows: Row[]; communities: CommunityRow[] } {
  const { name, path } = dataset;
  const file = (suffix: string) => join(o.work, `${name}.${suffix}`);
  const rows: Row[] = [];
  const load = runAriadne('load', path, o.repeat);
  const igraph = o.python.igraph?.python;
  const igLoad = igraph ? runIgraph(igraph, 'load', path, o.repeat) : undefined;
  const rate = (load.edges as number) / (load.loadMs / 1000);
  rows.push({
    graph: `${name} (${load.nodes} n, ${load.edges} e)`,
    step: 'load',
    ours: load.loadMs,
    theirs: igLoad?.loadMs,
    oursMb: load.peakMb,
    theirsMb: igLoad?.peakMb,
    notes: `${(rate / 1e6).toFixed(2)}M edges/s (parse ${(load.parseMs as number).toFixed(0)} ms)`,
  });

  if (o.steps.has('pagerank')) rows.push(pagerankRow(name, path, o, file));
  if (o.steps.has('betweenness')) rows.push(...betweennessRows(name, path, load.nodes as number, o, file));
  if (o.steps.has('graphology')) rows.push(graphologyRow(name, path, load));
  const cli = o.steps.has('cli');
  const communities =
    o.steps.has('communities') || cli
      ? communityRows(dataset, {
          repeat: o.repeat,
          work: o.work,
          python: o.python,
          cli,
          varySeeds: o.varySeeds,
        })
      : [];
  return { rows, communities };
}

function graphologyRow(name: string, path: string, load: StepReport): Row {
  const graphology = runAriadne('graphology', path, 1);
  const built = graphology.graphologyMs as number;
  return {
    graph: name,
    step: 'graphology graph (ref.)',
    ours: graphology.loadMs + built,
    oursMb: graphology.peakMb,
    notes: `addNode/mergeEdge one by one: ${((load.edges as number) / (built / 1000) / 1e3).toFixed(0)}k edges/s`,
  };
}

function pagerankRow(name: string, path: string, o: MeasureOptions, file: (s: string) => string): Row {
  const ours = runAriadne('pagerank', path, o.repeat, file('pr.f64'));
  const igraph = o.python.igraph?.python;
  const theirs = igraph ? runIgraph(igraph, 'pagerank', path, o.repeat, file('pr.txt')) : undefined;
  let notes = `${ours.iterations} iterations, converged ${ours.converged}`;
  if (theirs) {
    const a = readFloat64(file('pr.f64'));
    const b = readLines(file('pr.txt'));
    notes += `; max rel. error ${largestRelativeError(a, b).toExponential(1)}, top 100 shared ${topOverlap(a, b, 100)}/100`;
  }
  return {
    graph: name,
    step: 'PageRank',
    ours: ours.stepMs,
    theirs: theirs?.stepMs,
    oursMb: ours.peakMb,
    theirsMb: theirs?.peakMb,
    notes,
  };
}

function betweennessRows(
  name: string,
  path: string,
  n: number,
  o: MeasureOptions,
  file: (s: string) => string,
): Row[] {
  const rows: Row[] = [];
  const sampled = runAriadne('betweenness-sampled', path, 1, file('bc-sampled.f64'));
  const perSource = sampled.stepMs / (sampled.pivots as number);
  if (n > o.exactLimit) {
    rows.push({
      graph: name,
      step: 'betweenness sampled',
      ours: sampled.stepMs,
      oursMb: sampled.peakMb,
      notes: `${sampled.pivots} pivots; exact skipped (estimated ${((perSource * n) / 60_000).toFixed(0)} min)`,
    });
    return rows;
  }
  const exact = runAriadne('betweenness', path, o.repeat, file('bc.f64'));
  const igraph = o.python.igraph?.python;
  const theirs = igraph ? runIgraph(igraph, 'betweenness', path, o.repeat, file('bc.txt')) : undefined;
  const ours = readFloat64(file('bc.f64'));
  let notes = '';
  if (theirs) {
    // Ariadne sums ordered pairs; igraph counts each unordered pair once.
    const halved = ours.map((x) => x / 2);
    const b = readLines(file('bc.txt'));
    notes = `max rel. error ${largestRelativeError(halved, b).toExponential(1)}, Spearman ${spearman(halved, b).toFixed(4)}`;
  }
  rows.push({
    graph: name,
    step: 'betweenness exact',
    ours: exact.stepMs,
    theirs: theirs?.stepMs,
    oursMb: exact.peakMb,
    theirsMb: theirs?.peakMb,
    notes,
  });
  rows.push({
    graph: name,
    step: 'betweenness sampled',
    ours: sampled.stepMs,
    oursMb: sampled.peakMb,
    notes: `${sampled.pivots} pivots; Spearman vs exact ${spearman(readFloat64(file('bc-sampled.f64')), ours).toFixed(4)}`,
  });
  return rows;
}
