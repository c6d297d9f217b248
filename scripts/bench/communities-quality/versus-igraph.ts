/**
 * Ariadne's Leiden against python-igraph's Leiden (modularity, until stable) on the same weighted
 * graphs: median modularity over the seeds (each tool scores its own partition with the same
 * formula) and median NMI against the planted partition where one exists.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modularityOf } from '../../../analysis/communities/communities.ts';
import { normalizedMutualInformation } from '../../../analysis/communities/compare.ts';
import type { Csr } from '../../../analysis/core/csr.ts';
import { leiden } from '../../../analysis/communities/leiden.ts';

/** One benchmark graph as a CSR, with its planted partition by node index when it has one. */
export interface QualityGraph {
  name: string;
  csr: Csr;
  /** Planted label by node index; '' for a node the ground truth does not place. */
  planted?: (number | string)[];
}

/** Medians of one graph, ours (by default: two iterations, then more while one gains 1e-4; and until stable) and igraph's (2 iterations, and until stable). */
export interface QualityRow {
  name: string;
  nodes: number;
  ties: number;
  ours: { modularity: number; stable: number; nmi?: number };
  igraph?: { quick: number; modularity: number; nmi?: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function nmiOf(membership: ArrayLike<number>, planted?: (number | string)[]): number | undefined {
  if (!planted) return undefined;
  const found: Record<string, number> = {};
  const truth: Record<string, number | string> = {};
  planted.forEach((label, i) => {
    if (label === '') return; // not planted: left out of the score
    found[i] = membership[i] as number;
    truth[i] = label;
  });
  return normalizedMutualInformation(found, truth);
}

/** Scores one graph over `seeds` seeds with both tools; igraph is skipped without `python`. */
export function compareWithIgraph(
  graph: QualityGraph,
  seeds: number,
  work: string,
  python?: string,
): QualityRow {
  const { csr } = graph;
  const runs = Array.from({ length: seeds }, (_, i) => {
    const quick = leiden(csr, { seed: i + 1 }).partition;
    const stable = leiden(csr, { seed: i + 1, maxIterations: 1000, minGain: 0 }).partition;
    return {
      modularity: modularityOf(csr, quick).total,
      stable: modularityOf(csr, stable).total,
      nmi: nmiOf(quick, graph.planted),
    };
  });
  const row: QualityRow = {
    name: graph.name,
    nodes: csr.nodes.length,
    ties: csr.targets.length / 2,
    ours: {
      modularity: median(runs.map((r) => r.modularity)),
      stable: median(runs.map((r) => r.stable)),
      ...(graph.planted ? { nmi: median(runs.map((r) => r.nmi ?? 0)) } : {}),
    },
  };
  if (!python) return row;
  const path = join(work, `${graph.name}.weighted.txt`);
  const lines = [String(csr.nodes.length)];
  for (let v = 0; v < csr.nodes.length; v++)
    for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++)
      if (csr.targets[j]! > v) lines.push(`${v} ${csr.targets[j]} ${csr.weights[j]}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const script = join(import.meta.dirname, 'igraph_leiden.py');
  const child = spawnSync(python, [script, path, String(seeds)], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (child.status !== 0) throw new Error(`bench: igraph on ${graph.name} failed: ${child.stderr}`);
  const theirs = child.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { quick: number; modularity: number; membership: number[] });
  row.igraph = {
    quick: median(theirs.map((r) => r.quick)),
    modularity: median(theirs.map((r) => r.modularity)),
    ...(graph.planted ? { nmi: median(theirs.map((r) => nmiOf(r.membership, graph.planted) ?? 0)) } : {}),
  };
  return row;
}
