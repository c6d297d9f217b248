/**
 * The handling marking of what a view shows: the most restrictive handling code among its records
 * (EU handling codes, H0 least, H3 most), with the conditions of H3 records, printed on every image
 * that leaves the app and named in every file.
 */
import type { HandlingCode } from '../api/vocabulary.ts';
import type { DataGraph } from '../graph/data-graph.ts';

const ORDER: readonly HandlingCode[] = ['H0', 'H1', 'H2', 'H3'];

const MEANING: Record<HandlingCode, string> = {
  H0: 'use only to fight crime',
  H1: 'not for judicial proceedings without the provider’s permission',
  H2: 'no dissemination without the provider’s permission',
  H3: 'other restrictions',
};

/** The marking of a view. */
export interface Marking {
  handling: HandlingCode;
  /** The banner's text: the code, what it means, and H3's conditions. */
  text: string;
  /** Names of the Sources the records cite, for H2's question about the provider. */
  sources: string[];
}

/** The marking of the shown nodes and edges; null when nothing is shown. */
export function markingOf(graph: DataGraph, shown: { nodes: string[]; edges: string[] }): Marking | null {
  let top = -1;
  const conditions = new Set<string>();
  const sources = new Set<string>();
  const consider = (attributes: Record<string, unknown>) => {
    const rank = ORDER.indexOf(attributes.handling as HandlingCode);
    if (rank > top) top = rank;
    if (attributes.handling === 'H3' && typeof attributes.handlingCondition === 'string')
      conditions.add(attributes.handlingCondition);
    if (Array.isArray(attributes.sources)) for (const s of attributes.sources) sources.add(String(s));
  };
  for (const node of shown.nodes) if (graph.hasNode(node)) consider(graph.getNodeAttributes(node));
  for (const edge of shown.edges) if (graph.hasEdge(edge)) consider(graph.getEdgeAttributes(edge));
  if (top < 0) return null;
  const handling = ORDER[top] as HandlingCode;
  const extra = [...conditions].slice(0, 3).join('; ');
  const text = `${handling}: ${MEANING[handling]}${extra ? ` (${extra})` : ''}`;
  return { handling, text, sources: [...sources].sort() };
}

/** The banner's colours: darker as the code restricts more. */
export function bannerColours(handling: HandlingCode): { fill: string; text: string } {
  return {
    H0: { fill: '#e8f1e8', text: '#1d3b1d' },
    H1: { fill: '#fff3cd', text: '#4d3b00' },
    H2: { fill: '#f8d7da', text: '#58151c' },
    H3: { fill: '#58151c', text: '#ffffff' },
  }[handling];
}

/** Banner height in CSS pixels. */
export const BANNER_HEIGHT = 28;

/** A copy of an image with the marking printed in a banner above it. */
export function withBanner(image: HTMLCanvasElement, marking: Marking, scale: number): HTMLCanvasElement {
  const height = Math.round(BANNER_HEIGHT * scale);
  const out = document.createElement('canvas');
  out.width = image.width;
  out.height = image.height + height;
  const context = out.getContext('2d');
  if (!context) throw new Error('ariadne/web/export: no 2D canvas to print the handling marking on');
  const colours = bannerColours(marking.handling);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  context.fillStyle = colours.fill;
  context.fillRect(0, 0, out.width, height);
  context.fillStyle = colours.text;
  context.font = `bold ${Math.round(14 * scale)}px sans-serif`;
  context.textBaseline = 'middle';
  context.fillText(`HANDLING ${marking.text}`, Math.round(8 * scale), height / 2, out.width - 16 * scale);
  context.drawImage(image, 0, height);
  return out;
}
