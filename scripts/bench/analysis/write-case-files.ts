/**
 * Writes one of the benchmark's simple edge lists ("i j" lines, ids 0..n-1) as an Ariadne CSV pair,
 * the files `ariadne analyse --file` reads: `entities.csv` (one Source and a Person per node) and
 * `links.csv` (an ASSOCIATE_OF or CONTACTED link per line, graded, with its source). Both link types
 * weigh 2 in the analyses' projection, so the partition problem is the edge list's own and igraph's
 * figures on the edge list compare.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { readEdgeList } from '../../../analysis/core/load-edges.ts';

const SOURCE = 'src:bench';
const PROVENANCE = `${SOURCE},B2,europol,H0`;

/** Writes `folder/entities.csv` and `folder/links.csv` for the edge list at `edgeListPath`. */
export function writeCasePair(edgeListPath: string, folder: string): { entities: number; links: number } {
  const edges = readEdgeList(edgeListPath);
  mkdirSync(folder, { recursive: true });
  const entities = new ChunkedFile(join(folder, 'entities.csv'));
  entities.write('id,type,name,sources,grade,gradeScheme,handling\n');
  entities.write(`${SOURCE},Source,Benchmark source,${PROVENANCE}\n`);
  for (const node of edges.nodes) entities.write(`p:${node},Person,Person ${node},${PROVENANCE}\n`);
  entities.close();
  const links = new ChunkedFile(join(folder, 'links.csv'));
  links.write('source,target,type,sources,grade,gradeScheme,handling\n');
  const { nodes, sources, targets } = edges;
  for (let e = 0; e < sources.length; e++) {
    const type = e % 3 === 0 ? 'CONTACTED' : 'ASSOCIATE_OF';
    links.write(`p:${nodes[sources[e]!]},p:${nodes[targets[e]!]},${type},${PROVENANCE}\n`);
  }
  links.close();
  return { entities: nodes.length + 1, links: sources.length };
}

/** Appends text to a file in 1 MB writes. */
class ChunkedFile {
  private readonly fd: number;
  private chunk = '';
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.chunk += text;
    if (this.chunk.length > 1 << 20) {
      writeSync(this.fd, this.chunk);
      this.chunk = '';
    }
  }

  close(): void {
    writeSync(this.fd, this.chunk);
    closeSync(this.fd);
  }
}
