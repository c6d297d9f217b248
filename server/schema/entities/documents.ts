/** Travel documents and means of communication: the identifiers that tie people across reports. */
import type { z } from 'zod';
import {
  communicationIdField,
  compactNumberField,
  countryField,
  dateField,
  enumField,
  nameField,
} from '../fields.ts';
import { defineEntitySchema } from './common.ts';

/** Document.kind values. */
export const DOCUMENT_KINDS = [
  'passport',
  'id card',
  'visa',
  'residence permit',
  "seaman's book",
  'other',
] as const;
/** Document.status values. */
export const DOCUMENT_STATUSES = [
  'genuine',
  'stolen',
  'lost',
  'forged',
  'fraudulently obtained',
  'impostor use',
] as const;
/** Communication.kind values. */
export const COMMUNICATION_KINDS = ['phone', 'email', 'social media', 'advert'] as const;

/** A travel or identity document; `holderName` is the name as printed, which may differ from the holder's. */
export const DocumentSchema = defineEntitySchema(
  'Document',
  "A passport, ID card, visa, permit or seaman's book",
  {
    kind: enumField(DOCUMENT_KINDS).optional(),
    number: compactNumberField.optional(),
    issuingCountry: countryField.optional(),
    holderName: nameField.optional(),
    expiry: dateField.optional(),
    status: enumField(DOCUMENT_STATUSES).optional(),
  },
);
export type Document = z.infer<typeof DocumentSchema>;

/** A phone number, e-mail address, social-media account or advert. */
export const CommunicationSchema = defineEntitySchema(
  'Communication',
  'A phone, e-mail, social-media account or advert',
  {
    kind: enumField(COMMUNICATION_KINDS).optional(),
    identifier: communicationIdField.optional(),
    platform: nameField.optional(),
  },
);
export type Communication = z.infer<typeof CommunicationSchema>;
