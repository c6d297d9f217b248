/**
 * What every entity shares: id, name, aliases, notes and the provenance block, plus the record-wide rules
 * (safe extra keys, provenance rules, the label's own rules), which run even when a field failed so that
 * one pass reports every problem of a record.
 */
import { z } from 'zod';
import { checkPropertyKey, ExtraValueSchema } from '../extras.ts';
import { idField, listField, nameField, textField } from '../fields.ts';
import type { EntityLabel } from '../model.ts';
import { checkProvenanceRules, provenanceShape } from '../provenance.ts';

/** An issue found by a cross-field rule. */
export type RuleIssue = { path: (string | number)[]; message: string };

/** A rule across several fields of one record. */
export type RecordRule = (record: Record<string, unknown>) => RuleIssue[];

/** The fields every entity has. */
export const entityShape = {
  id: idField.meta({ description: 'Stable id, given by the source or derived from a natural key' }),
  name: nameField.optional(),
  aliases: listField(nameField, { what: 'a list of names' }).optional(),
  notes: textField.optional(),
  ...provenanceShape,
};

const BaseEntitySchema = z.object(entityShape);

/** Runs the rules every record obeys (safe keys, provenance) and the record's own. */
export function checkRecordRules(value: unknown, rules: readonly RecordRule[]): RuleIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const issues: RuleIssue[] = [];
  for (const key of Object.keys(record)) {
    const message = checkPropertyKey(key);
    if (message !== undefined) issues.push({ path: [key], message });
  }
  issues.push(...checkProvenanceRules(record));
  for (const rule of rules) issues.push(...rule(record));
  return issues;
}

/** Declares an entity label's schema: shared fields, the label's fields, extra properties and rules. */
export function defineEntitySchema<S extends z.core.$ZodLooseShape>(
  label: EntityLabel,
  description: string,
  shape: S,
  ...rules: RecordRule[]
) {
  return BaseEntitySchema.extend(shape)
    .catchall(ExtraValueSchema)
    .superRefine(
      (value, context) => {
        for (const issue of checkRecordRules(value, rules)) context.addIssue({ code: 'custom', ...issue });
      },
      { when: () => true },
    )
    .meta({ id: label, description });
}

/** A rule: `earlier` must not come after `later` (dates or numbers), reported on `later`. */
export function inOrder(earlier: string, later: string): RecordRule {
  return (record) => {
    const a = record[earlier];
    const b = record[later];
    const comparable =
      (typeof a === 'string' && typeof b === 'string') || (typeof a === 'number' && typeof b === 'number');
    if (!comparable || a <= b) return [];
    return [
      {
        path: [later],
        message: `${later} ${String(b)} is before ${earlier} ${String(a)}: swap them or correct one`,
      },
    ];
  };
}
