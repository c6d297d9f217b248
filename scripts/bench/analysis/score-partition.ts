/**
 * Scores every tool's partition the same way, in one place: modularity (Newman & Girvan 2004, by
 * Ariadne's modularityOf on the same simple graph) and normalised mutual information against the
 * planted partition, 2 I(X;Y) / (H(X) + H(Y)) (Danon, L., Díaz-Guilera, A., Duch, J. & Arenas, A.
 * (2005) "Comparing community structure identification", J. Stat. Mech. P09008).
 */
import { existsSync, readFileSync } from 'node:fs';
import { modularityOf } from '../../../analysis/communities/communities.ts';
import { type Csr, csrFromEdgeList } from '../../../analysis/core/csr.ts';
import { readEdgeList } from '../../../analysis/core/load-edges.ts';

/** A partition's figures; `nmi` is undefined when the graph has no planted partition. */
export interface PartitionScore {
  modularity: number;
  nmi?: number;
  communities: number;
}

/** Scores membership files (one community a line, by node id) of one edge list. */
export function partitionScorer(edgeListPath: string): (membershipPath: string) => PartitionScore {
  const csr = csrFromEdgeList(readEdgeList(edgeListPath));
  const truthPath = `${edgeListPath}.truth`;
  const truth = existsSync(truthPath) ? readMembership(truthPath) : undefined;
  return (membershipPath) => {
    const membership = readMembership(membershipPath);
    return {
      modularity: modularityOf(csr, byIndex(csr, membership)).total,
      nmi: truth ? normalisedMutualInformation(membership, truth) : undefined,
      communities: new Set(membership).size,
    };
  };
}

/** Reads one integer label a line. */
export function readMembership(path: string): Int32Array {
  return Int32Array.from(readFileSync(path, 'utf8').trim().split('\n'), Number);
}

// The files are by node id (0..n-1); the CSR orders nodes by first appearance.
function byIndex(csr: Csr, byName: Int32Array): Int32Array {
  return Int32Array.from(csr.nodes, (name) => byName[Number(name)]!);
}

/** NMI of two labellings of the same nodes, 1 when they are the same partition. */
export function normalisedMutualInformation(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) throw new Error(`bench: partitions of ${a.length} and ${b.length} nodes`);
  const n = a.length;
  const joint = new Map<string, number>();
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]} ${b[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
  }
  const entropy = (counts: Map<number, number>) =>
    -[...counts.values()].reduce((sum, c) => sum + (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split(' ').map(Number);
    mutual += (c / n) * Math.log((c * n) / (countA.get(x!)! * countB.get(y!)!));
  }
  const h = entropy(countA) + entropy(countB);
  return h === 0 ? 1 : (2 * mutual) / h;
}
