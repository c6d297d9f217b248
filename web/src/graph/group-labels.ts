/**
 * The labels of closed groups: the group's name, cut at a word when long, and its members. Where the
 * grouped layout cannot give every label its width (label-fit.ts), a label is cut shorter, with an
 * ellipsis, to the room the layout kept for it, never below a few letters and the count; the whole
 * name is in the details panel a click opens.
 */
import { textWidth } from '../lib/text-width.ts';

export const LABEL_SIZE = 12;
export const LABEL_FONT = `500 ${LABEL_SIZE}px system-ui, sans-serif`;

/** The most characters of its name a closed group's label shows; a click says the whole name. */
export const LABEL_NAME_CHARS = 16;
/** The fewest characters of its name a label is cut to. */
export const LEAST_NAME_CHARS = 3;

/** The name a label shows: a cell is drawn inside its open syndicate, ringed as a cell, so "Cell: " goes. */
const shownName = (name: string) => name.replace(/^Cell: /, '');
const trimmed = (text: string) => text.replace(/[\s&,;:-]+$/, '');

/**
 * The label of a closed group: its name, cut at a word when long, and its members. A cell is drawn
 * inside its open syndicate, ringed as a cell: its label leaves out the word "Cell".
 */
export function groupLabel(name: string, members: number): string {
  const shown = shownName(name);
  if (shown.length <= LABEL_NAME_CHARS) return `${shown} (${members})`;
  const cut = shown.slice(0, LABEL_NAME_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  const kept = space >= LABEL_NAME_CHARS / 2 ? cut.slice(0, space) : cut;
  return `${trimmed(kept)}… (${members})`;
}

/** The label under the pointer: the whole name, however long, and the members. */
export function wholeGroupLabel(name: string, members: number): string {
  return `${shownName(name)} (${members})`;
}

/** The shortest a group's label is cut to: its name's first letters, an ellipsis and its members. */
export function leastGroupLabel(name: string, members: number): string {
  const shown = shownName(name);
  if (shown.length <= LEAST_NAME_CHARS) return `${shown} (${members})`;
  return `${trimmed(shown.slice(0, LEAST_NAME_CHARS))}… (${members})`;
}

/**
 * The group's label no wider than `room` pixels (as `measure` gives widths): the whole label when it
 * fits, else its name cut letter by letter, with an ellipsis, else the least label.
 */
export function fitGroupLabel(
  name: string,
  members: number,
  room: number,
  measure: (text: string) => number,
): string {
  const full = groupLabel(name, members);
  // Half a pixel of slack: widths measured twice in one font differ by rounding only.
  if (measure(full) <= room + 0.5) return full;
  const shown = shownName(name);
  for (let chars = Math.min(shown.length, LABEL_NAME_CHARS) - 1; chars > LEAST_NAME_CHARS; chars--) {
    const text = `${trimmed(shown.slice(0, chars))}… (${members})`;
    if (measure(text) <= room + 0.5) return text;
  }
  return leastGroupLabel(name, members);
}

/** A label's width in pixels, in the font sigma draws labels in. */
export function labelWidth(text: string): number {
  return textWidth(text, LABEL_FONT);
}
