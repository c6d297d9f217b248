/**
 * Colours and glyphs: one per entity type (the ring around every node and its glyph in the label),
 * one per crime category, and a qualitative palette for communities. Colours are chosen to stay
 * apart on a light background and to keep white text legible in the legend swatches.
 */
import { CRIME_CATEGORIES, type EntityLabel } from '../api/vocabulary.ts';

/** Colour and glyph of each entity type. */
export const TYPE_STYLE: Record<EntityLabel, { colour: string; glyph: string }> = {
  Person: { colour: '#2f6fdf', glyph: '●' },
  Organisation: { colour: '#8b3fc9', glyph: '■' },
  Document: { colour: '#d98e04', glyph: '▤' },
  Vessel: { colour: '#0b8a8f', glyph: '⚓' },
  Vehicle: { colour: '#5c7a29', glyph: '▣' },
  Account: { colour: '#c43d7a', glyph: '◆' },
  Payment: { colour: '#e0582b', glyph: '¤' },
  Communication: { colour: '#4a90a4', glyph: '☏' },
  Location: { colour: '#3c9d4e', glyph: '▲' },
  Route: { colour: '#1f8a70', glyph: '➜' },
  Event: { colour: '#b0771f', glyph: '✱' },
  Offence: { colour: '#c0392b', glyph: '⚠' },
  Case: { colour: '#555e6e', glyph: '▢' },
  Source: { colour: '#7f8c8d', glyph: '✎' },
};

const CATEGORY_COLOURS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#111111',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
];

/** Colour of each crime category. */
export const CATEGORY_COLOUR: Record<string, string> = Object.fromEntries(
  CRIME_CATEGORIES.map((category, i) => [category, CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] ?? '#777']),
);

/** Nodes with no crime category. */
export const NO_CATEGORY_COLOUR = '#c9ced6';

const COMMUNITY_COLOURS = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#9a6324',
  '#469990',
  '#800000',
  '#808000',
  '#000075',
  '#bfef45',
  '#fabed4',
  '#dcbeff',
  '#aaffc3',
];

/** Colour of a community, by its rank (largest first); communities past the palette share grey. */
export function communityColour(rank: number): string {
  return COMMUNITY_COLOURS[rank] ?? '#a0a6b0';
}

/** Colour of an entity type. */
export function typeColour(type: string): string {
  return TYPE_STYLE[type as EntityLabel]?.colour ?? '#777777';
}

/** Glyph of an entity type. */
export function typeGlyph(type: string): string {
  return TYPE_STYLE[type as EntityLabel]?.glyph ?? '•';
}

/** Faded colour for nodes and edges outside the focus. */
export const FADED = '#e3e6eb';
/** Colour of highlighted paths and typology payments. */
export const HIGHLIGHT = '#ff2d55';
/** Edge colour by default. */
export const EDGE_COLOUR = '#b8bfca';
/** Payments drawn as links. */
export const MONEY_COLOUR = '#2e9d6a';
