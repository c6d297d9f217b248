/**
 * Seeded LFR-like graph generator for the analysis benchmark: power-law degrees and community
 * sizes, and a mixing parameter mu (the share of each node's links that leave its community), in
 * the spirit of Lancichinetti, A., Fortunato, S. & Radicchi, F. (2008) "Benchmark graphs for testing
 * community detection algorithms", Phys. Rev. E 78, 046110. Stubs are paired at random inside each
 * community and across the whole graph (a configuration model per level); self-loops and repeated
 * pairs are dropped, so the edge count lands a little under n * degree / 2.
 *
 * Usage: node --import tsx scripts/bench/analysis/generate-graph.ts --nodes 50000 --degree 20
 *   --mu 0.3 --seed 1 --out /tmp/graph.txt   (writes "source target" lines and a .truth.json)
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRng } from '../../../analysis/core/random.ts';

export interface PlantedOptions {
  nodes: number;
  /** Average degree. */
  degree: number;
  mu: number;
  seed: number;
}

/** Links as (source, target) index pairs plus each node's planted community. */
export interface PlantedGraph {
  sources: Int32Array;
  targets: Int32Array;
  community: Int32Array;
}

const DEGREE_EXPONENT = 2.5;
const SIZE_EXPONENT = 1.5;
const MIN_COMMUNITY = 20;

/** Draws a planted-partition graph with power-law degrees and community sizes. */
export function generatePlantedGraph(options: PlantedOptions): PlantedGraph {
  const { nodes: n, degree, mu } = options;
  const rng = createRng(options.seed);
  const degrees = drawDegrees(n, degree, rng);
  const community = assignCommunities(n, rng);
  const sizes = new Int32Array(n);
  for (const c of community) sizes[c]!++;
  const inside: number[][] = Array.from(sizes, () => []);
  const outside: number[] = [];
  for (let v = 0; v < n; v++) {
    const c = community[v]!;
    const own = inside[c]!;
    // A node cannot have more distinct partners inside its community than it has members.
    const internal = Math.min(Math.round((1 - mu) * degrees[v]!), sizes[c]! - 1);
    for (let k = 0; k < internal; k++) own.push(v);
    for (let k = internal; k < degrees[v]!; k++) outside.push(v);
  }
  const pairs: number[] = [];
  for (const stubs of inside) pairStubs(stubs, rng, pairs, n);
  pairStubs(outside, rng, pairs, n);
  return { ...uniquePairs(pairs, n, rng), community };
}

function drawDegrees(n: number, average: number, rng: () => number): Int32Array {
  // Continuous power law on [1, 100] by inverse transform, then scaled to the wanted average.
  const low = 1;
  const high = 100;
  const e = 1 - DEGREE_EXPONENT;
  const raw = new Float64Array(n);
  let sum = 0;
  for (let v = 0; v < n; v++) {
    raw[v] = (low ** e + rng() * (high ** e - low ** e)) ** (1 / e);
    sum += raw[v]!;
  }
  const scale = (average * n) / sum;
  return Int32Array.from(raw, (d) => Math.max(2, Math.round(d * scale)));
}

function assignCommunities(n: number, rng: () => number): Int32Array {
  const largest = Math.max(100, Math.floor(n / 50));
  const e = 1 - SIZE_EXPONENT;
  const order = shuffle(
    Int32Array.from({ length: n }, (_, i) => i),
    rng,
  );
  const community = new Int32Array(n);
  let placed = 0;
  for (let c = 0; placed < n; c++) {
    const size = Math.round((MIN_COMMUNITY ** e + rng() * (largest ** e - MIN_COMMUNITY ** e)) ** (1 / e));
    // A remainder too small to be a community joins the last one.
    const end = n - (placed + size) < MIN_COMMUNITY ? n : placed + size;
    for (; placed < end; placed++) community[order[placed]!] = c;
  }
  return community;
}

function pairStubs(stubs: number[], rng: () => number, pairs: number[], n: number): void {
  shuffle(stubs, rng);
  for (let i = 0; i + 1 < stubs.length; i += 2) {
    const a = stubs[i]!;
    const b = stubs[i + 1]!;
    if (a !== b) pairs.push(a < b ? a * n + b : b * n + a);
  }
}

function uniquePairs(pairs: number[], n: number, rng: () => number) {
  const keys = Float64Array.from(pairs).sort();
  const unique: number[] = [];
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) unique.push(keys[i]!);
  // Written in random order, as an export from a case system would be, not sorted by node.
  shuffle(unique, rng);
  const sources = new Int32Array(unique.length);
  const targets = new Int32Array(unique.length);
  unique.forEach((key, e) => {
    sources[e] = Math.floor(key / n);
    targets[e] = key - sources[e]! * n;
  });
  return { sources, targets };
}

function shuffle<T extends { length: number; [i: number]: number }>(items: T, rng: () => number): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = items[i]!;
    items[i] = items[j]!;
    items[j] = swap;
  }
  return items;
}

/** Writes "source target" lines, in 1 MB chunks. */
export function writeEdgeList(path: string, sources: Int32Array, targets: Int32Array): void {
  const fd = openSync(path, 'w');
  let chunk = '';
  for (let e = 0; e < sources.length; e++) {
    chunk += `${sources[e]} ${targets[e]}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      nodes: { type: 'string' },
      degree: { type: 'string', default: '20' },
      mu: { type: 'string', default: '0.3' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
  });
  if (!values.nodes || !values.out) throw new Error('generate-graph: --nodes and --out are required.');
  const graph = generatePlantedGraph({
    nodes: Number(values.nodes),
    degree: Number(values.degree),
    mu: Number(values.mu),
    seed: Number(values.seed),
  });
  writeEdgeList(values.out, graph.sources, graph.targets);
  writeFileSync(`${values.out}.truth.json`, JSON.stringify(Array.from(graph.community)));
  console.log(`${values.out}: ${graph.community.length} nodes, ${graph.sources.length} edges`);
}
