/** Vessels and vehicles: the means of transport, identified by IMO, MMSI or plate. */
import type { z } from 'zod';
import {
  compactNumberField,
  countryField,
  enumField,
  imoField,
  listField,
  mmsiField,
  nameField,
  number,
  numberField,
} from '../fields.ts';
import { defineEntitySchema } from './common.ts';

/** Vessel.status values. */
export const VESSEL_STATUSES = ['suspect', 'stolen', 'seized', 'sunk', 'other'] as const;
/** Vehicle.status values. */
export const VEHICLE_STATUSES = ['suspect', 'stolen', 'seized', 'other'] as const;

/** A boat or ship; past names and flags matter because smuggling vessels are renamed and reflagged. */
export const VesselSchema = defineEntitySchema('Vessel', 'A boat or ship', {
  imo: imoField.optional(),
  mmsi: mmsiField.optional(),
  callSign: compactNumberField.optional(),
  flag: countryField.optional(),
  pastNames: listField(nameField, { what: 'a list of names' }).optional(),
  pastFlags: listField(countryField, { what: 'a list of country codes' }).optional(),
  vesselType: nameField.optional(),
  capacity: numberField(
    number('a number of people').int('must be a whole number').nonnegative('cannot be negative'),
  ).optional(),
  status: enumField(VESSEL_STATUSES).optional(),
});
export type Vessel = z.infer<typeof VesselSchema>;

/** A truck, car or van. */
export const VehicleSchema = defineEntitySchema('Vehicle', 'A truck, car or van', {
  plate: compactNumberField.optional(),
  country: countryField.optional(),
  make: nameField.optional(),
  status: enumField(VEHICLE_STATUSES).optional(),
});
export type Vehicle = z.infer<typeof VehicleSchema>;
