/**
 * The part of taking a record that needs no other record of the import: its validation and the hash of
 * its values. Pure, so that large inputs run it in worker threads (validate-threads.ts) while the
 * validation pass keeps the rest (ids against each other, spools, issues) in input order.
 */
import { type RecordIssue, type ValidateOptions, validateRecord } from '../schema/records.ts';
import { hashValues } from './id-registry.ts';
import { isReadError, type RawRecord, type ReadItem } from './readers/index.ts';

/** A record validated on its own: its normalised properties and their hash, or what is wrong with it. */
export type CheckedRecord =
  | {
      ok: true;
      kind: 'entity' | 'link';
      type: string;
      properties: Record<string, unknown>;
      hash: number;
    }
  | { ok: false; issues: RecordIssue[] };

/** Whether an item is validated by checkRecord: entities and links, not read errors or patches. */
export function needsCheck(item: ReadItem): item is RawRecord {
  return !isReadError(item) && item.kind !== 'entity-patch';
}

/** Validates one entity or link and hashes its normalised values. */
export function checkRecord(item: RawRecord, options: ValidateOptions): CheckedRecord {
  const result = validateRecord(item, options);
  if (!result.ok) return result;
  const { kind, type, properties } = result.record;
  const values = properties as Record<string, unknown>;
  return { ok: true, kind, type, properties: values, hash: hashValues(values) };
}
