/**
 * Text widths as a canvas draws them: the one measure of labels' widths in the page (the grouped
 * layout's room for labels, and the boxes of labels drawn). Widths are kept by font and text: every
 * frame measures the same labels again.
 */

let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** Past this many widths kept, the cache starts again (labels come and go with what is drawn). */
const MOST_KEPT = 20_000;

/** The width in pixels of `text` drawn in `font` (a CSS font, as `500 12px system-ui`). */
export function textWidth(text: string, font: string): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  // No 2D canvas (a browser that refuses one): about the width of a 12-pixel font's letters.
  if (!context) return text.length * 7;
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size >= MOST_KEPT) widths.clear();
    context.font = font;
    width = context.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}
