/**
 * Pass 1: every record is read, validated and normalised (file-level provenance filled in), its id
 * checked against the others in the import, and spooled; problems go to the issue sink. Nothing touches
 * the database here. With --case, each new entity also gets its PART_OF link to the case.
 */
import { deriveLinkId } from '../schema/keys.ts';
import { checkLinkEndpoints } from '../schema/link-endpoints.ts';
import type { LinkType } from '../schema/model.ts';
import { matchLinkType, type ValidateOptions } from '../schema/records.ts';
import { linkGroupKey } from './check-pass.ts';
import { type CheckedRecord, checkRecord, needsCheck } from './check-record.ts';
import type { IdRegistry } from './id-registry.ts';
import type { IssueSink } from './issue-sink.ts';
import { isReadError, type RawRecord, type ReadItem } from './readers/index.ts';
import type { GroupSink, SpoolWriter } from './spool.ts';
import type { IngestProgress } from './types.ts';
import type { ValidationThreads } from './validate-threads.ts';

/** A validated link waiting for its ends to be checked. */
export type SpooledLink = { type: string; file: string; line: number; properties: Record<string, unknown> };

/** A patch waiting for its entity to be resolved. */
export type SpooledPatch = { file: string; line: number; id: string; fields: Record<string, unknown> };

/** What pass 1 shares with the passes after it. */
export interface PassState {
  registry: IdRegistry;
  sink: IssueSink;
  /** Validated entities, one file per label. */
  entities: GroupSink;
  /** Links waiting for the check pass (an end not defined before them in the import). */
  links: SpoolWriter;
  /** Checked links, by type and end labels: those checked as they came, then the check pass's. */
  checkedLinks?: GroupSink | undefined;
  patches: SpoolWriter;
  /** Ids of entities that were rejected, so that links to them say why. */
  rejected: Set<string>;
  valid: Record<string, number>;
  seenFiles: Set<string>;
  records: number;
  validate: ValidateOptions;
  caseId?: string | undefined;
  /** The provenance of the first entity, for a case created without --source and --handling. */
  firstProvenance?: Record<string, unknown> | undefined;
  onProgress?: ((progress: IngestProgress) => void) | undefined;
  /** The share of the input read so far, when the input's size is known. */
  readFraction?: (() => number) | undefined;
}

const PROVENANCE_KEYS = ['sources', 'grade', 'gradeScheme', 'handling', 'handlingCondition', 'restrictedTo'];

function provenanceOf(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    PROVENANCE_KEYS.filter((k) => properties[k] !== undefined).map((k) => [k, properties[k]]),
  );
}

/** Turns a raw object (`{kind, type, ...fields}`, as the demo generator yields) into a reader's record. */
export function toRawRecord(
  raw: unknown,
  file: string,
  line: number,
): RawRecord | { file: string; line: number; message: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { file, line, message: 'a record is an object with "kind", "type" and its fields' };
  const { kind, type, ...fields } = raw as Record<string, unknown>;
  const typeText = typeof type === 'string' ? type : '';
  if (kind === 'entity' || kind === 'link' || kind === 'entity-patch')
    return { file, line, kind, type: typeText, fields };
  const own = kind === undefined ? {} : { kind };
  return {
    file,
    line,
    kind: matchLinkType(typeText) ? 'link' : 'entity',
    type: typeText,
    fields: { ...fields, ...own },
  };
}

async function acceptEntity(
  state: PassState,
  item: RawRecord,
  type: string,
  properties: Record<string, unknown>,
  hash: number,
) {
  const id = String(properties.id);
  const outcome = state.registry.addEntity(id, type as never, hash, item);
  if (outcome.kind === 'same') return;
  if (outcome.kind === 'clash') {
    const message = `id ${JSON.stringify(id)} is also used at ${outcome.earlier.file}:${outcome.earlier.line} with different values: give one of them another id, or make them equal`;
    await state.sink.reject({
      file: item.file,
      line: item.line,
      type,
      issues: [{ field: 'id', message }],
      record: item.fields,
    });
    return;
  }
  state.valid[type] = (state.valid[type] ?? 0) + 1;
  state.firstProvenance ??= provenanceOf(properties);
  await state.entities.write(type, properties);
  if (state.caseId !== undefined && type !== 'Case') {
    const link = { source: id, target: state.caseId };
    const linkId = deriveLinkId({ type: 'PART_OF', ...link });
    state.registry.addLink(linkId, 'PART_OF', 0, item);
    const spooled: SpooledLink = {
      type: 'PART_OF',
      file: item.file,
      line: item.line,
      properties: { id: linkId, ...link, ...provenanceOf(properties) },
    };
    await spoolLink(state, spooled);
  }
}

async function acceptLink(
  state: PassState,
  item: RawRecord,
  type: string,
  properties: Record<string, unknown>,
  hash: number,
) {
  const id = String(properties.id);
  const outcome = state.registry.addLink(id, type as never, hash, item);
  if (outcome.kind === 'same') return;
  if (outcome.kind === 'clash') {
    const message = `link id ${JSON.stringify(id)} is also used at ${outcome.earlier.file}:${outcome.earlier.line} with different values: give one of them another id, or make them equal`;
    await state.sink.reject({
      file: item.file,
      line: item.line,
      type,
      issues: [{ field: 'id', message }],
      record: item.fields,
    });
    return;
  }
  await spoolLink(state, { type, file: item.file, line: item.line, properties });
}

// A link whose ends the import defined before it, and whose type allows their labels, is checked as it
// comes: an id's label in the registry never changes once given, so the check pass would find the same.
// The rest (an end defined later, in the database or nowhere; a type that does not fit) wait for the
// check pass, which looks them up and words every rejection.
async function spoolLink(state: PassState, link: SpooledLink): Promise<void> {
  const checked = state.checkedLinks;
  const source = checked && state.registry.labelOf(String(link.properties.source));
  const target = checked && state.registry.labelOf(String(link.properties.target));
  const type = link.type as LinkType;
  if (checked && source && target && checkLinkEndpoints(type, source, target) === undefined) {
    state.valid[type] = (state.valid[type] ?? 0) + 1;
    await checked.write(linkGroupKey(type, source, target), link.properties);
  } else await state.links.write(link);
}

/**
 * Validates one record (or takes a read error) and spools it. `checked` is the record's checkRecord,
 * when a validation thread has made it already.
 */
export async function takeItem(state: PassState, item: ReadItem, checked?: CheckedRecord): Promise<void> {
  state.seenFiles.add(item.file);
  if (isReadError(item)) {
    await state.sink.reject({
      file: item.file,
      line: item.line,
      issues: [{ field: item.field ?? '', message: item.message }],
    });
    return;
  }
  state.records++;
  if (state.records % 2_000 === 0)
    state.onProgress?.({ phase: 'validate', done: state.records, fraction: state.readFraction?.() });
  if (item.kind === 'entity-patch') {
    const { id, ...fields } = item.fields;
    if (typeof id !== 'string' || id === '') {
      await state.sink.reject({
        file: item.file,
        line: item.line,
        type: 'patch',
        issues: [{ field: 'id', message: 'a patch names the entity it adds to in "id"' }],
        record: item.fields,
      });
    } else await state.patches.write({ file: item.file, line: item.line, id, fields } satisfies SpooledPatch);
    return;
  }
  const result = checked ?? checkRecord(item, state.validate);
  if (!result.ok) {
    if (item.kind === 'entity' && typeof item.fields.id === 'string') state.rejected.add(item.fields.id);
    await state.sink.reject({
      file: item.file,
      line: item.line,
      type: item.type,
      issues: result.issues,
      record: item.fields,
    });
    return;
  }
  const { kind, type, properties, hash } = result;
  if (kind === 'entity') await acceptEntity(state, item, type, properties, hash);
  else await acceptLink(state, item, type, properties, hash);
}

/**
 * Runs pass 1 over every batch of items. With threads, the batches ahead are validated there while
 * this thread takes the first in input order, so that the outcome is the one without threads.
 */
export async function validateAll(
  state: PassState,
  batches: AsyncIterable<ReadItem[]>,
  threads?: ValidationThreads,
): Promise<void> {
  if (threads === undefined) {
    for await (const batch of batches) for (const item of batch) await takeItem(state, item);
  } else {
    const ahead: { batch: ReadItem[]; checked: Promise<CheckedRecord[]> }[] = [];
    const takeFirst = async () => {
      const first = ahead.shift();
      if (first === undefined) return;
      const checked = await first.checked;
      let next = 0;
      for (const item of first.batch)
        await takeItem(state, item, needsCheck(item) ? checked[next++] : undefined);
    };
    for await (const batch of batches) {
      const checked = threads.check(batch.filter(needsCheck));
      // Taken in turn below; a failure of a batch still waiting there is not an unhandled one meanwhile.
      checked.catch(() => {});
      ahead.push({ batch, checked });
      if (ahead.length > threads.ahead) await takeFirst();
    }
    while (ahead.length > 0) await takeFirst();
  }
  state.onProgress?.({ phase: 'validate', done: state.records, fraction: state.readFraction?.() });
}
