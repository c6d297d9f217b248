/**
 * Loads the CAVIAR fixture (Morselli 2009) as a case-like graph: every node a Person, every edge a
 * CONTACTED link weighted by the number of intercepted calls. Node keys are the `n` names ("1", "83").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiDirectedGraph } from 'graphology';

const folder = join(import.meta.dirname, '..', 'fixtures', 'covert', 'caviar');

function rows(file: string): string[][] {
  const lines = readFileSync(join(folder, file), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '').trim()));
}

/** The full CAVIAR network as a directed multi graph of Person nodes and CONTACTED links. */
export function readCaviar(): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const [, name] of rows('CAVIAR_FULL_nodes.csv'))
    graph.mergeNode(name as string, { entityType: 'Person' });
  for (const [from, to, weight] of rows('CAVIAR_FULL_edges.csv')) {
    graph.mergeNode(from as string, { entityType: 'Person' });
    graph.mergeNode(to as string, { entityType: 'Person' });
    graph.addEdge(from as string, to as string, { linkType: 'CONTACTED', weight: Number(weight) });
  }
  return graph;
}

/** The roles the court records give, keyed by node name. */
export function readCaviarRoles(): Map<string, string> {
  return new Map(rows('caviar_key_players.csv').map(([id, , role]) => [id as string, role as string]));
}
