/**
 * How the timeline draws a kind of record: a shape and a colour per kind (event, payment, journey,
 * communication, document use), used by the lanes and the legend alike, and how a mark is drawn.
 */
import type { MarkGroup, MarkKind, TimelineItem } from '../graph/timeline-lanes.ts';
import { svg } from '../lib/dom.ts';

/** Colours and names by kind. */
export const MARK_STYLE: Record<MarkKind, { colour: string; name: string }> = {
  event: { colour: '#c0392b', name: 'Events' },
  payment: { colour: '#2e7d32', name: 'Payments' },
  journey: { colour: '#1f6fb2', name: 'Journeys' },
  communication: { colour: '#8e44ad', name: 'Communications' },
  document: { colour: '#b7791f', name: 'Document uses' },
};

/** The shape of a kind's mark, centred on (0, 0), about `r` pixels from centre to edge. */
export function markShape(kind: MarkKind, r = 4): SVGElement {
  const fill = MARK_STYLE[kind].colour;
  switch (kind) {
    case 'event':
      return svg('polygon', { points: `0,${-r} ${r},0 0,${r} ${-r},0`, fill });
    case 'payment':
      return svg('circle', { r: r * 0.85, fill });
    case 'journey':
      return svg('polygon', { points: `${-r},${r * 0.8} ${r},${r * 0.8} 0,${-r}`, fill });
    case 'communication':
      return svg('rect', { x: -r * 0.75, y: -r * 0.75, width: r * 1.5, height: r * 1.5, fill });
    case 'document':
      return svg('path', {
        d: `M${-r},0H${r}M0,${-r}V${r}`,
        stroke: fill,
        'stroke-width': 2.2,
        fill: 'none',
      });
  }
}

/** A small legend swatch of a kind's mark. */
export function markSwatch(kind: MarkKind): SVGSVGElement {
  return svg(
    'svg',
    { width: 12, height: 12, viewBox: '-6 -6 12 12', 'aria-hidden': 'true' },
    markShape(kind, 4.5),
  );
}

/**
 * One mark: its kind's shape at the group's first day (with a bar to its last day when `spans`),
 * faded outside the window, outlined when selected, and a tooltip that says what it holds.
 */
export function drawMark(
  group: MarkGroup,
  how: { y: number; spans: boolean; inside: boolean; chosen: boolean },
): SVGGElement {
  const { x, x2, items } = group;
  const first = items[0] as TimelineItem;
  const title =
    items.length === 1
      ? `${first.label} (${first.start}${first.end !== first.start ? ` to ${first.end}` : ''})`
      : `${items.length} ${MARK_STYLE[first.kind].name.toLowerCase()} on ${first.start}: ${first.label}…`;
  return svg(
    'g',
    {
      class: `mark${how.inside ? '' : ' out'}${how.chosen ? ' selected' : ''}`,
      transform: `translate(${x},${how.y})`,
      'data-kind': first.kind,
      'data-id': first.id,
      'data-count': items.length,
      role: 'button',
      tabindex: 0,
    },
    svg('title', {}, title),
    ...(how.spans && x2 - x > 2
      ? [svg('line', { x2: x2 - x, class: 'span', stroke: MARK_STYLE[first.kind].colour })]
      : []),
    markShape(first.kind),
  );
}
