/** People and organisations: the facilitators, the smuggled, and the groups and companies around them. */
import type { z } from 'zod';
import { countryField, dateField, enumField, idField, listField, nameField } from '../fields.ts';
import { PERSON_ROLES } from '../model.ts';
import { defineEntitySchema } from './common.ts';

/** Person.gender values. */
export const GENDERS = ['male', 'female', 'other', 'unknown'] as const;
/** Person.status values. */
export const PERSON_STATUSES = ['suspect', 'wanted', 'convicted', 'missing', 'deceased'] as const;
/** Organisation.kind values. */
export const ORGANISATION_KINDS = [
  'syndicate',
  'front company',
  'travel agency',
  'shipping agency',
  'money transfer business',
  'hawala network',
  'other',
] as const;

/** A person: facilitator, smuggled person, witness or official. Ids never come from names. */
export const PersonSchema = defineEntitySchema('Person', 'A person, facilitator or smuggled', {
  name: nameField,
  birthDate: dateField.optional(),
  nationalities: listField(countryField, { what: 'a list of country codes' }).optional(),
  gender: enumField(GENDERS).optional(),
  roles: listField(enumField(PERSON_ROLES), { what: 'a list of roles' }).optional(),
  status: enumField(PERSON_STATUSES).optional(),
  sourceRef: idField.meta({ description: "The source's own id for this person" }).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** An organisation: syndicate, front company, travel or shipping agency, money transfer business. */
export const OrganisationSchema = defineEntitySchema('Organisation', 'A syndicate, company or agency', {
  name: nameField,
  kind: enumField(ORGANISATION_KINDS).optional(),
  country: countryField.optional(),
  registrationNumber: idField.optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
