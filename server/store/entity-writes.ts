/**
 * Analysts' edits of single entities: create, update under optimistic concurrency, and retract. Input
 * is validated with the same schemas as an import; the store keeps `version`, the timestamps, the
 * author and the retraction fields itself. Nothing is ever deleted: a retraction marks the record,
 * says who withdrew it, when and why, and takes it out of searches and expansions.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Clearance, Viewer } from '../schema/clearance.ts';
import type { EntityDetail } from '../schema/api/entities.ts';
import { type EntityRecord, matchEntityLabel, type RecordIssue, validateRecord } from '../schema/records.ts';
import type { EntityLabel } from '../schema/model.ts';
import { getEntity, plainProperties, versionOf } from './entities.ts';
import {
  ClearanceExceededError,
  EntityExistsError,
  EntityInvalidError,
  EntityRetractedError,
  VersionMismatchError,
} from './entity-errors.ts';
import { ANALYSIS_PREFIX } from './export-reads.ts';
import { splitProperties } from './ingest-values.ts';
import { runWrite } from './ingest-session.ts';
import type { Store } from './store.ts';
import { partitionSources } from './partition.ts';
import {
  isEntityLabel,
  LABEL_PARAMS,
  labelOf,
  matchById,
  quoteLabel,
  visibilityParams,
  visible,
} from './visibility.ts';
import { NAME_KEYS, refreshNameKeys } from './name-keys.ts';

export * from './entity-errors.ts';

/** Properties only the store sets; input naming them is refused. */
export const MANAGED_PROPERTIES: ReadonlySet<string> = new Set([
  'version',
  'retracted',
  'retractedAt',
  'retractedBy',
  'retractionReason',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'updateId',
  'createdBy',
  'conflicts',
  'importId',
  'importIds',
  NAME_KEYS,
]);

function managedIssues(properties: Record<string, unknown>): RecordIssue[] {
  return Object.keys(properties)
    .filter((key) => MANAGED_PROPERTIES.has(key) || key.startsWith(ANALYSIS_PREFIX))
    .map((key) => ({ field: key, message: `${key} is kept by Ariadne itself: leave it out` }));
}

/** Validates an entity's fields against its label's schema; throws EntityInvalidError. */
function validateEntity(type: EntityLabel, fields: Record<string, unknown>): EntityRecord {
  const result = validateRecord({ kind: 'entity', type, fields });
  if (!result.ok) throw new EntityInvalidError(result.issues);
  return result.record as EntityRecord;
}

/** Refuses a record its author could not see once written. */
function checkWithinClearance(clearance: Clearance, properties: Record<string, unknown>): void {
  const handling = properties.handling as Clearance['handling'][number];
  if (!clearance.handling.includes(handling)) {
    throw new ClearanceExceededError(
      `Handling ${handling} is beyond your clearance (${clearance.handling.join(', ')}): choose one of those`,
    );
  }
  const restricted = properties.restrictedTo;
  if (Array.isArray(restricted) && !clearance.unrestricted && !restricted.includes(clearance.agency)) {
    throw new ClearanceExceededError(
      'restrictedTo must name your own agency, or you could not see the record',
    );
  }
}

/** A client-chosen id is refused, whether or not a record holds it, so the answer tells nothing. */
export const CLIENT_ID_ISSUE: RecordIssue = {
  field: 'id',
  message: 'ids are assigned by Ariadne: leave id out, and read the new id from the answer (Location)',
};

const VISIBLE_ID = `${matchById('n', '$id')} WITH n WHERE ${visible('n')} RETURN n.id AS id`;

/** The id an import would derive from the record's natural key (IBAN, IMO, document number...). */
function naturalIdOf(type: EntityLabel, fields: Record<string, unknown>): string | undefined {
  const derived = validateRecord({ kind: 'entity', type, fields });
  return derived.ok ? derived.record.properties.id : undefined;
}

/**
 * Creates an entity, validated as an import would be; its author must be cleared for it. Ariadne
 * assigns the id (`person:<uuid>`): a client-chosen id is refused, since a 409 for an id held by a
 * record the caller may not see would reveal that record. An entity the caller can see with the same
 * natural key is a conflict (EntityExistsError naming it); one the caller cannot see is not, and
 * stays untouched, so a hidden record and a free key answer alike.
 */
export async function createEntity(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  input: { type: string; properties: Record<string, unknown> },
): Promise<EntityDetail> {
  const type = matchEntityLabel(input.type);
  if (type === undefined) {
    throw new EntityInvalidError([
      { field: 'type', message: `${JSON.stringify(input.type)} is not an entity type` },
    ]);
  }
  const issues = managedIssues(input.properties);
  if ('id' in input.properties) issues.push(CLIENT_ID_ISSUE);
  if (issues.length > 0) throw new EntityInvalidError(issues);
  const id = `${type.toLowerCase()}:${randomUUID()}`;
  const record = validateEntity(type, { ...input.properties, id });
  checkWithinClearance(clearance, record.properties);
  const naturalId = naturalIdOf(type, input.properties);
  const { props, sources } = splitProperties(record.properties);
  const now = new Date().toISOString();
  await runWrite(store, async (tx) => {
    if (naturalId !== undefined) {
      const params = { ...visibilityParams(clearance), id: naturalId };
      if ((await tx.run(VISIBLE_ID, params)).records.length > 0) {
        throw new EntityExistsError(
          `An entity with the same natural key exists: ${JSON.stringify(naturalId)}; change that one instead`,
        );
      }
    }
    // A cited Source the caller cannot see is not the one they mean: theirs is in their partition.
    const cited = await partitionSources(tx, clearance, sources);
    // MERGE on the fresh id: when the answer to a commit is lost, the driver runs this again and
    // meets the node it already wrote, which it leaves as it is.
    await tx.run(
      `MERGE (n:${quoteLabel(type)} {id: $id}) ON CREATE SET n = $props, n.id = $id, n.sources = $sources,
        n.version = 1, n.createdAt = $now, n.updatedAt = $now, n.createdBy = $user`,
      { props, id, sources: cited, now, user: viewer.username },
    );
    await refreshNameKeys(tx, type, [id]);
  });
  const created = await getEntity(store, clearance, id);
  if (created === null) throw new Error(`entity ${id} was written but cannot be read back`);
  return created;
}

interface Locked {
  label: EntityLabel;
  properties: Record<string, unknown>;
}

/**
 * Takes the write lock on a visible entity, then reads it: the read comes after the lock, so two
 * concurrent updates cannot both see the same version.
 */
async function lockVisible(tx: ManagedTransaction, clearance: Clearance, id: string): Promise<Locked | null> {
  const params = { ...visibilityParams(clearance), ...LABEL_PARAMS, id };
  const locked = await tx.run(
    `${matchById('n', '$id')} WITH n WHERE ${visible('n')} SET n._lock = true REMOVE n._lock RETURN count(n) AS n`,
    params,
  );
  if (Number(locked.records[0]?.get('n') ?? 0) === 0) return null;
  const read = await tx.run(
    `${matchById('n', '$id')} RETURN ${labelOf('n')} AS label, properties(n) AS properties`,
    params,
  );
  const row = read.records[0];
  const label = row?.get('label') as string | undefined;
  if (row === undefined || label === undefined || !isEntityLabel(label)) return null;
  return { label, properties: plainProperties(row.get('properties') as Record<string, unknown>) };
}

/** The properties an edit works on: the record's content, without what the store keeps. */
function contentOf(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(
      ([key]) => !MANAGED_PROPERTIES.has(key) && !key.startsWith(ANALYSIS_PREFIX) && !key.startsWith('_'),
    ),
  );
}

function applyPatch(
  content: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...content };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** The record's sources the caller may not see: an edit keeps them, since the caller cannot. */
async function hiddenSources(
  tx: ManagedTransaction,
  clearance: Clearance,
  sources: unknown,
): Promise<string[]> {
  if (!Array.isArray(sources) || sources.length === 0) return [];
  const result = await tx.run(
    `MATCH (x:Source) WHERE x.id IN $sources AND NOT ${visible('x')} RETURN collect(x.id) AS ids`,
    { ...visibilityParams(clearance), sources },
  );
  return (result.records[0]?.get('ids') ?? []) as string[];
}

function keepHiddenSources(fields: Record<string, unknown>, hidden: string[]): Record<string, unknown> {
  if (hidden.length === 0) return fields;
  const given = Array.isArray(fields.sources) ? fields.sources : [];
  return { ...fields, sources: [...new Set([...given, ...hidden])] };
}

/**
 * Whether the record already holds this very change: the driver runs a transaction again when the
 * answer to its commit was lost, and then finds the version it wrote, stamped with this call's id.
 */
function isThisChange(
  properties: Record<string, unknown>,
  expectedVersion: number,
  updateId: string,
): boolean {
  return versionOf(properties) === expectedVersion + 1 && properties.updateId === updateId;
}

/**
 * Changes an entity when it is still at `expectedVersion` (else VersionMismatchError); null values in
 * the patch remove properties. The result is validated against the label's schema. Null when the
 * caller may not see the entity.
 */
export async function updateEntity(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  id: string,
  patch: Record<string, unknown>,
  expectedVersion: number,
): Promise<EntityDetail | null> {
  const issues = managedIssues(patch);
  if ('id' in patch && patch.id !== id)
    issues.push({ field: 'id', message: 'the id of an entity cannot change' });
  if (issues.length > 0) throw new EntityInvalidError(issues);
  const now = new Date().toISOString();
  const updateId = randomUUID();
  const found = await runWrite(store, async (tx) => {
    const locked = await lockVisible(tx, clearance, id);
    if (locked === null) return false;
    const version = versionOf(locked.properties);
    if (isThisChange(locked.properties, expectedVersion, updateId)) return true;
    if (version !== expectedVersion) throw new VersionMismatchError(version);
    if (locked.properties.retracted === true)
      throw new EntityRetractedError('A retracted entity cannot be changed');
    const before = contentOf(locked.properties);
    const hidden = await hiddenSources(tx, clearance, before.sources);
    let fields = applyPatch(before, patch);
    if ('sources' in patch) {
      const shown = (Array.isArray(before.sources) ? before.sources : []).filter((s) => !hidden.includes(s));
      fields = { ...fields, sources: await partitionSources(tx, clearance, fields.sources, shown) };
    }
    const record = validateEntity(locked.label, keepHiddenSources(fields, hidden));
    checkWithinClearance(clearance, record.properties);
    const { props, sources } = splitProperties(record.properties);
    // Keys the edit dropped are set to null, which removes them; the store's own keys are kept.
    const set: Record<string, unknown> = { ...props };
    for (const key of Object.keys(before))
      if (!(key in props) && key !== 'id' && key !== 'sources') set[key] = null;
    await tx.run(
      `MATCH (n:${quoteLabel(locked.label)} {id: $id}) SET n += $set, n.sources = $sources,
        n.version = $version, n.updatedAt = $now, n.updatedBy = $user, n.updateId = $updateId`,
      { id, set, sources, version: version + 1, now, user: viewer.username, updateId },
    );
    await refreshNameKeys(tx, locked.label, [id]);
    return true;
  });
  return found ? getEntity(store, clearance, id) : null;
}

/** Withdraws an entity: marked retracted with who, when and why, never deleted. Null when not visible. */
export async function retractEntity(
  store: Store,
  clearance: Clearance,
  viewer: Viewer,
  id: string,
  reason: string,
): Promise<EntityDetail | null> {
  const found = await runWrite(store, async (tx) => {
    const locked = await lockVisible(tx, clearance, id);
    if (locked === null) return false;
    if (locked.properties.retracted === true) return true;
    await tx.run(
      `MATCH (n:${quoteLabel(locked.label)} {id: $id}) SET n.retracted = true, n.retractedAt = $now,
        n.retractedBy = $user, n.retractionReason = $reason, n.version = $version, n.updatedAt = $now`,
      {
        id,
        now: new Date().toISOString(),
        user: viewer.username,
        reason,
        version: versionOf(locked.properties) + 1,
      },
    );
    return true;
  });
  return found ? getEntity(store, clearance, id) : null;
}
