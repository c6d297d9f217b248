/**
 * An upload checked against its author's clearance before anything is imported: every record must
 * carry a handling code the author holds (and name the author's agency when restricted), and no
 * record may update, or link to, one the author cannot see. The ingest pipeline was built for the
 * database's operator, who sees everything; through the API it serves users who do not.
 */
import type { Clearance } from '../auth/context.ts';
import { isReadError, readRecords } from '../ingest/readers/index.ts';
import type { InputFormat } from '../ingest/readers/index.ts';
import { type ValidateOptions, validateRecord } from '../schema/records.ts';
import { findHiddenIds } from '../store/upload-checks.ts';
import type { Store } from '../store/store.ts';
import type { FieldError } from './problem.ts';

/** A problem with its place in the file. */
export type PlacedProblem = FieldError & { file: string; line: number };

const MAX_PROBLEMS = 20;

/** The clearance problems of a file, at most 20 (none when it may be imported). */
export async function checkUploadClearance(
  store: Store,
  clearance: Clearance,
  path: string,
  format: InputFormat,
  options: ValidateOptions,
): Promise<PlacedProblem[]> {
  const problems: PlacedProblem[] = [];
  const places = new Map<string, { line: number; field: string }>();
  let file = path;
  for await (const item of readRecords([path], { format })) {
    if (isReadError(item)) continue;
    file = item.file;
    if (item.kind === 'entity-patch') {
      if (typeof item.fields.id === 'string' && !places.has(item.fields.id))
        places.set(item.fields.id, { line: item.line, field: 'id' });
      continue;
    }
    const result = validateRecord(item, options);
    if (!result.ok) continue; // The pipeline reports it.
    const props = result.record.properties as Record<string, unknown>;
    const handling = props.handling as Clearance['handling'][number];
    const at = (field: string, message: string) => problems.push({ file, line: item.line, field, message });
    if (!clearance.handling.includes(handling))
      at('handling', `${handling} is beyond your clearance: use one of ${clearance.handling.join(', ')}`);
    const restricted = props.restrictedTo;
    if (Array.isArray(restricted) && !restricted.includes(clearance.agency))
      at('restrictedTo', 'must name your own agency, or you could not see the record');
    const ends =
      result.record.kind === 'entity'
        ? [['id', props.id]]
        : [
            ['source', props.source],
            ['target', props.target],
          ];
    for (const [field, id] of ends)
      if (typeof id === 'string' && !places.has(id))
        places.set(id, { line: item.line, field: field as string });
    if (problems.length >= MAX_PROBLEMS) return problems;
  }
  for (const id of await findHiddenIds(store, clearance, [...places.keys()])) {
    const place = places.get(id) as { line: number; field: string };
    problems.push({
      file,
      line: place.line,
      field: place.field,
      message: `${JSON.stringify(id)} names a record you may not change or link to: use another id`,
    });
  }
  return problems.slice(0, MAX_PROBLEMS);
}
