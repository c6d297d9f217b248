/**
 * The type-ahead search: suggestions while typing (by name prefix), a full search on Enter, and a
 * list of results to open. Names arrive as text and are shown as text. A person's birth date and
 * nationalities follow the name, and namesakes the list cannot otherwise tell apart show a short id.
 */
import { searchEntities, suggestEntities } from '../api/client.ts';
import type { EntityLabel } from '../api/vocabulary.ts';
import { typeColour, typeGlyph } from '../graph/palette.ts';
import { h, replace } from '../lib/dom.ts';
import type { Workspace } from '../workspace/context.ts';

interface Hit {
  id: string;
  type: EntityLabel;
  name: string | null;
  birthDate: string | null;
  nationalities: string[];
}

/** The end of a long id, enough to tell two records apart at a glance. */
function shortId(id: string): string {
  return id.length <= 14 ? id : `…${id.slice(-8)}`;
}

/** Birth date and nationalities, and the short id where another hit reads the same. */
function detailsOf(hits: Hit[]): Map<string, string> {
  const known = (hit: Hit) =>
    [hit.birthDate ? `b. ${hit.birthDate}` : '', hit.nationalities.join('/')].filter(Boolean).join(' · ');
  const label = (hit: Hit) => `${(hit.name ?? '').toLowerCase()}|${known(hit)}`;
  const counts = new Map<string, number>();
  for (const hit of hits) counts.set(label(hit), (counts.get(label(hit)) ?? 0) + 1);
  return new Map(
    hits.map((hit) => {
      const parts = [known(hit), (counts.get(label(hit)) ?? 0) > 1 ? `#${shortId(hit.id)}` : ''];
      return [hit.id, parts.filter(Boolean).join(' · ')];
    }),
  );
}

function hitButton(hit: Hit, detail: string, open: (id: string) => void): HTMLLIElement {
  const glyph = h('span', { class: 'glyph', 'aria-hidden': 'true' }, typeGlyph(hit.type));
  glyph.style.color = typeColour(hit.type);
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'hit', 'data-id': hit.id, onclick: () => open(hit.id) },
      glyph,
      h('span', { class: 'hit-name' }, hit.name ?? hit.id),
      ...(detail === '' ? [] : [h('span', { class: 'hit-detail' }, detail)]),
      h('span', { class: 'hit-type' }, hit.type),
    ),
  );
}

/** Mounts the search box into `container`. */
export function mountSearchBox(container: HTMLElement, workspace: Workspace): void {
  const input = h('input', {
    id: 'search',
    type: 'search',
    placeholder: 'Search names, aliases, numbers…',
    autocomplete: 'off',
    'aria-label': 'Search entities',
    'aria-controls': 'search-results',
  });
  const list = h('ul', { id: 'search-results', class: 'search-results', role: 'listbox' });
  list.hidden = true;
  const open = (id: string) => {
    list.hidden = true;
    workspace.openEntity(id).catch((error: unknown) => workspace.say(String(error), 'error'));
  };
  const show = (hits: Hit[], empty: string) => {
    const details = detailsOf(hits);
    replace(
      list,
      ...(hits.length > 0
        ? hits.map((hit) => hitButton(hit, details.get(hit.id) ?? '', open))
        : [h('li', { class: 'muted' }, empty)]),
    );
    list.hidden = false;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix.length < 2) {
      list.hidden = true;
      return;
    }
    timer = setTimeout(() => {
      const ticket = ++asked;
      suggestEntities(prefix)
        .then((answer) => ticket === asked && show(answer.suggestions, 'No suggestion'))
        .catch((error: unknown) => workspace.say(String(error), 'error'));
    }, 150);
  });
  input.addEventListener('blur', () => setTimeout(() => (list.hidden = true), 300));
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') list.hidden = true;
    if (event.key !== 'Enter') return;
    clearTimeout(timer);
    const ticket = ++asked;
    searchEntities(input.value.trim(), { limit: 25 })
      .then((answer) => ticket === asked && show(answer.items, 'Nothing found'))
      .catch((error: unknown) => workspace.say(String(error), 'error'));
  });
  // The list closes when the analyst works elsewhere, so it never covers the tabs or the canvas.
  document.addEventListener('pointerdown', (event) => {
    if (!container.contains(event.target as Node)) list.hidden = true;
  });
  replace(container, input, list);
}
