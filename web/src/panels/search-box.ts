/**
 * The type-ahead search: suggestions while typing (by name prefix), a full search on Enter, and a
 * list of results to open. Names arrive as text and are shown as text. A person's birth date and
 * nationalities follow the name, and namesakes the list cannot otherwise tell apart show a short id.
 * A full search says how many of its matches it lists ("25 of 112") and loads the next page on asking.
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

const PAGE = 25;

/** What a list of full-search results holds: "3 matches", "25 of 112 matches". */
export function searchCount(listed: number, total: number, truncated: boolean): string {
  const noun = total === 1 ? 'match' : 'matches';
  const all = truncated ? `${total}+` : String(total);
  return listed >= total && !truncated ? `${total} ${noun}` : `${listed} of ${all} ${noun}`;
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
  // `head` says what the list holds, `more` (when given) loads what it does not.
  const show = (hits: Hit[], empty: string, head?: string, more?: () => void) => {
    const details = detailsOf(hits);
    replace(
      list,
      ...(head ? [h('li', { class: 'muted search-count', id: 'search-count' }, head)] : []),
      ...(hits.length > 0
        ? hits.map((hit) => hitButton(hit, details.get(hit.id) ?? '', open))
        : [h('li', { class: 'muted' }, empty)]),
      ...(more
        ? [h('li', {}, h('button', { type: 'button', id: 'search-more', onclick: more }, 'Show more'))]
        : []),
    );
    list.hidden = false;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  // One page of a full search after the hits already listed, which stay.
  const search = (q: string, listed: Hit[]) => {
    const ticket = ++asked;
    searchEntities(q, { limit: PAGE, offset: listed.length })
      .then((answer) => {
        if (ticket !== asked) return;
        const hits = [...listed, ...answer.items];
        const more = hits.length < answer.total && answer.items.length > 0;
        show(
          hits,
          'Nothing found',
          searchCount(hits.length, answer.total, answer.truncated),
          more ? () => search(q, hits) : undefined,
        );
      })
      .catch((error: unknown) => workspace.say(String(error), 'error'));
  };
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
  // Leaving the box closes the list, unless for the list itself ("Show more", a hit).
  input.addEventListener('blur', (event) => {
    if (event.relatedTarget instanceof Node && list.contains(event.relatedTarget)) return;
    setTimeout(() => (list.hidden = true), 300);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') list.hidden = true;
    if (event.key !== 'Enter') return;
    clearTimeout(timer);
    search(input.value.trim(), []);
  });
  // The list closes when the analyst works elsewhere, so it never covers the tabs or the canvas.
  document.addEventListener('pointerdown', (event) => {
    if (!container.contains(event.target as Node)) list.hidden = true;
  });
  replace(container, input, list);
}
