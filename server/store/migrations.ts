/**
 * Schema migrations, idempotent, run at every start: a uniqueness constraint on `id` for every
 * label of the model, indexes on lookup keys, and a full-text index on names and identifiers.
 * Labels and property names come from the schema's whitelists, never from input.
 */
import { ENTITY_LOOKUP_KEYS, FULLTEXT_PROPERTIES } from '../schema/indexes.ts';
import { ENTITY_LABELS, SYSTEM_LABELS } from '../schema/model.ts';
import { AUDIT_HEAD_MIGRATION } from './audit.ts';
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

/** The migration statements, in order; every one is idempotent (IF NOT EXISTS). */
export function migrationStatements(): string[] {
  const statements: string[] = [];
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
  const labels = ENTITY_LABELS.map(quoted).join('|');
  const properties = FULLTEXT_PROPERTIES.map((p) => `n.${quoted(p)}`).join(', ');
  statements.push(
    `CREATE FULLTEXT INDEX ${quoted(FULLTEXT_INDEX)} IF NOT EXISTS FOR (n:${labels}) ON EACH [${properties}]`,
  );
  return statements;
}

/** Applies the migrations, waits for the indexes to come online, and gives the audit chain its head. */
export async function runMigrations(store: Store): Promise<void> {
  for (const statement of migrationStatements()) await store.write(statement);
  await store.write('CALL db.awaitIndexes(300)');
  await store.write(AUDIT_HEAD_MIGRATION);
}
