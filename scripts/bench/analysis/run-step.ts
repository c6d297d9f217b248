/**
 * One step of the analysis benchmark, run in its own process so that its peak resident memory is
 * its own: load an edge list (typed arrays, then CSR) and run one analysis on it.
 *
 * Usage: node --import tsx scripts/bench/analysis/run-step.ts STEP EDGE_LIST [OUT]
 * STEP: load | graphology | leiden | louvain | pagerank | betweenness | betweenness-sampled.
 * Leiden and Louvain are seeded from the environment's BENCH_SEED (1 when unset).
 * Prints one JSON line (load and step time in ms, peak RSS in MB, the step's figures). Scores go to
 * OUT as raw Float64, a membership as one community a line, both in the order of the numeric node
 * ids (0..n-1) of the bench's files and written after the clock stops.
 */
import { writeFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { betweennessOnCsr, samplePivots } from '../../../analysis/metrics/betweenness.ts';
import { detectCommunitiesInCsr } from '../../../analysis/communities/communities.ts';
import { type Csr, csrFromEdgeList } from '../../../analysis/core/csr.ts';
import { type EdgeList, readEdgeList } from '../../../analysis/core/load-edges.ts';
import { pagerankOnCsr } from '../../../analysis/metrics/pagerank.ts';
import { createRng } from '../../../analysis/core/random.ts';

/** Pivots of the sampled betweenness, as the analysis defaults. */
export const PIVOTS = 1_000;
const SEED = Number(process.env.BENCH_SEED ?? 1);

type Figures = Record<string, number | string | boolean>;
/** A step's figures and what it writes to OUT once the clock has stopped. */
type Outcome = [Figures, ((out: string) => void)?];

function runStep(step: string, edges: EdgeList, csr: Csr): Outcome {
  if (step === 'load') return [{}];
  if (step === 'graphology') return [buildGraphology(edges)];
  if (step === 'leiden' || step === 'louvain') {
    // The product's path: the method, then disconnected communities split into their parts.
    const result = detectCommunitiesInCsr(csr, { method: step, seed: SEED });
    const membership = Array.from(csr.nodes, (_, name) => result.membership[String(name)]);
    return [
      { communities: result.communities.length },
      (out) => writeFileSync(out, `${membership.join('\n')}\n`),
    ];
  }
  if (step === 'pagerank') {
    const { x, iterations, converged } = pagerankOnCsr(csr);
    return [{ iterations, converged }, (out) => writeByName(out, csr, x)];
  }
  if (step === 'betweenness' || step === 'betweenness-sampled') {
    const n = csr.nodes.length;
    const sources = step === 'betweenness' ? undefined : samplePivots(n, Math.min(PIVOTS, n), createRng(1));
    const scores = betweennessOnCsr(csr, { weighted: false, weightsAre: 'strength', sources });
    return [{ pivots: sources ? sources.length : n }, (out) => writeByName(out, csr, scores)];
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
const [figures, write] = runStep(step, edges, csr);
const done = performance.now();
const peakMb = process.resourceUsage().maxRSS / 1024;
if (out && write) write(out);
console.log(
  JSON.stringify({
    tool: 'ariadne',
    step,
    nodes: csr.nodes.length,
    edges: csr.targets.length / 2,
    parseMs: parsed - started,
    loadMs: loaded - started,
    stepMs: done - loaded,
    peakMb,
    ...figures,
  }),
);
