/** Events and offences: what happened, and what it counts as in the crime taxonomy. */
import type { z } from 'zod';
import { dateField, enumField, nameField, number, numberField } from '../fields.ts';
import { CRIME_CATEGORIES } from '../model.ts';
import { defineEntitySchema } from './common.ts';

/** Event.kind values. */
export const EVENT_KINDS = ['crossing', 'interception', 'shipwreck', 'arrest', 'meeting', 'other'] as const;

const headcount = (what: string) =>
  numberField(number(what).int('must be a whole number').nonnegative('cannot be negative')).optional();

/** A crossing, interception, shipwreck, arrest or meeting; its place is a LOCATED_IN link. */
export const EventSchema = defineEntitySchema(
  'Event',
  'A crossing, interception, shipwreck, arrest or meeting',
  {
    kind: enumField(EVENT_KINDS).optional(),
    date: dateField.optional(),
    deaths: headcount('a number of deaths'),
    persons: headcount('a number of persons'),
  },
);
export type Event = z.infer<typeof EventSchema>;

/** An offence in the controlled crime taxonomy. */
export const OffenceSchema = defineEntitySchema('Offence', 'An offence in the controlled crime taxonomy', {
  category: enumField(CRIME_CATEGORIES),
  date: dateField.optional(),
  legalReference: nameField.optional(),
});
export type Offence = z.infer<typeof OffenceSchema>;
