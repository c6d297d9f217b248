/** Badges for a record's grade (in its own scheme) and handling code. */
import { h } from '../lib/dom.ts';

const SCHEME_NAMES: Record<string, string> = {
  europol: 'Europol 4x4',
  uk: 'UK 3x5x2',
  admiralty: 'NATO Admiralty',
};

/** A grade badge, e.g. "B2" titled "Europol 4x4"; "ungraded" when there is none. */
export function gradeBadge(grade: string | null | undefined, scheme: string | null | undefined): HTMLElement {
  if (!grade) return h('span', { class: 'badge grade ungraded' }, 'ungraded');
  return h(
    'span',
    {
      class: 'badge grade',
      'data-source': grade.charAt(0),
      title: SCHEME_NAMES[scheme ?? ''] ?? 'scheme unknown',
    },
    grade,
  );
}

/** A handling code badge. */
export function handlingBadge(handling: string | null | undefined): HTMLElement {
  return h('span', { class: 'badge handling', 'data-handling': handling ?? '' }, handling ?? '?');
}
