/** Every entity schema, and the registry by label. */
import type { z } from 'zod';
import type { EntityLabel } from '../model.ts';
import { CommunicationSchema, DocumentSchema } from './documents.ts';
import { CaseSchema, SourceSchema } from './investigations.ts';
import { AccountSchema, PaymentSchema } from './money.ts';
import { EventSchema, OffenceSchema } from './occurrences.ts';
import { OrganisationSchema, PersonSchema } from './people.ts';
import { LocationSchema, RouteSchema } from './places.ts';
import { VehicleSchema, VesselSchema } from './transport.ts';

export * from './documents.ts';
export * from './investigations.ts';
export * from './money.ts';
export * from './occurrences.ts';
export * from './people.ts';
export * from './places.ts';
export * from './transport.ts';

/** The schema of each entity label. */
export const ENTITY_SCHEMAS = {
  Person: PersonSchema,
  Organisation: OrganisationSchema,
  Document: DocumentSchema,
  Vessel: VesselSchema,
  Vehicle: VehicleSchema,
  Account: AccountSchema,
  Payment: PaymentSchema,
  Communication: CommunicationSchema,
  Location: LocationSchema,
  Route: RouteSchema,
  Event: EventSchema,
  Offence: OffenceSchema,
  Case: CaseSchema,
  Source: SourceSchema,
} as const satisfies Record<EntityLabel, z.ZodType>;

/** The validated properties of an entity of label L. */
export type EntityOf<L extends EntityLabel> = z.infer<(typeof ENTITY_SCHEMAS)[L]>;
