/**
 * Filters on what is drawn: entity types, crime categories, source reliability ("only sources A or
 * B"), handling codes. Each change is one undoable view step; the data graph is never touched.
 */
import { CRIME_CATEGORIES, ENTITY_TYPES, HANDLING_CODES, SOURCE_VALUES } from '../api/vocabulary.ts';
import type { Filters } from '../graph/view-state.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

type ListKey = 'hiddenTypes' | 'categories' | 'sources' | 'handling';

function checkboxGroup(
  workspace: Workspace,
  key: ListKey,
  title: string,
  values: readonly string[],
  /** Whether a checked box means "in the list" (else: "left out of the list"). */
  checkedMeansListed: boolean,
): { element: HTMLElement; sync(filters: Filters): void } {
  const boxes = values.map((value) => {
    const id = `filter-${key}-${value.replace(/\W+/g, '-')}`;
    const box = h('input', { type: 'checkbox', id, value, 'data-filter': key });
    box.addEventListener('change', () => {
      workspace.view.update((state) => {
        const list = new Set(state.filters[key]);
        if (box.checked === checkedMeansListed) list.add(value);
        else list.delete(value);
        return { ...state, filters: { ...state.filters, [key]: values.filter((v) => list.has(v)) } };
      });
    });
    return { box, label: h('label', { for: id }, box, ` ${value}`) };
  });
  return {
    element: h('fieldset', { class: 'filter-group' }, h('legend', {}, title), ...boxes.map((b) => b.label)),
    sync(filters) {
      for (const { box } of boxes) box.checked = filters[key].includes(box.value) === checkedMeansListed;
    },
  };
}

/** Mounts the filter panel. */
export function mountFilterPanel(container: HTMLElement, workspace: Workspace): void {
  const groups = [
    checkboxGroup(workspace, 'hiddenTypes', 'Entity types shown', ENTITY_TYPES, false),
    checkboxGroup(workspace, 'categories', 'Only linked to crime (none ticked: all)', CRIME_CATEGORIES, true),
    checkboxGroup(workspace, 'sources', 'Only sources graded (none ticked: all)', SOURCE_VALUES, true),
    checkboxGroup(workspace, 'handling', 'Only handling codes (none ticked: all)', HANDLING_CODES, true),
  ];
  const sync = () => {
    for (const group of groups) group.sync(workspace.view.state.filters);
  };
  workspace.view.onChange(sync);
  const openCase = h('button', { type: 'button', id: 'open-case' }, 'Open the whole case');
  openCase.addEventListener('click', () => {
    workspace.say('Loading the case…');
    workspace.view
      .open({ kind: 'case' })
      .then((served) => {
        const { view } = workspace;
        const groups = view.grouped.plan?.groups.size ?? 0;
        const by =
          view.syndicates?.source === 'run'
            ? 'syndicates and cells of the communities analysis'
            : `by entity type, with no communities: ${view.syndicatesProblem ?? 'no communities run'}`;
        const loaded = `${view.graph.order} entities loaded, drawn as ${groups} groups: ${by}`;
        workspace.say(
          served?.attributes.truncated === true
            ? `${loaded}: the case holds more, cut at ${served.attributes.maxNodes} (narrow it by case or dates)`
            : loaded,
        );
      })
      .catch((error: unknown) => workspace.say(String(error), 'error'));
  });
  const reset = h(
    'button',
    {
      type: 'button',
      id: 'reset-filters',
      onclick: () =>
        workspace.view.update((s) => ({
          ...s,
          filters: { hiddenTypes: [], categories: [], sources: [], handling: [], time: null },
        })),
    },
    'Clear filters',
  );
  replace(
    container,
    h('h2', {}, 'Data and filters'),
    h('div', { class: 'actions' }, openCase, reset),
    ...groups.map((g) => g.element),
  );
  sync();
}
