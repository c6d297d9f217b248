/**
 * The toolbar over the canvas: undo and redo, the layout, the lasso, selection by query, actions on
 * the selection, and how nodes are coloured and sized and links are drawn.
 */
import type { GraphView } from '../graph/graph-view.ts';
import { attachLasso } from '../graph/lasso.ts';
import {
  type ColourBy,
  type EdgeWidthBy,
  groupsAnything,
  isGroupOpen,
  withGroupOpen,
  type SizeBy,
  type ViewState,
  withItems,
} from '../graph/view-state.ts';
import { h } from '../lib/dom.ts';
import { type ExpandChoice, expandControls } from './expand-options.ts';

function choice<T extends string>(
  id: string,
  label: string,
  options: [T, string][],
  current: T,
  set: (value: T) => void,
) {
  const select = h(
    'select',
    { id, 'aria-label': label },
    ...options.map(([value, text]) => h('option', { value, selected: value === current }, text)),
  );
  select.addEventListener('change', () => set(select.value as T));
  return { select, sync: (value: T) => (select.value = value) };
}

/** Nodes shown whose name contains the text, or whose type or crime category is the text. */
function matchQuery(view: GraphView, text: string): string[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  return view.shown().nodes.filter((node) => {
    const attributes = view.graph.getNodeAttributes(node);
    return (
      String(attributes.name ?? '')
        .toLowerCase()
        .includes(needle) ||
      attributes.entityType.toLowerCase() === needle ||
      (view.insights.categories.get(node) ?? []).includes(needle)
    );
  });
}

/** What the payments-as-links toggle folded, and what it could not. */
function foldText(view: GraphView): string {
  const count = view.foldCount;
  if (count === null) return '';
  const kept = count.kept > 0 ? `; ${count.kept} kept as nodes (their payer or payee is not shown)` : '';
  if (count.payments === 0) return `No payment shown has both its payer and payee shown${kept}`;
  const groups = view.grouped.graph ? ' (those into or out of a closed group are in its links)' : '';
  return `${count.payments} payments drawn as links: ${count.links} between entities${groups}${kept}`;
}

/** Builds the toolbar; returns it and the expansion options reader. */
export function buildToolbar(
  view: GraphView,
  stage: HTMLElement,
): { element: HTMLElement; expandChoice(): ExpandChoice } {
  const button = (id: string, text: string, run: () => void) =>
    h('button', { type: 'button', id, onclick: run }, text);
  const undo = button('undo', 'Undo', () => view.history.undo());
  const redo = button('redo', 'Redo', () => view.history.redo());
  const layout = button('layout', 'Run layout', () => view.chooseLayout({ kind: 'force' }));
  const organigram = button('layout-organigram', 'Organigram', () =>
    view.chooseLayout({ kind: 'organigram' }),
  );
  const radial = button('layout-radial', 'Radial', () => {
    const centre = view.state.selected[0];
    if (centre) view.chooseLayout({ kind: 'radial', centre });
  });
  const byTime = button('layout-time', 'By time', () => view.chooseLayout({ kind: 'time' }));
  const layoutNote = h('output', { id: 'layout-note', class: 'muted', 'aria-live': 'polite' });
  view.arranger.subscribe(() => (layoutNote.textContent = view.arranger.note));
  const layoutButtons = { force: layout, organigram, radial, time: byTime };
  const groupBy = button('group-by-syndicate', 'Group by syndicate', () =>
    view.update((s) => ({
      ...s,
      grouping: { mode: groupsAnything(s.grouping) ? 'open' : 'grouped', toggled: [] },
    })),
  );
  // Closes the innermost open group of each selected entity (its cell, else its syndicate).
  const closeGroup = button('close-group', 'Close group', () =>
    view.update((s) => {
      let grouping = s.grouping;
      for (const node of s.selected) {
        const path = view.grouped.plan?.pathOf.get(node) ?? [];
        const open = path.filter((key) => isGroupOpen(grouping, key));
        const innermost = open[open.length - 1];
        if (innermost) grouping = withGroupOpen(grouping, innermost, false);
      }
      return { ...s, grouping, selected: [] };
    }),
  );
  const paymentsAsLinks = h(
    'button',
    {
      type: 'button',
      id: 'payments-as-links',
      'aria-pressed': 'false',
      title: 'Draw each payment as part of a link payer → payee, wide by amount',
      onclick: () => view.update((s) => ({ ...s, paymentsAsLinks: !s.paymentsAsLinks })),
    },
    'Payments as links',
  );
  const folded = h('output', { id: 'payments-folded', class: 'muted', 'aria-live': 'polite' });
  view.layout.subscribe((running) => (layout.textContent = running ? 'Stop layout' : 'Run layout'));
  const lasso = attachLasso(view.sigma, stage, (nodes) => view.update((s) => ({ ...s, selected: nodes })));
  let lassoOn = false;
  const lassoButton = button('lasso', 'Lasso', () => {
    lassoOn = !lassoOn;
    lasso.toggle(lassoOn);
    lassoButton.setAttribute('aria-pressed', String(lassoOn));
  });
  const query = h('input', {
    id: 'select-query',
    type: 'search',
    placeholder: 'Select by name, type, crime',
    'aria-label': 'Select by query',
  });
  query.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') view.update((s) => ({ ...s, selected: matchQuery(view, query.value) }));
  });
  const selection = (change: (selected: string[]) => Partial<ViewState>) => () =>
    view.update((s) => ({ ...s, ...change(s.selected) }));
  const colour = choice<ColourBy>(
    'colour-by',
    'Colour by',
    [
      ['type', 'Colour: type'],
      ['community', 'Colour: community'],
      ['crime', 'Colour: crime category'],
    ],
    'type',
    (value) => view.update((s) => ({ ...s, colourBy: value })),
  );
  const size = choice<SizeBy>(
    'size-by',
    'Size by',
    [
      ['degree', 'Size: degree'],
      ['pagerank', 'Size: PageRank'],
      ['betweenness', 'Size: betweenness'],
      ['none', 'Size: same'],
    ],
    'degree',
    (value) => view.update((s) => ({ ...s, sizeBy: value })),
  );
  const width = choice<EdgeWidthBy>(
    'edge-width-by',
    'Link width by',
    [
      ['weight', 'Links: weight'],
      ['amount', 'Links: amount'],
      ['none', 'Links: same'],
    ],
    'weight',
    (value) => view.update((s) => ({ ...s, edgeWidthBy: value })),
  );
  const expand = expandControls();
  view.onChange(() => {
    groupBy.textContent = groupsAnything(view.state.grouping) ? 'Ungroup all' : 'Group by syndicate';
    closeGroup.disabled = !view.grouped.graph || view.state.selected.length === 0;
    radial.disabled = view.state.selected.length === 0;
    radial.title =
      view.state.selected.length === 0
        ? 'Select an entity first: the rings are hops from it'
        : 'Rings by hops from the first entity selected';
    for (const [kind, b] of Object.entries(layoutButtons))
      b.setAttribute('aria-pressed', String(view.state.layout.kind === kind));
    undo.disabled = !view.history.canUndo;
    redo.disabled = !view.history.canRedo;
    colour.sync(view.state.colourBy);
    size.sync(view.state.sizeBy);
    width.sync(view.state.edgeWidthBy);
    paymentsAsLinks.setAttribute('aria-pressed', String(view.state.paymentsAsLinks));
    folded.textContent = foldText(view);
  });
  const element = h(
    'div',
    { class: 'toolbar', role: 'toolbar' },
    h('span', { class: 'group' }, undo, redo, lassoButton),
    h(
      'span',
      { class: 'group', role: 'group', 'aria-label': 'Layout' },
      layout,
      organigram,
      radial,
      byTime,
      layoutNote,
    ),
    h('span', { class: 'group' }, groupBy, closeGroup),
    h(
      'span',
      { class: 'group' },
      query,
      button(
        'hide-selected',
        'Hide selected',
        selection((sel) => ({ hidden: withItems(view.state.hidden, sel), selected: [] })),
      ),
      button(
        'pin-selected',
        'Pin selected',
        selection((sel) => ({ pinned: withItems(view.state.pinned, sel) })),
      ),
      button(
        'unpin-all',
        'Unpin all',
        selection(() => ({ pinned: [] })),
      ),
      button(
        'show-hidden',
        'Show hidden',
        selection(() => ({ hidden: [] })),
      ),
      button(
        'clear-selection',
        'Clear selection',
        selection(() => ({ selected: [] })),
      ),
    ),
    h('span', { class: 'group' }, colour.select, size.select, width.select),
    h('span', { class: 'group' }, paymentsAsLinks, folded),
    expand.element,
  );
  return { element, expandChoice: expand.read };
}
