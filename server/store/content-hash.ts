/**
 * A fingerprint of the database's content: every node (labels, properties) and relationship (type, ends,
 * properties), sorted and hashed, leaving out the properties and labels asked for (timestamps, import
 * records). Two databases with the same facts give the same hash, however they were written.
 */
import { createHash } from 'node:crypto';
import type { Store } from './store.ts';

/** Options of hashContent: property keys and node labels to leave out. */
export interface HashOptions {
  exclude?: readonly string[];
  excludeLabels?: readonly string[];
}

/** What hashContent returns: the hash and how many nodes and relationships went into it. */
export interface ContentHash {
  sha256: string;
  nodes: number;
  relationships: number;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function strip(props: Record<string, unknown>, exclude: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([key]) => !exclude.has(key)));
}

/** Hashes the database's nodes and relationships (sorted, with their properties) into one sha256. */
export async function hashContent(store: Store, options: HashOptions = {}): Promise<ContentHash> {
  const exclude = new Set(options.exclude ?? []);
  const skip = [...(options.excludeLabels ?? [])];
  const nodes = await store.read(
    `MATCH (n) WHERE none(l IN labels(n) WHERE l IN $skip)
RETURN labels(n) AS labels, properties(n) AS props`,
    { skip },
  );
  const rels = await store.read(
    `MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $skip)
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props`,
    { skip },
  );
  const lines = [
    ...nodes.records.map((r) =>
      stable({ n: [...(r.get('labels') as string[])].sort(), p: strip(r.get('props'), exclude) }),
    ),
    ...rels.records.map((r) =>
      stable({ r: r.get('type'), s: r.get('source'), t: r.get('target'), p: strip(r.get('props'), exclude) }),
    ),
  ].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return { sha256: hash.digest('hex'), nodes: nodes.records.length, relationships: rels.records.length };
}
