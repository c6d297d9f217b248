/** Reading the rows of the table beside the canvas in a browser test. */
import type { Page } from 'playwright-core';

/**
 * Every row of a table, in order, with the text of one column: the table builds only the rows in
 * sight, so this scrolls it from top to bottom and reads them as they come.
 */
export async function readTableRows(
  page: Page,
  table: 'entities' | 'links',
  column = 'name',
): Promise<{ id: string; text: string }[]> {
  return page.evaluate(
    async ({ table, column }) => {
      const scroller = document.getElementById(`table-${table}-scroll`) as HTMLElement;
      const keys = [...document.querySelectorAll(`#table-${table} thead th`)].map((th) =>
        th.getAttribute('data-key'),
      );
      const at = keys.indexOf(column);
      const seen = new Map<string, string>();
      const order: string[] = [];
      const frame = () =>
        new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      scroller.scrollTop = 0;
      await frame();
      for (;;) {
        for (const row of document.querySelectorAll(`#table-${table} tbody tr[data-id]`)) {
          const id = row.getAttribute('data-id') as string;
          if (seen.has(id)) continue;
          seen.set(id, at >= 0 ? (row.children[at]?.textContent ?? '') : '');
          order.push(id);
        }
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
        scroller.scrollTop += scroller.clientHeight;
        await frame();
      }
      scroller.scrollTop = 0;
      await frame();
      return order.map((id) => ({ id, text: seen.get(id) as string }));
    },
    { table, column },
  );
}
