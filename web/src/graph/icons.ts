/**
 * One pictogram per entity type, drawn inside each node's disc as i2 users expect (a person, a boat,
 * a passport, a bank, cash, a pin...). The shapes are Material Design Icons (@mdi/js, Pictogrammers,
 * icons under the Apache 2.0 licence), bundled with the page; each becomes an SVG data URL that
 * sigma's image program (@sigma/node-image) loads into its texture and tints.
 */
import {
  mdiAccount,
  mdiBank,
  mdiBriefcase,
  mdiCalendarAlert,
  mdiCash,
  mdiDomain,
  mdiFerry,
  mdiFileDocument,
  mdiGavel,
  mdiMapMarker,
  mdiMapMarkerPath,
  mdiPassport,
  mdiPhone,
  mdiTruck,
} from '@mdi/js';
import type { EntityLabel } from '../api/vocabulary.ts';

/** The icon path (24 x 24 viewBox) of each entity type. */
const ICON_PATH: Record<EntityLabel, string> = {
  Person: mdiAccount,
  Organisation: mdiDomain,
  Document: mdiPassport,
  Vessel: mdiFerry,
  Vehicle: mdiTruck,
  Account: mdiBank,
  Payment: mdiCash,
  Communication: mdiPhone,
  Location: mdiMapMarker,
  Route: mdiMapMarkerPath,
  Event: mdiCalendarAlert,
  Offence: mdiGavel,
  Case: mdiBriefcase,
  Source: mdiFileDocument,
};

/** An SVG document drawing one path, black on transparent, sized for the texture. */
export function iconSvg(path: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="128" height="128"><path fill="#000" d="${path}"/></svg>`;
}

const URLS = new Map<string, string>(
  Object.entries(ICON_PATH).map(([type, path]) => [
    type,
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(iconSvg(path))}`,
  ]),
);

/** The icon (an SVG data URL) of an entity type, or null for a type without one. */
export function iconOf(type: string): string | null {
  return URLS.get(type) ?? null;
}

/** The entity type whose icon a URL is, or null (for the test handle). */
export function iconType(url: unknown): string | null {
  for (const [type, known] of URLS) if (known === url) return type;
  return null;
}

/** The icon's path data for a type, for drawing it in the legend; null for a type without one. */
export function iconPath(type: string): string | null {
  return (ICON_PATH as Record<string, string>)[type] ?? null;
}

/** Tints by fill: a drawing has a few fills and asks for every node on every full redraw. */
const tints = new Map<string, string>();

/** White on a dark fill, near-black on a light one: the tint that keeps an icon legible. */
export function iconTint(fill: string): string {
  let tint = tints.get(fill);
  if (tint === undefined) {
    tint = tintOf(fill);
    tints.set(fill, tint);
  }
  return tint;
}

function tintOf(fill: string): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(fill)?.[1];
  if (!hex) return '#ffffff';
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  // Contrast with white against contrast with #1b1f24 (WCAG relative luminance).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / (0.0137 + 0.05) ? '#ffffff' : '#1b1f24';
}
