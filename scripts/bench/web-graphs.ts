/**
 * Graphs for the web benchmark: the demo case as served, and generated graphs of a given size. Nodes
 * carry a label (their name), so bare sigma draws labels as the app does.
 */
import { createRng } from '../../analysis/core/random.ts';
import { generateDemoCase } from '../../seeds/demo/generate.ts';

const TYPES = [
  'Person',
  'Person',
  'Person',
  'Organisation',
  'Account',
  'Payment',
  'Payment',
  'Document',
  'Location',
  'Event',
];
const LINKS = ['ASSOCIATE_OF', 'CONTACTED', 'MEMBER_OF', 'PAID', 'HOLDS'];

/** A graph in graphology's serialisation, with its counts. */
export interface BenchGraph {
  nodes: number;
  edges: number;
  serialized: {
    attributes: Record<string, unknown>;
    options: { type: string; multi: boolean; allowSelfLoops: boolean };
    nodes: { key: string; attributes: Record<string, unknown> }[];
    edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
  };
}

// Positions on a noisy disc, the same for the app and bare sigma, so neither starts from a layout.
function position(random: () => number): { x: number; y: number } {
  const angle = random() * 2 * Math.PI;
  const radius = Math.sqrt(random()) * 1_000;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** A random graph with heavy-tailed degrees (preferential ends), `n` nodes and `m` links. */
export function generatedGraph(n: number, m: number, seed: number): BenchGraph {
  const random = createRng(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({
    key: `n${i}`,
    attributes: {
      entityType: TYPES[i % TYPES.length],
      name: `Entity ${i}`,
      label: `Entity ${i}`,
      grade: ['A1', 'B2', 'C3'][i % 3],
      gradeScheme: 'europol',
      handling: 'H0',
      sources: [],
      size: 3,
      color: '#2f6fdf',
      ...position(random),
    },
  }));
  const ends: number[] = [];
  const edges = Array.from({ length: m }, (_, i) => {
    const source =
      ends.length > 0 && random() < 0.5
        ? (ends[Math.floor(random() * ends.length)] as number)
        : Math.floor(random() * n);
    let target = Math.floor(random() * n);
    if (target === source) target = (target + 1) % n;
    ends.push(source, target);
    return {
      key: `e${i}`,
      source: `n${source}`,
      target: `n${target}`,
      attributes: { linkType: LINKS[i % LINKS.length], handling: 'H0', sources: [], weight: 1 },
    };
  });
  return {
    nodes: n,
    edges: m,
    serialized: {
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes,
      edges,
    },
  };
}

/** The demo case's records as a served graph. */
export function demoGraph(): BenchGraph {
  const random = createRng(7);
  const nodes: BenchGraph['serialized']['nodes'] = [];
  const edges: BenchGraph['serialized']['edges'] = [];
  for (const record of generateDemoCase({ scale: 1 }).records) {
    if (record.kind === 'link') {
      const { kind: _k, type, id, source, target, ...rest } = record;
      edges.push({
        key: id,
        source: String(source),
        target: String(target),
        attributes: { ...rest, linkType: type },
      });
    } else {
      const { kind: _k, type, id, ...rest } = record;
      nodes.push({
        key: id,
        attributes: {
          ...rest,
          label: rest.name,
          entityType: type,
          size: 3,
          color: '#2f6fdf',
          ...position(random),
        },
      });
    }
  }
  const keys = new Set(nodes.map((node) => node.key));
  const kept = edges.filter((edge) => keys.has(edge.source) && keys.has(edge.target));
  return {
    nodes: nodes.length,
    edges: kept.length,
    serialized: {
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes,
      edges: kept,
    },
  };
}
