/**
 * Records the options stand for: the Source named by --source and the Case named by --case, created
 * when neither the files nor the database hold them, and validated like any other record.
 */
import { deriveEntityId } from '../schema/keys.ts';
import type { RecordDefaults } from '../schema/records.ts';
import type { LabelResolver } from './check-pass.ts';
import type { IngestOptions } from './types.ts';
import { type PassState, takeItem } from './validate-pass.ts';

/** The Source id for a --source reference (`src:<ref>`; a reference already in that form is the id). */
export function sourceIdOf(reference: string): string {
  if (reference.startsWith('src:')) return reference;
  const derived = deriveEntityId({ type: 'Source', reference });
  return derived.ok ? derived.value : `src:${reference}`;
}

/** The Case id for a --case name. */
export function caseIdOf(name: string): string {
  const derived = deriveEntityId({ type: 'Case', name });
  return derived.ok ? derived.value : `case:${name}`;
}

/** The file-level provenance the options give. */
export function defaultsOf(options: IngestOptions): RecordDefaults {
  return {
    sources: options.source === undefined ? undefined : [sourceIdOf(options.source)],
    grade: options.grade,
    gradeScheme: options.scheme,
    handling: options.handling,
    handlingCondition: options.handlingCondition,
  };
}

async function isKnown(state: PassState, resolver: LabelResolver, id: string): Promise<boolean> {
  if (state.registry.labelOf(id) !== undefined) return true;
  await resolver.prefetch([id]);
  return resolver.labelOf(id) !== undefined;
}

/**
 * Adds the --source Source and the --case Case to the import when they exist nowhere yet, and returns
 * the ids it added. An import resumed after an interruption also adds those its first run added
 * (`added`, from its Import node), whether or not that run wrote them before it stopped: its batches
 * are then the same as the first run's, so that the batches recorded as written are the ones skipped.
 */
export async function addOptionRecords(
  state: PassState,
  resolver: LabelResolver,
  options: IngestOptions,
  added?: readonly string[],
): Promise<string[]> {
  const adds = async (id: string) => added?.includes(id) === true || !(await isKnown(state, resolver, id));
  const ids: string[] = [];
  if (options.source !== undefined) {
    const id = sourceIdOf(options.source);
    const reference = id.slice('src:'.length);
    if (await adds(id)) {
      const fields = { id, reference, name: reference, sources: [id] };
      await takeItem(state, { file: '--source', line: 0, kind: 'entity', type: 'Source', fields });
      ids.push(id);
    }
  }
  if (options.caseName !== undefined && state.caseId !== undefined) {
    const id = state.caseId;
    // Without --source and --handling, the case carries the provenance of the first record it gathers.
    const hasDefaults = options.source !== undefined && options.handling !== undefined;
    if (!hasDefaults && state.firstProvenance === undefined) return ids;
    if (await adds(id)) {
      const own = hasDefaults ? {} : pickCaseProvenance(state.firstProvenance ?? {});
      const fields = { id, name: options.caseName, ...own };
      await takeItem(state, { file: '--case', line: 0, kind: 'entity', type: 'Case', fields });
      ids.push(id);
    }
  }
  return ids;
}

// The whole of the record's need-to-know: a case restricted less than its first record would show
// that record's case to agencies the record is kept from.
function pickCaseProvenance(provenance: Record<string, unknown>): Record<string, unknown> {
  const { sources, handling, handlingCondition, restrictedTo } = provenance;
  return { sources, handling, handlingCondition, restrictedTo };
}
