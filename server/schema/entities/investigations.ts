/** Cases and sources: the investigations facts belong to, and the reports they came from. */
import type { z } from 'zod';
import { countryField, dateField, enumField, idField, listField, nameField } from '../fields.ts';
import { defineEntitySchema, inOrder } from './common.ts';

/** Case.status values. */
export const CASE_STATUSES = ['open', 'under review', 'closed'] as const;

/** An investigation or joint operation. */
export const CaseSchema = defineEntitySchema(
  'Case',
  'An investigation or joint operation',
  {
    name: nameField,
    agencies: listField(nameField, { what: 'a list of agency names' }).optional(),
    periodStart: dateField.optional(),
    periodEnd: dateField.optional(),
    status: enumField(CASE_STATUSES).optional(),
  },
  inOrder('periodStart', 'periodEnd'),
);
export type Case = z.infer<typeof CaseSchema>;

/** A report that facts came from: its reference, originating agency and country, and date. */
export const SourceSchema = defineEntitySchema('Source', 'A report that facts came from', {
  reference: idField.optional(),
  agency: nameField.optional(),
  country: countryField.optional(),
  date: dateField.optional(),
});
export type Source = z.infer<typeof SourceSchema>;
