import { describe, expect, it } from 'vitest';
import { modularityOf } from '../../../analysis/communities/communities.ts';
import { labelComponents } from '../../../analysis/core/components.ts';
import { buildCsr, type Csr } from '../../../analysis/core/csr.ts';
import { createRng } from '../../../analysis/core/random.ts';
import { aggregate } from '../../../analysis/communities/leiden-aggregate.ts';
import { moveNodesFast } from '../../../analysis/communities/leiden-move.ts';
import { refine } from '../../../analysis/communities/leiden-refine.ts';
import { type Level, Workspace } from '../../../analysis/communities/leiden-workspace.ts';
import { randomGraph, seededRng, twoCliquesAndBridge } from '../../helpers/small-graphs.ts';

function levelOf(csr: Csr): Level {
  const size = new Float64Array(csr.nodes.length);
  for (let v = 0; v < size.length; v++)
    for (let j = csr.offsets[v]!; j < csr.offsets[v + 1]!; j++) size[v]! += csr.weights[j]!;
  return { n: size.length, offsets: csr.offsets, targets: csr.targets, weights: csr.weights, size };
}

/** Link weight between each pair of groups (both directions), as "a-b" -> weight. */
function weightsBetween(level: Level, group: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (let v = 0; v < level.n; v++)
    for (let j = level.offsets[v]!; j < level.offsets[v + 1]!; j++) {
      const a = group[v]!;
      const b = group[level.targets[j]!]!;
      if (a !== b) out.set(`${a}-${b}`, (out.get(`${a}-${b}`) ?? 0) + level.weights[j]!);
    }
  return out;
}

function copyLevel(level: Level): Level {
  const entries = level.offsets[level.n]!;
  return {
    n: level.n,
    offsets: level.offsets.slice(0, level.n + 1),
    targets: level.targets.slice(0, entries),
    weights: level.weights.slice(0, entries),
    size: level.size.slice(0, level.n),
  };
}

describe('Leiden phases on reused scratch arrays', () => {
  const coefficient = (level: Level) => 1 / level.size.reduce((a, b) => a + b, 0);

  it('local moving returns how many communities are left, and each pass only raises modularity', () => {
    const csr = buildCsr(randomGraph(200, 0.03, seededRng(4)));
    const level = levelOf(csr);
    const ws = new Workspace(level.n);
    const community = Int32Array.from({ length: level.n }, (_, i) => i);
    const alone = modularityOf(csr, community).total;
    const count = moveNodesFast(level, community, coefficient(level), createRng(1), ws);
    expect(count).toBe(new Set(community).size);
    expect(count).toBeLessThan(level.n);
    const once = modularityOf(csr, community).total;
    expect(once).toBeGreaterThan(alone);
    const again = moveNodesFast(level, community, coefficient(level), createRng(2), ws);
    expect(again).toBe(new Set(community).size);
    expect(modularityOf(csr, community).total).toBeGreaterThanOrEqual(once - 1e-12);
  });

  it('refines each community into connected parts that never cross communities', () => {
    const csr = buildCsr(randomGraph(200, 0.03, seededRng(5)));
    const level = levelOf(csr);
    const ws = new Workspace(level.n);
    const community = Int32Array.from({ length: level.n }, (_, i) => i);
    moveNodesFast(level, community, coefficient(level), createRng(1), ws);
    const parts = refine(level, community, coefficient(level), 0.01, createRng(1), ws);
    const refined = ws.refined.slice(0, level.n);
    expect(parts).toBe(new Set(refined).size);
    expect(parts).toBeGreaterThanOrEqual(new Set(community).size);
    const communityOfPart = new Map<number, number>();
    for (let v = 0; v < level.n; v++) {
      expect(communityOfPart.get(refined[v]!) ?? community[v]).toBe(community[v]);
      communityOfPart.set(refined[v]!, community[v]!);
    }
    const { label } = labelComponents(csr, undefined, refined);
    expect(new Set(label).size).toBe(parts);
  });

  it('aggregates parts with their summed sizes and links, and keeps each level intact while the next is built', () => {
    const csr = buildCsr(twoCliquesAndBridge(5));
    const level = levelOf(csr);
    const ws = new Workspace(level.n);
    // Three parts (a0-a1, a2-a4, the b clique), two communities (a, b).
    const index = (name: string) => csr.index.get(name)!;
    const refined = new Int32Array(level.n);
    const community = new Int32Array(level.n);
    for (const node of csr.nodes) {
      const part = node.startsWith('b') ? 2 : ['a0', 'a1'].includes(node) ? 0 : 1;
      refined[index(node)] = part;
      community[index(node)] = part === 2 ? 1 : 0;
    }
    const one = aggregate(level, refined, community, ws);
    expect(one.level.n).toBe(3);
    const partOf = Array.from(ws.map.slice(0, level.n));
    expect(weightsBetween(one.level, [0, 1, 2])).toEqual(weightsBetween(level, partOf));
    for (let p = 0; p < 3; p++) {
      const members = csr.nodes.filter((node) => partOf[index(node)] === p);
      expect(one.level.size[p]).toBe(members.reduce((sum, node) => sum + level.size[index(node)]!, 0));
    }
    expect(Array.from(one.community.slice(0, 3))).toEqual(
      [0, 1, 2].map((p) => (csr.nodes.find((node) => partOf[index(node)] === p)!.startsWith('b') ? 1 : 0)),
    );
    // The next level up is written to the other set of arrays: the level below stays as it was.
    const before = copyLevel(one.level);
    const two = aggregate(one.level, one.community, one.community, ws);
    expect(two.level.n).toBe(2);
    expect(copyLevel(one.level)).toEqual(before);
    expect(two.level.size[0]! + two.level.size[1]!).toBe(level.size.reduce((a, b) => a + b, 0));
  });
});
