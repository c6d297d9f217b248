/**
 * The benchmark's graphs: two LFR graphs shipped in scripts/bench/data/lfr (see its README) and
 * three seeded LFR-like graphs of about 50k, 500k and 2.5M links made by generate-graph.ts. Each is
 * written once into the work folder as a simple graph (no self-loops, no repeated pairs, no
 * isolated nodes) in "i j" lines with ids 0..n-1: the one file both Ariadne and igraph read, and
 * the same graph for both (igraph would keep loops and repeats that the CSR merges).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { csrFromEdgeList } from '../../../analysis/csr.ts';
import { type EdgeList, parseEdgeList, readEdgeList } from '../../../analysis/load-edges.ts';
import { generatePlantedGraph, writeEdgeList } from './generate-graph.ts';

/** One benchmark graph. */
export interface Dataset {
  name: string;
  path: string;
}

const LFR_DIR = join(import.meta.dirname, '..', 'data', 'lfr');
const LFR = ['LFR_N1000_ad5_mc50_mu0.3', 'LFR_N10000_ad5_mc50_mu0.3'];
// Node counts and average degrees that land near 50k, 500k and 2.5M links at mu 0.3.
const PLANTED = [
  { name: 'planted-50k', nodes: 5_000, degree: 25 },
  { name: 'planted-500k', nodes: 50_000, degree: 22.5 },
  { name: 'planted-2.5M', nodes: 250_000, degree: 21 },
];

/** Prepares the named datasets (all when `only` is empty) in `workDir`. */
export function prepareDatasets(workDir: string, only: string[]): Dataset[] {
  const wanted = (name: string) => only.length === 0 || only.includes(name);
  const sets: Dataset[] = [];
  for (const file of LFR.filter(wanted)) {
    const path = join(workDir, `${file}.txt`);
    if (!existsSync(path)) {
      writeSimpleGraph(path, parseEdgeList(gunzipSync(readFileSync(join(LFR_DIR, `${file}.csv.gz`)))));
    }
    sets.push({ name: file.replace('_ad5_mc50', ''), path });
  }
  for (const spec of PLANTED.filter((p) => wanted(p.name))) {
    const path = join(workDir, `${spec.name}.txt`);
    if (!existsSync(path)) {
      const raw = `${path}.raw`;
      const graph = generatePlantedGraph({ nodes: spec.nodes, degree: spec.degree, mu: 0.3, seed: 1 });
      writeEdgeList(raw, graph.sources, graph.targets);
      writeSimpleGraph(path, readEdgeList(raw));
    }
    sets.push({ name: spec.name, path });
  }
  return sets;
}

function writeSimpleGraph(path: string, edges: EdgeList): void {
  const { offsets, targets } = csrFromEdgeList(edges);
  const n = offsets.length - 1;
  const id = new Int32Array(n);
  let next = 0;
  for (let v = 0; v < n; v++) id[v] = offsets[v + 1]! > offsets[v]! ? next++ : -1;
  const from: number[] = [];
  const to: number[] = [];
  for (let v = 0; v < n; v++)
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++)
      if (targets[j]! > v) {
        from.push(id[v]!);
        to.push(id[targets[j]!]!);
      }
  writeEdgeList(path, Int32Array.from(from), Int32Array.from(to));
}
