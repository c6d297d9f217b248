/**
 * The routes and hotspots map: an equirectangular projection (d3-geo) fitted to the places the
 * routes run through, country outlines from world-atlas, each route a line through its places in
 * order and each hotspot a circle sized by its journeys.
 */
import { geoEquirectangular, geoPath } from 'd3-geo';
import type { Feature, LineString, MultiPoint } from 'geojson';
import type { Hotspot, RoutePath } from '../../../analysis/findings/routes.ts';
import type { CaseGraph } from '../../../analysis/core/types.ts';
import { escapeHtml } from '../escape-html.ts';
import { fixed, PALETTE, svgFrame, svgText } from './svg.ts';
import { loadCountries } from './world.ts';

const coordinatesOf = (graph: CaseGraph, id: string): [number, number] | undefined => {
  if (!graph.hasNode(id)) return undefined;
  const { lat, lon } = graph.getNodeAttributes(id);
  return typeof lat === 'number' && typeof lon === 'number' ? [lon, lat] : undefined;
};

/** The map as SVG, or null when no place has coordinates. */
export function drawRouteMap(
  graph: CaseGraph,
  routes: readonly RoutePath[],
  hotspots: readonly Hotspot[],
  size = { width: 640, height: 380 },
): string | null {
  const placed = routes.map((r) =>
    r.places.map((p) => coordinatesOf(graph, p)).filter((c) => c !== undefined),
  );
  const points = [...placed.flat(), ...hotspots.flatMap((h) => coordinatesOf(graph, h.location) ?? [])];
  const all = points.filter((p): p is [number, number] => Array.isArray(p));
  if (all.length === 0) return null;
  const extent: Feature<MultiPoint> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiPoint', coordinates: all },
  };
  const projection = geoEquirectangular().fitExtent(
    [
      [20, 20],
      [size.width - 20, size.height - 20],
    ],
    extent,
  );
  const path = geoPath(projection);
  const countries = loadCountries();
  const land = countries
    ? countries.features
        .map((f) => `<path d="${path(f) ?? ''}" fill="#eeeeee" stroke="#bbbbbb" stroke-width="0.5"/>`)
        .join('')
    : '';
  const lines = placed
    .map((coordinates, i) => {
      if (coordinates.length < 2) return '';
      const line: Feature<LineString> = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'LineString', coordinates },
      };
      return `<path d="${path(line) ?? ''}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="1.4" stroke-opacity="0.8"/>`;
    })
    .join('');
  const maxJourneys = Math.max(1, ...hotspots.map((h) => h.journeys));
  const spots = hotspots
    .slice(0, 12)
    .map((h, rank) => {
      const c = coordinatesOf(graph, h.location);
      const xy = c ? projection(c) : null;
      if (!xy) return '';
      const r = 3 + 9 * Math.sqrt(h.journeys / maxJourneys);
      const circle = `<circle cx="${fixed(xy[0])}" cy="${fixed(xy[1])}" r="${fixed(r)}" fill="#d62728" fill-opacity="0.55" stroke="#7f0000"><title>${escapeHtml(h.name ?? h.location)}</title></circle>`;
      return rank < 6
        ? circle + svgText(xy[0] + r + 2, xy[1] + 3, h.name ?? h.location, 'font-size="9"')
        : circle;
    })
    .join('');
  return svgFrame(
    size.width,
    size.height,
    'Routes and hotspots',
    `<rect width="100%" height="100%" fill="#f7fbff"/>${land}${lines}${spots}`,
  );
}
