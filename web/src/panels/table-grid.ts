/**
 * One table of the table panel, on @tanstack/table-core (headless): sorting by a click on a header,
 * one text filter over every column, columns shown or hidden from a menu. Only the rows in sight are
 * built (plus a margin), between two spacer rows that keep the scroll bar true, so thousands of rows
 * scroll smoothly. The footer says how many rows match of how many, or why there are none.
 */
import {
  type ColumnDef,
  createTable,
  functionalUpdate,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type Row,
  type Table,
  type TableState,
} from '@tanstack/table-core';
import { cellOf, type TableColumn } from '../graph/table-rows.ts';
import { h, replace } from '../lib/dom.ts';

/** The height of one row in CSS pixels (style.css `.grid tbody tr` holds the same). */
export const ROW_HEIGHT = 24;
/** Rows built above and below those in sight. */
const MARGIN = 12;

type Value = string | number | undefined;

/** What one table shows and does. */
export interface GridOptions<R extends { id: string }> {
  /** Prefix of its elements' ids (`table-entities-...`). */
  id: string;
  caption: string;
  /** What a row is, plural ("entities"). */
  noun: string;
  columns: readonly TableColumn<R>[];
  /** A click on a row. */
  activate(row: R): void;
  /** A double-click on a row. */
  open(row: R): void;
  /** The CSV button. */
  exportCsv(): void;
  /**
   * The analyst showed or hid a column in the menu: the keys now hidden. The owner keeps them (in the
   * view state) and hands them back through `hideColumns`; without it the table keeps them itself.
   */
  columnsChosen?(hidden: string[]): void;
}

/** One table. */
export interface Grid<R extends { id: string }> {
  element: HTMLElement;
  /** New rows, the columns they have values for, and what to say when there are none. */
  setRows(rows: R[], columns: TableColumn<R>[], empty: string): void;
  /** Marks the rows selected; scrolls the first into sight when none of them is in sight. */
  mark(selected: (row: R) => boolean): void;
  /** The rows that match the filter, in the order shown. */
  rows(): R[];
  /** The columns shown, in order. */
  columns(): TableColumn<R>[];
  /** Hides these columns (by key) and shows every other. */
  hideColumns(hidden: readonly string[]): void;
}

/** A column's definition for tanstack: the cell as shown, numbers sorted as numbers, blanks last. */
export function columnDefinition<R>(column: TableColumn<R>): ColumnDef<R, Value> {
  return {
    id: column.key,
    accessorFn: (row) => cellOf(row as R & object, column as TableColumn<R & object>),
    sortingFn: column.numeric ? 'basic' : 'text',
    sortUndefined: 'last',
    header: column.title,
  };
}

/**
 * The headless table: sorting, one filter over every column, column visibility; `changed` runs after
 * each change of its state. `state()` reads the state now.
 */
export function createRowTable<R extends { id: string }>(
  changed: () => void,
): { table: Table<R>; state(): TableState } {
  const table = createTable<R>({
    data: [],
    columns: [],
    state: {},
    onStateChange: () => {},
    renderFallbackValue: undefined,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    globalFilterFn: 'includesString',
    // Any column may be searched, whatever the first row holds (tanstack's default looks at it).
    getColumnCanGlobalFilter: () => true,
  });
  let state: TableState = { ...table.initialState };
  table.setOptions((previous) => ({
    ...previous,
    state,
    onStateChange: (updater) => {
      state = functionalUpdate(updater, state);
      table.setOptions((current) => ({ ...current, state }));
      changed();
    },
  }));
  return { table, state: () => state };
}

/** Builds one table. */
export function buildGrid<R extends { id: string }>(options: GridOptions<R>): Grid<R> {
  const prefix = `table-${options.id}`;
  let columns: TableColumn<R>[] = [];
  let empty = '';
  let marked = new Set<string>();
  const byId = new Map<string, R>();
  const { table, state } = createRowTable<R>(() => render());
  const filter = h('input', {
    type: 'search',
    id: `${prefix}-filter`,
    placeholder: 'Filter rows',
    'aria-label': `Filter the ${options.noun}`,
  }) as HTMLInputElement;
  filter.addEventListener('input', () => table.setGlobalFilter(filter.value));
  const menu = h('div', { class: 'table-columns-menu' });
  const columnsMenu = h(
    'details',
    { id: `${prefix}-columns`, class: 'table-columns' },
    h('summary', {}, 'Columns'),
    menu,
  );
  const csv = h(
    'button',
    { type: 'button', id: `${prefix}-csv`, onclick: () => options.exportCsv() },
    'Export CSV',
  );
  const headRow = h('tr', {});
  const body = h('tbody', {});
  const scroller = h(
    'div',
    { id: `${prefix}-scroll`, class: 'table-scroll' },
    h('table', { id: prefix, class: 'grid' }, h('thead', {}, headRow), body),
  );
  const footer = h('p', { id: `${prefix}-count`, class: 'table-footer muted', role: 'status' });
  const spacer = () => {
    const cell = h('td', {});
    return { row: h('tr', { class: 'spacer', 'aria-hidden': 'true' }, cell), cell };
  };
  const above = spacer();
  const below = spacer();

  const hiddenKeys = () =>
    Object.entries(state().columnVisibility ?? {})
      .filter(([, visible]) => !visible)
      .map(([key]) => key);
  const shownColumns = () => {
    const visible = new Set(table.getVisibleLeafColumns().map((c) => c.id));
    return columns.filter((c) => visible.has(c.key));
  };
  const renderHead = () => {
    replace(
      headRow,
      ...shownColumns().map((column) => {
        const sorted = table.getColumn(column.key)?.getIsSorted() ?? false;
        const toggle = table.getColumn(column.key)?.getToggleSortingHandler();
        return h(
          'th',
          {
            scope: 'col',
            'data-key': column.key,
            'aria-sort': sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none',
            class: column.numeric ? 'numeric' : null,
          },
          h(
            'button',
            { type: 'button', id: `${prefix}-sort-${column.key}`, onclick: (event) => toggle?.(event) },
            column.title,
            sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : '',
          ),
        );
      }),
    );
    replace(
      menu,
      ...columns.map((column) => {
        const box = h('input', {
          type: 'checkbox',
          id: `${prefix}-column-${column.key}`,
          checked: table.getColumn(column.key)?.getIsVisible() ?? true,
        }) as HTMLInputElement;
        box.addEventListener('change', () => {
          if (!options.columnsChosen) return table.getColumn(column.key)?.toggleVisibility(box.checked);
          const hidden = new Set(hiddenKeys());
          if (box.checked) hidden.delete(column.key);
          else hidden.add(column.key);
          options.columnsChosen([...hidden]);
        });
        return h('label', {}, box, ` ${column.title}`);
      }),
    );
  };
  const rowElement = (row: Row<R>, shown: TableColumn<R>[]) =>
    h(
      'tr',
      {
        'data-id': row.id,
        'data-kind': (row.original as { kind?: string }).kind,
        'aria-selected': marked.has(row.id) ? 'true' : null,
      },
      ...shown.map((column) => {
        const value = row.getValue<Value>(column.key);
        return h('td', { class: column.numeric ? 'numeric' : null }, value ?? '');
      }),
    );
  // Builds the rows in sight, between spacers that stand for the rest.
  const renderWindow = () => {
    const rows = table.getRowModel().rows;
    const shown = shownColumns();
    const sight = scroller.clientHeight || 20 * ROW_HEIGHT;
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - MARGIN);
    const last = Math.min(rows.length, Math.ceil((scroller.scrollTop + sight) / ROW_HEIGHT) + MARGIN);
    above.cell.style.height = `${first * ROW_HEIGHT}px`;
    below.cell.style.height = `${(rows.length - last) * ROW_HEIGHT}px`;
    for (const s of [above, below]) s.cell.colSpan = Math.max(shown.length, 1);
    body.replaceChildren(
      above.row,
      ...rows.slice(first, last).map((row) => rowElement(row, shown)),
      below.row,
    );
  };
  const renderFooter = () => {
    const total = byId.size;
    const matching = table.getRowModel().rows.length;
    const selected = marked.size > 0 ? `; ${marked.size} selected` : '';
    footer.textContent =
      total === 0
        ? empty
        : state().globalFilter
          ? matching === 0
            ? `No ${options.noun} of ${total} match “${state().globalFilter}”.`
            : `${matching} of ${total} ${options.noun} match “${state().globalFilter}”${selected}.`
          : `${total} ${options.noun}${selected}.`;
  };
  const render = () => {
    renderHead();
    renderWindow();
    renderFooter();
  };
  let pending = false;
  scroller.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      renderWindow();
    });
  });
  const rowOf = (event: Event) => {
    const element = (event.target as Element | null)?.closest('tr[data-id]');
    const id = element?.getAttribute('data-id');
    return id ? byId.get(id) : undefined;
  };
  body.addEventListener('click', (event) => {
    const row = rowOf(event);
    if (row) options.activate(row);
  });
  body.addEventListener('dblclick', (event) => {
    const row = rowOf(event);
    if (row) options.open(row);
  });

  const element = h(
    'section',
    { id: `${prefix}-block`, class: 'table-block' },
    h('div', { class: 'table-head' }, h('h3', {}, options.caption), filter, columnsMenu, csv),
    scroller,
    footer,
  );
  render();
  return {
    element,
    setRows(rows, present, why) {
      columns = present;
      empty = why;
      byId.clear();
      for (const row of rows) byId.set(row.id, row);
      table.setOptions((current) => ({ ...current, data: rows, columns: present.map(columnDefinition) }));
      render();
    },
    mark(selected) {
      const rows = table.getRowModel().rows;
      marked = new Set(rows.filter((row) => selected(row.original)).map((row) => row.id));
      const first = rows.findIndex((row) => marked.has(row.id));
      const top = first * ROW_HEIGHT;
      const inSight =
        top >= scroller.scrollTop && top + ROW_HEIGHT <= scroller.scrollTop + scroller.clientHeight;
      if (first >= 0 && !inSight) scroller.scrollTop = Math.max(0, top - scroller.clientHeight / 3);
      renderWindow();
      renderFooter();
    },
    rows: () => table.getRowModel().rows.map((row) => row.original),
    columns: shownColumns,
    hideColumns(hidden) {
      const now = hiddenKeys();
      if (now.length === hidden.length && hidden.every((key) => now.includes(key))) return;
      table.setColumnVisibility(Object.fromEntries(hidden.map((key) => [key, false])));
    },
  };
}
