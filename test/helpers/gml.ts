/**
 * A small GML reader, enough for the community benchmark files: nodes with `id`, `label` and
 * attributes, edges with `source` and `target`. Node keys are the GML ids as strings.
 */
import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';

type Block = Record<string, string>;

/** Reads a GML file into an undirected simple graph (duplicate edges are merged). */
export function readGml(path: string): UndirectedGraph {
  const text = readFileSync(path, 'utf8');
  const graph = new UndirectedGraph();
  for (const node of blocks(text, 'node')) {
    const { id, ...attributes } = node;
    graph.addNode(id as string, attributes);
  }
  for (const edge of blocks(text, 'edge')) {
    const source = edge.source as string;
    const target = edge.target as string;
    if (source !== target) graph.mergeEdge(source, target, { weight: 1 });
  }
  return graph;
}

function blocks(text: string, kind: string): Block[] {
  const pattern = new RegExp(`\\b${kind}\\s*\\[([^\\]]*)\\]`, 'g');
  return [...text.matchAll(pattern)].map((match) => {
    const block: Block = {};
    for (const pair of (match[1] as string).matchAll(/(\w+)\s+("[^"]*"|\S+)/g)) {
      block[pair[1] as string] = (pair[2] as string).replace(/^"|"$/g, '');
    }
    return block;
  });
}
