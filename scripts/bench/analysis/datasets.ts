/**
 * The benchmark's graphs: two LFR graphs shipped in scripts/bench/data/lfr (see its README), an LFR
 * graph of 100k nodes in small communities made with NetworKit's generator (lfr_graph.py), and three
 * seeded LFR-like graphs of about 50k, 500k and 2.5M links made by generate-graph.ts. Each is
 * written once into the work folder as a simple graph (no self-loops, no repeated pairs, no
 * isolated nodes) in "i j" lines with ids 0..n-1: the one file every tool reads, and the same graph
 * for all (igraph would keep loops and repeats that the CSR merges). The planted partition goes
 * next to it, one community a line by id (`.truth`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { csrFromEdgeList } from '../../../analysis/core/csr.ts';
import { type EdgeList, parseEdgeList, readEdgeList } from '../../../analysis/core/load-edges.ts';
import { generatePlantedGraph, writeEdgeList } from './generate-graph.ts';
import { readMembership } from './score-partition.ts';

/** One benchmark graph. */
export interface Dataset {
  name: string;
  path: string;
}

const LFR_DIR = join(import.meta.dirname, '..', 'data', 'lfr');
const LFR = ['LFR_N1000_ad5_mc50_mu0.3', 'LFR_N10000_ad5_mc50_mu0.3'];
// Generated: average degree 20, largest 50, communities of 10 to 50 nodes (lfr_graph.py).
const GENERATED_LFR = [{ name: 'LFR_N100000_ad20_mu0.3', nodes: 100_000, mu: 0.3 }];
// Node counts and average degrees that land near 50k, 500k and 2.5M links at mu 0.3.
const PLANTED = [
  { name: 'planted-50k', nodes: 5_000, degree: 25 },
  { name: 'planted-500k', nodes: 50_000, degree: 22.5 },
  { name: 'planted-2.5M', nodes: 250_000, degree: 21 },
];

/**
 * Prepares the named datasets (all when `only` is empty) in `workDir`; the generated LFR graph
 * needs NetworKit (`networkitPython`) and is left out, with a word, without it.
 */
export function prepareDatasets(workDir: string, only: string[], networkitPython?: string): Dataset[] {
  const wanted = (name: string) =>
    only.length === 0 || only.includes(name) || only.includes(name.replace('_ad5_mc50', ''));
  const ready = (path: string) => existsSync(path) && existsSync(`${path}.truth`);
  const sets: Dataset[] = [];
  for (const file of LFR.filter(wanted)) {
    const path = join(workDir, `${file}.txt`);
    if (!ready(path)) {
      const edges = parseEdgeList(gunzipSync(readFileSync(join(LFR_DIR, `${file}.csv.gz`))));
      writeSimpleGraph(path, edges, readLfrTruth(join(LFR_DIR, `${file}.json.gz`)));
    }
    sets.push({ name: file.replace('_ad5_mc50', ''), path });
  }
  for (const spec of GENERATED_LFR.filter((g) => wanted(g.name))) {
    const path = join(workDir, `${spec.name}.txt`);
    if (!ready(path)) {
      if (!networkitPython) {
        console.log(`bench: ${spec.name} needs NetworKit's LFR generator; left out.`);
        continue;
      }
      const raw = `${path}.raw`;
      const script = join(import.meta.dirname, 'lfr_graph.py');
      const child = spawnSync(networkitPython, [script, String(spec.nodes), String(spec.mu), raw], {
        stdio: 'inherit',
      });
      if (child.status !== 0) throw new Error(`bench: generating ${spec.name} failed.`);
      const truth = readMembership(`${raw}.truth`);
      writeSimpleGraph(path, readEdgeList(raw), (name) => truth[Number(name)]!);
    }
    sets.push({ name: spec.name, path });
  }
  for (const spec of PLANTED.filter((p) => wanted(p.name))) {
    const path = join(workDir, `${spec.name}.txt`);
    if (!ready(path)) {
      const raw = `${path}.raw`;
      const graph = generatePlantedGraph({ nodes: spec.nodes, degree: spec.degree, mu: 0.3, seed: 1 });
      writeEdgeList(raw, graph.sources, graph.targets);
      writeSimpleGraph(path, readEdgeList(raw), (name) => graph.community[Number(name)]!);
    }
    sets.push({ name: spec.name, path });
  }
  return sets;
}

// cdlib's ground truth: {"communities": [[node, ...], ...]}, each node in one community.
function readLfrTruth(path: string): (name: string) => number {
  const { communities } = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as {
    communities: number[][];
  };
  const community = new Map<string, number>();
  communities.forEach((members, c) => {
    for (const node of members) community.set(String(node), c);
  });
  return (name) => community.get(name) ?? -1;
}

/** Writes the simple graph of `edges` with ids 0..n-1, and each id's planted community. */
function writeSimpleGraph(path: string, edges: EdgeList, communityOf: (name: string) => number): void {
  const csr = csrFromEdgeList(edges);
  const { offsets, targets } = csr;
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
  const truth: number[] = [];
  for (let v = 0; v < n; v++) if (id[v]! >= 0) truth.push(communityOf(csr.nodes[v]!));
  writeFileSync(`${path}.truth`, `${truth.join('\n')}\n`);
}
