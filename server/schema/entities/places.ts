/** Locations and routes: where things happen, and the legs a smuggling route runs through. */
import type { z } from 'zod';
import { countryField, currencyField, enumField, nameField, number, numberField } from '../fields.ts';
import { defineEntitySchema, inOrder, type RecordRule } from './common.ts';
import { needsCurrency } from './money.ts';

/** Location.kind values. */
export const LOCATION_KINDS = [
  'country',
  'city',
  'port',
  'border crossing',
  'safe house',
  'beach',
  'airport',
  'other',
] as const;
/** Route.mode values. */
export const ROUTE_MODES = ['sea', 'land', 'air', 'mixed'] as const;

const bothCoordinates: RecordRule = (record) =>
  (record.lat === undefined) !== (record.lon === undefined)
    ? [
        {
          path: [record.lat === undefined ? 'lat' : 'lon'],
          message: 'coordinates come in pairs: give both lat and lon, or neither',
        },
      ]
    : [];

/** A country, city, port, border crossing, safe house, beach or airport. */
export const LocationSchema = defineEntitySchema(
  'Location',
  'A place: country, city, port, border crossing, safe house',
  {
    name: nameField,
    kind: enumField(LOCATION_KINDS).optional(),
    country: countryField.optional(),
    lat: numberField(
      number('a latitude').min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
    ).optional(),
    lon: numberField(
      number('a longitude')
        .min(-180, 'must be between -180 and 180')
        .max(180, 'must be between -180 and 180'),
    ).optional(),
  },
  bothCoordinates,
);
export type Location = z.infer<typeof LocationSchema>;

/** A smuggling route; its legs are ROUTE_LEG links to locations, in order. */
export const RouteSchema = defineEntitySchema(
  'Route',
  'A smuggling route from origin through transit to destination',
  {
    name: nameField,
    mode: enumField(ROUTE_MODES).optional(),
    priceMin: numberField(number('a price').nonnegative('cannot be negative')).optional(),
    priceMax: numberField(number('a price').nonnegative('cannot be negative')).optional(),
    currency: currencyField.optional(),
  },
  inOrder('priceMin', 'priceMax'),
  needsCurrency('priceMin', 'priceMax'),
);
export type Route = z.infer<typeof RouteSchema>;
