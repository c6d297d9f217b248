import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../seeds/demo/prng.ts';
import { loadDemoCase } from './demo-fixture.ts';

// The package is CommonJS: under Node's ESM loader its callable arrives as the default's default.
type Louvain = typeof louvainModule extends { default: infer D } ? D : typeof louvainModule;
const louvain = ((louvainModule as unknown as { default?: Louvain }).default ?? louvainModule) as Louvain;
const demo = loadDemoCase();

/** Normalised mutual information (arithmetic mean) between two labellings of the same items. */
function nmi(a: string[], b: string[]): number {
  const n = a.length;
  const count = (labels: string[]) =>
    labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const joint = count(a.map((x, i) => `${x}\u0000${b[i]}`));
  const ca = count(a);
  const cb = count(b);
  const entropy = (m: Map<string, number>) =>
    -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split('\u0000') as [string, string];
    mutual += (c / n) * Math.log((c * n) / ((ca.get(x) ?? 1) * (cb.get(y) ?? 1)));
  }
  const mean = (entropy(ca) + entropy(cb)) / 2;
  return mean === 0 ? 1 : mutual / mean;
}

describe('the syndicates of the demo case', () => {
  it('are recovered by Louvain on the whole case graph with NMI of at least 0.85 over facilitators', () => {
    const graph = new UndirectedGraph();
    for (const entity of demo.entities)
      if (entity.type !== 'Source' && entity.type !== 'Case') graph.addNode(entity.id);
    for (const link of demo.links) {
      if (!graph.hasNode(link.source) || !graph.hasNode(link.target)) continue;
      const weight = link.type === 'CONTACTED' ? Number(link.weight ?? 1) : 1;
      if (graph.hasEdge(link.source, link.target)) {
        graph.updateEdgeAttribute(link.source, link.target, 'weight', (w: number) => w + weight);
      } else graph.addEdge(link.source, link.target, { weight });
    }
    const rng = createRng(42);
    const communities = louvain(graph, { rng: () => rng.next() });
    const people = Object.keys(demo.truth.facilitators);
    const score = nmi(
      people.map((id) => demo.truth.facilitators[id] ?? ''),
      people.map((id) => String(communities[id])),
    );
    expect(score).toBeGreaterThanOrEqual(0.85);
  });
});
