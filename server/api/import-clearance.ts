/**
 * An upload checked against its author's clearance before anything is imported: every record must
 * carry a handling code the author holds (and name the author's agency when restricted), and no id
 * may use the partition mark. Nothing here looks at the database: which records the upload's ids
 * stand for is settled by the import's partition (ingest/partition.ts), which never reads a record the
 * author may not see, so the answer is the same whether or not one exists.
 */
import type { Clearance } from '../auth/context.ts';
import { PARTITION_MARK } from '../store/partition.ts';
import { isReadError, readRecords } from '../ingest/readers/index.ts';
import type { InputFormat } from '../ingest/readers/index.ts';
import { type ValidateOptions, validateRecord } from '../schema/records.ts';
import type { FieldError } from './problem.ts';

/** A problem with its place in the file. */
export type PlacedProblem = FieldError & { file: string; line: number };

const MAX_PROBLEMS = 20;

const MARKED = `uses "${PARTITION_MARK}", which Ariadne keeps for ids in a clearance partition: use another character`;

function markedIds(props: Record<string, unknown>, fields: readonly string[]): string[] {
  const marked: string[] = [];
  for (const field of fields) {
    const value = props[field];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && v.includes(PARTITION_MARK))) marked.push(field);
  }
  return marked;
}

/** The clearance problems of a file, at most 20 (none when it may be imported). */
export async function checkUploadClearance(
  clearance: Clearance,
  path: string,
  format: InputFormat,
  options: ValidateOptions,
): Promise<PlacedProblem[]> {
  const problems: PlacedProblem[] = [];
  for await (const item of readRecords([path], { format })) {
    if (isReadError(item)) continue;
    const at = (field: string, message: string) =>
      problems.push({ file: item.file, line: item.line, field, message });
    if (item.kind === 'entity-patch') {
      for (const field of markedIds(item.fields, ['id', 'sources'])) at(field, MARKED);
      continue;
    }
    const result = validateRecord(item, options);
    if (!result.ok) continue; // The pipeline reports it.
    const props = result.record.properties as Record<string, unknown>;
    const handling = props.handling as Clearance['handling'][number];
    if (!clearance.handling.includes(handling))
      at('handling', `${handling} is beyond your clearance: use one of ${clearance.handling.join(', ')}`);
    const restricted = props.restrictedTo;
    if (Array.isArray(restricted) && !restricted.includes(clearance.agency))
      at('restrictedTo', 'must name your own agency, or you could not see the record');
    for (const field of markedIds(props, ['id', 'source', 'target', 'sources'])) at(field, MARKED);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems.slice(0, MAX_PROBLEMS);
}
