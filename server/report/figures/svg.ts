/** Small SVG helpers shared by the figures: a frame, numbers, and a palette for communities. */
import { escapeHtml } from '../escape-html.ts';

/** Colours for groups, picked so that neighbours differ and print legibly in grey. */
export const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#17becf',
  '#e377c2',
];

/** A number with at most one decimal, as SVG coordinates are written. */
export function fixed(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** An SVG element of a size with a title for screen readers; the body is already escaped markup. */
export function svgFrame(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img">` +
    `<title>${escapeHtml(title)}</title>${body}</svg>`
  );
}

/** An SVG text element (escaped). */
export function svgText(x: number, y: number, text: string, attributes = ''): string {
  return `<text x="${fixed(x)}" y="${fixed(y)}" ${attributes}>${escapeHtml(text)}</text>`;
}
