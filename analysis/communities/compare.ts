/**
 * Normalised mutual information between two partitions of the same nodes, NMI = 2 I(A;B) /
 * (H(A) + H(B)): 1 for identical partitions (up to relabelling), near 0 for unrelated ones.
 *
 * Danon, L., Diaz-Guilera, A., Duch, J. & Arenas, A. (2005) "Comparing community structure
 * identification", J. Stat. Mech. P09008.
 */

/** A partition: node id -> group label. */
export type Membership = Readonly<Record<string, number | string>>;

/** NMI of two memberships over the nodes they share. */
export function normalizedMutualInformation(a: Membership, b: Membership): number {
  const nodes = Object.keys(a).filter((node) => node in b);
  if (nodes.length === 0) throw new Error('ariadne/analysis/compare: the two memberships share no node.');
  const n = nodes.length;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const node of nodes) {
    const x = String(a[node]);
    const y = String(b[node]);
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
    const pair = JSON.stringify([x, y]);
    joint.set(pair, (joint.get(pair) ?? 0) + 1);
  }
  const entropy = (counts: Map<string, number>) =>
    [...counts.values()].reduce((h, c) => h - (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [pair, c] of joint) {
    const [x, y] = JSON.parse(pair) as [string, string];
    mutual += (c / n) * Math.log((c * n) / ((countA.get(x) as number) * (countB.get(y) as number)));
  }
  const h = entropy(countA) + entropy(countB);
  // Two single-group partitions are identical: no information, but full agreement.
  return h === 0 ? 1 : (2 * mutual) / h;
}
