/**
 * One step of the analysis benchmark, run in its own process so that its peak resident memory is
 * its own: load an edge list (typed arrays, then CSR) and run one analysis on it.
 *
 * Usage: node --import tsx scripts/bench/analysis/run-step.ts STEP EDGE_LIST [OUT]
 * STEP: load | graphology | communities | pagerank | betweenness | betweenness-sampled.
 * Prints one JSON line (load and step time in ms, peak RSS in MB, the step's figures); scores
 * go to OUT as raw Float64 in the order of the numeric node ids (0..n-1) of the bench's files.
 */
import { writeFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { betweennessOnCsr, samplePivots } from '../../../analysis/betweenness.ts';
import { detectCommunitiesInCsr } from '../../../analysis/communities.ts';
import { type Csr, csrFromEdgeList } from '../../../analysis/csr.ts';
import { type EdgeList, readEdgeList } from '../../../analysis/load-edges.ts';
import { pagerankOnCsr } from '../../../analysis/pagerank.ts';
import { createRng } from '../../../analysis/random.ts';

/** Pivots of the sampled betweenness, as the analysis defaults. */
export const PIVOTS = 1_000;

type Figures = Record<string, number | string | boolean>;

function runStep(step: string, edges: EdgeList, csr: Csr, out: string | undefined): Figures {
  if (step === 'load') return {};
  if (step === 'graphology') return buildGraphology(edges);
  if (step === 'communities') {
    const result = detectCommunitiesInCsr(csr, { seed: 1 });
    return { modularity: result.modularity, communities: result.communities.length };
  }
  if (step === 'pagerank') {
    const { x, iterations, converged } = pagerankOnCsr(csr);
    if (out) writeByName(out, csr, x);
    return { iterations, converged };
  }
  if (step === 'betweenness' || step === 'betweenness-sampled') {
    const n = csr.nodes.length;
    const sources = step === 'betweenness' ? undefined : samplePivots(n, Math.min(PIVOTS, n), createRng(1));
    const scores = betweennessOnCsr(csr, { weighted: false, weightsAre: 'strength', sources });
    if (out) writeByName(out, csr, scores);
    return { pivots: sources ? sources.length : n };
  }
  throw new Error(`run-step: unknown step ${step}`);
}

// The bench's files name nodes 0..n-1; scores are written in that order, as igraph writes its own.
function writeByName(out: string, csr: Csr, scores: Float64Array): void {
  const byName = new Float64Array(scores.length);
  csr.nodes.forEach((node, i) => {
    byName[Number(node)] = scores[i]!;
  });
  writeFileSync(out, byName);
}

// For comparison only: the same links inserted one by one into a graphology graph.
function buildGraphology(edges: EdgeList): Figures {
  const started = performance.now();
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  for (const node of edges.nodes) graph.addNode(node);
  const { nodes, sources, targets } = edges;
  for (let e = 0; e < sources.length; e++)
    if (sources[e] !== targets[e]) graph.mergeEdge(nodes[sources[e]!]!, nodes[targets[e]!]!);
  return { graphologyMs: performance.now() - started, graphologySize: graph.size };
}

const [step, path, out] = process.argv.slice(2);
if (!step || !path) throw new Error('run-step: usage STEP EDGE_LIST [OUT]');
const started = performance.now();
const edges = readEdgeList(path);
const parsed = performance.now();
const csr = csrFromEdgeList(edges);
const loaded = performance.now();
const figures = runStep(step, edges, csr, out);
const done = performance.now();
console.log(
  JSON.stringify({
    tool: 'ariadne',
    step,
    nodes: csr.nodes.length,
    edges: csr.targets.length / 2,
    parseMs: parsed - started,
    loadMs: loaded - started,
    stepMs: done - loaded,
    peakMb: process.resourceUsage().maxRSS / 1024,
    ...figures,
  }),
);
