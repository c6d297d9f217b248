/**
 * Connected components on a CSR adjacency, by iterative breadth-first search (no recursion, so
 * no stack limit on long chains), optionally with some nodes removed.
 */
import type { Csr } from './csr.ts';

/** Component label per node (-1 for removed nodes), the number of components and their sizes. */
export interface Components {
  label: Int32Array;
  count: number;
  sizes: number[];
}

/** Labels the connected components of the CSR, ignoring nodes flagged in `removed`. */
export function labelComponents(csr: Csr, removed?: Uint8Array, sameGroup?: Int32Array): Components {
  const n = csr.nodes.length;
  const { offsets, targets } = csr;
  const label = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (label[s] !== -1 || removed?.[s]) continue;
    const id = sizes.length;
    label[s] = id;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = targets[j]!;
        // With `sameGroup`, components stay inside a group: the connected parts of each community.
        if (label[w] !== -1 || removed?.[w] || (sameGroup && sameGroup[w] !== sameGroup[v])) continue;
        label[w] = id;
        queue[tail++] = w;
      }
    }
    sizes.push(tail);
  }
  return { label, count: sizes.length, sizes };
}
