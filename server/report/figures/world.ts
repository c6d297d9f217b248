/** Country outlines from world-atlas (Natural Earth, 1:110m), read once from node_modules. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

let countries: FeatureCollection | null | undefined;

/** The world's countries as GeoJSON, or null when world-atlas is not installed. */
export function loadCountries(): FeatureCollection | null {
  if (countries !== undefined) return countries;
  try {
    const path = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    const topology = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ countries: GeometryCollection }>;
    countries = feature(topology, topology.objects.countries) as FeatureCollection;
  } catch {
    countries = null;
  }
  return countries;
}
