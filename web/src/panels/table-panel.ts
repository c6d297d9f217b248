/**
 * The table beside the canvas: the entities and the links the canvas draws now (filters, time window
 * and grouping applied: a closed group is one row of kind "group" with its member count, as it is
 * one disc on the canvas), in two tables. Selection follows both ways: a click on a row selects on
 * the canvas as a click there does (undoable the same way), and what is selected on the canvas is
 * marked and scrolled to in the tables. The columns hidden are part of the view state, so undo,
 * links and saved views keep them. A table's rows (filtered, sorted, shown columns) export to
 * CSV through the same clearance step as the export panel: marked, audited, H2 asked for.
 */
import type { DisplayGraph } from '../graph/display-graph.ts';
import { syndicateName } from '../graph/syndicates.ts';
import {
  cellOf,
  ENTITY_COLUMNS,
  type EntityRow,
  entityRows,
  LINK_COLUMNS,
  type LinkRow,
  linkRows,
  presentColumns,
  type TableInput,
} from '../graph/table-rows.ts';
import { withGroupOpen } from '../graph/view-state.ts';
import { csvText } from '../export/data-export.ts';
import { downloadText } from '../lib/download.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';
import { exportClearance, exportStamp, type HeldRecords } from './export-clearance.ts';
import { buildGrid, type Grid } from './table-grid.ts';

/** Why a table has no rows. */
function emptyReason(workspace: Workspace, drawnNodes: number, noun: 'entities' | 'links'): string {
  const { view } = workspace;
  if (view.graph.order === 0)
    return 'Nothing is open: search for an entity, or open the case from the Filters tab.';
  if (drawnNodes === 0)
    return 'Everything loaded is hidden or filtered out: see the Filters tab and the timeline window.';
  return noun === 'links' ? 'No link is drawn between the entities shown.' : 'No entity is drawn.';
}

/** Mounts the table panel. */
export function mountTablePanel(container: HTMLElement, workspace: Workspace): void {
  const { view } = workspace;
  const message = h('p', { id: 'table-message', class: 'muted', role: 'status' });
  const say = (state: string, text: string, error = false) => {
    container.dataset.state = state;
    message.textContent = text;
    message.className = error ? 'error' : 'muted';
  };
  const clearance = exportClearance('table', say);
  const isEntity = (id: string) => view.graph.hasNode(id) && !view.grouped.plan?.groups.has(id);

  /** Exports a table's rows as they are now, once the server marked and recorded them. */
  const exportCsv = <R extends { id: string }>(
    grid: Grid<R>,
    name: string,
    held: (rows: R[]) => HeldRecords,
  ) => {
    const rows = grid.rows();
    const columns = grid.columns();
    void clearance.run({
      format: 'csv',
      held: () => held(rows),
      make: (answer) =>
        downloadText(
          csvText(
            columns.map((column) => column.title),
            rows.map((row) => columns.map((column) => cellOf(row, column))),
          ),
          `ariadne-table-${name}-${exportStamp(answer.handling)}.csv`,
          'text/csv',
        ),
      what: 'This table',
      empty: `No entity is in the ${name} table's rows, so there is nothing to export.`,
    });
  };

  const entities: Grid<EntityRow> = buildGrid<EntityRow>({
    id: 'entities',
    caption: 'Entities',
    noun: 'entities',
    columns: ENTITY_COLUMNS,
    activate(row) {
      view.focusNode(row.id);
      // A closed group is not selected, as on the canvas: the drawing would be rebuilt under the analyst.
      if (row.kind === 'group')
        return workspace.say(`${row.name}: ${row.members ?? 0} entities. Double-click to open it.`);
      workspace.select(row.id);
    },
    open(row) {
      if (row.kind === 'group')
        return view.update((s) => ({
          ...s,
          selected: [],
          grouping: withGroupOpen(s.grouping, row.id, true),
        }));
      workspace.expand(row.id).catch((error: unknown) => workspace.say(String(error), 'error'));
    },
    columnsChosen: (hidden) =>
      view.update((s) => ({ ...s, hiddenColumns: { ...s.hiddenColumns, entities: hidden } })),
    exportCsv: () =>
      exportCsv(entities, 'entities', (rows) => ({
        entities: rows.filter((row) => row.kind === 'entity').map((row) => row.id),
        links: [],
      })),
  });
  const links: Grid<LinkRow> = buildGrid<LinkRow>({
    id: 'links',
    caption: 'Links',
    noun: 'links',
    columns: LINK_COLUMNS,
    activate(row) {
      view.update((s) => ({ ...s, selected: [row.source, row.target] }));
      view.focusNode(row.source);
      workspace.say(`${row.type}: ${row.sourceName} → ${row.targetName}`);
    },
    open(row) {
      for (const end of [row.source, row.target])
        if (view.grouped.plan?.groups.has(end))
          view.update((s) => ({ ...s, grouping: withGroupOpen(s.grouping, end, true) }));
    },
    columnsChosen: (hidden) =>
      view.update((s) => ({ ...s, hiddenColumns: { ...s.hiddenColumns, links: hidden } })),
    exportCsv: () =>
      exportCsv(links, 'links', (rows) => {
        const held = rows.filter((row) => row.kind === 'link');
        const ends = new Set(held.flatMap((row) => [row.source, row.target]).filter(isEntity));
        return { entities: [...ends], links: held.map((row) => row.id) };
      }),
  });

  // What the rows were last built from (a run's scores and syndicates too): a change to any of these
  // rebuilds them; a change of selection only marks rows.
  let built: unknown[] = [];
  let dirty = true;
  const rebuild = () => {
    const s = view.state;
    const basis = [
      s.loads,
      s.hidden,
      s.removed,
      s.filters,
      s.grouping,
      view.graph.order,
      view.graph.size,
      view.scores,
      view.syndicates,
      // Remade at each change while groups are closed: a selected entity is pulled out of its group.
      view.grouped.graph,
    ];
    const same = !dirty && basis.length === built.length && basis.every((value, i) => value === built[i]);
    if (!same) {
      built = basis;
      const input: TableInput = {
        drawn: (view.grouped.graph ?? view.graph) as unknown as DisplayGraph,
        items: view.drawnItems(),
        syndicateOf: (id) => {
          const syndicate = view.syndicates?.syndicateOf.get(id);
          return syndicate === undefined ? undefined : syndicateName(view.syndicates, syndicate);
        },
        scores: view.scores,
      };
      const entityList = entityRows(input);
      const linkList = linkRows(input);
      const drawn = input.items.nodes.length;
      entities.setRows(
        entityList,
        presentColumns(ENTITY_COLUMNS, entityList),
        emptyReason(workspace, drawn, 'entities'),
      );
      links.setRows(linkList, presentColumns(LINK_COLUMNS, linkList), emptyReason(workspace, drawn, 'links'));
    }
    dirty = false;
    // The columns the view state hides (the menu, undo, a link or a saved view chose them).
    entities.hideColumns(view.state.hiddenColumns.entities);
    links.hideColumns(view.state.hiddenColumns.links);
    const selected = new Set(view.state.selected);
    entities.mark((row) => selected.has(row.id));
    links.mark((row) => selected.has(row.source) && selected.has(row.target));
  };
  // A hidden panel does no work: it is brought up to date when it is shown again.
  view.onChange(() => {
    if (container.hidden) dirty = true;
    else rebuild();
  });
  new MutationObserver(() => {
    if (!container.hidden && dirty) rebuild();
  }).observe(container, {
    attributes: true,
    attributeFilter: ['hidden'],
  });
  // The tools column widens while the table is open: sigma then draws for its container's new size.
  new ResizeObserver(() => view.sigma.scheduleRender()).observe(view.sigma.getContainer());
  replace(
    container,
    h('h2', {}, 'Table'),
    h(
      'p',
      { class: 'muted' },
      'What the canvas draws now, filters and time window applied; a closed group is one row. Click a row to select it on the canvas, double-click to open it; click a header to sort.',
    ),
    entities.element,
    links.element,
    clearance.element,
    message,
  );
  rebuild();
}
