/**
 * Schema migrations, idempotent, run at every start: a uniqueness constraint on `id` for every
 * label of the model, indexes on lookup keys, and a full-text index on names and identifiers (made
 * anew when the properties it should cover changed), then name keys for entities written before
 * them. Labels and property names come from the schema's whitelists, never from input.
 */
import { ENTITY_LOOKUP_KEYS, FULLTEXT_PROPERTIES } from '../schema/indexes.ts';
import { ENTITY_LABELS, SYSTEM_LABELS } from '../schema/model.ts';
import { AUDIT_HEAD_MIGRATION } from './audit.ts';
import { backfillNameKeys, refileNameWatches } from './name-keys.ts';
import type { Store } from './store.ts';

/** Lookup properties worth an index: the schema's per entity label, and the platform's own. */
export const LOOKUP_INDEXES: Record<string, readonly string[]> = {
  ...ENTITY_LOOKUP_KEYS,
  Import: ['sha256'],
  AnalysisRun: ['kind'],
  User: ['username'],
  AuditEvent: ['seq'],
  Note: ['target'],
  SavedView: ['owner'],
};

export const FULLTEXT_INDEX = 'entity_search';

const SAFE = /^[A-Za-z][A-Za-z0-9_]*$/;

function quoted(name: string): string {
  if (!SAFE.test(name)) throw new Error(`Unsafe schema name ${JSON.stringify(name)} in migrations`);
  return `\`${name}\``;
}

/**
 * The migration statements, in order; every one is idempotent (IF NOT EXISTS). The full-text index
 * comes first: Neo4j fills it in the background, over a loaded database the longest of them, while
 * each uniqueness constraint after it is built and checked in its own statement.
 */
export function migrationStatements(): string[] {
  const labels = ENTITY_LABELS.map(quoted).join('|');
  const properties = FULLTEXT_PROPERTIES.map((p) => `n.${quoted(p)}`).join(', ');
  const statements = [
    `CREATE FULLTEXT INDEX ${quoted(FULLTEXT_INDEX)} IF NOT EXISTS FOR (n:${labels}) ON EACH [${properties}]`,
  ];
  for (const label of [...ENTITY_LABELS, ...SYSTEM_LABELS]) {
    statements.push(
      `CREATE CONSTRAINT ${quoted(`${label.toLowerCase()}_id`)} IF NOT EXISTS FOR (n:${quoted(label)}) REQUIRE n.id IS UNIQUE`,
    );
  }
  for (const [label, properties] of Object.entries(LOOKUP_INDEXES)) {
    for (const property of properties) {
      statements.push(
        `CREATE INDEX ${quoted(`${label.toLowerCase()}_${property}`)} IF NOT EXISTS FOR (n:${quoted(label)}) ON (n.${quoted(property)})`,
      );
    }
  }
  return statements;
}

/**
 * Drops the full-text index when it covers other labels or properties than the schema's (an index
 * made by an earlier version), so that the migration statements make it anew. True when dropped.
 */
export async function dropStaleFulltextIndex(store: Store): Promise<boolean> {
  const found = await store.read(
    'SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = $name RETURN labelsOrTypes, properties',
    { name: FULLTEXT_INDEX },
  );
  const row = found.records[0];
  if (row === undefined) return false;
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
  const labels = row.get('labelsOrTypes') as string[];
  const properties = row.get('properties') as string[];
  if (same(labels, ENTITY_LABELS) && same(properties, FULLTEXT_PROPERTIES)) return false;
  await store.write(`DROP INDEX ${quoted(FULLTEXT_INDEX)} IF EXISTS`);
  return true;
}

/**
 * Applies the migrations, waits for the indexes to come online, gives the audit chain its head,
 * entities written before name keys their keys (unless `backfill` is false: a bulk load's entities
 * all have theirs, and finding none would read every entity), and name watches their name keys.
 */
export async function runMigrations(store: Store, options: { backfill?: boolean } = {}): Promise<void> {
  await dropStaleFulltextIndex(store);
  for (const statement of migrationStatements()) await store.write(statement);
  if (options.backfill ?? true) await backfillNameKeys(store);
  await refileNameWatches(store);
  await store.write('CALL db.awaitIndexes(300)');
  await store.write(AUDIT_HEAD_MIGRATION);
}
