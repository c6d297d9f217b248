/** How a double-click or "Expand" opens a neighbourhood: depth, entity types and a limit. */
import { ENTITY_TYPES } from '../api/vocabulary.ts';
import { h } from '../lib/dom.ts';

/** The chosen expansion options. */
export interface ExpandChoice {
  depth: number;
  types: string[];
  limit: number;
}

/** The expansion controls and a reader for their values. */
export function expandControls(): { element: HTMLElement; read(): ExpandChoice } {
  const depth = h(
    'select',
    { id: 'expand-depth', 'aria-label': 'Expansion depth' },
    h('option', { value: '1' }, '1 hop'),
    h('option', { value: '2' }, '2 hops'),
  );
  const type = h(
    'select',
    { id: 'expand-type', 'aria-label': 'Expand to entity type' },
    h('option', { value: '' }, 'all types'),
    ...ENTITY_TYPES.map((t) => h('option', { value: t }, t)),
  );
  const limit = h('input', {
    id: 'expand-limit',
    type: 'number',
    min: 1,
    max: 1000,
    value: 100,
    'aria-label': 'Most nodes per expansion',
  });
  return {
    element: h('span', { class: 'group' }, 'Expand ', depth, type, ' up to ', limit),
    read: () => ({
      depth: Number(depth.value) || 1,
      types: type.value ? [type.value] : [],
      limit: Math.min(Math.max(Number(limit.value) || 100, 1), 1000),
    }),
  };
}
